// The duration arithmetic of the statistics, against figures computed by hand from the mini
// workflow (tests/data/valid/config) and its 2026 calendar, whose holidays around Nyepi and
// Idulfitri (18-24 March), Good Friday (3 April) and 1 May fall inside the stays below.
#include "engine/report/stats.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "engine/app/demo.hpp"
#include "tests/engine/archive/site.hpp"
#include "tests/support/dates.hpp"

using regflow::deadline::Status;
using regflow::report::DossierFacts;
using regflow::report::DurationSummary;
using regflow::report::StatsFilter;
using regflow::test::date;
using regflow::test::Site;
using regflow::time::DayUnit;
namespace report = regflow::report;

namespace {

void add_mini_users(Site& site) {
  site.store().add_user({"ani", {"dinas-kukm"}, "staf", {}});
  site.store().add_user({"budi", {"biro-hukum"}, "kepala", {}});
  site.store().add_user({"fery", {"sekda"}, "kepala", {}});
}

// Returned once from paraf (the anchored `total` pauses), its harmonisasi limit extended, then
// finished: every stay over a holiday.
std::string revised_and_extended(Site& site) {
  const std::string id = site.start("mini", "ani", "2026-03-16T09:00");
  site.advance(id, "ajukan", "ani", "2026-03-26T09:00");
  site.advance(id, "sign", "ani", "2026-03-26T10:00");
  site.advance(id, "kembalikan", "budi", "2026-03-30T09:00", "pasal 2 bertentangan");
  site.advance(id, "ajukan", "ani", "2026-04-06T09:00");
  site.advance(id, "sign", "ani", "2026-04-06T10:00");
  site.advance(id, "sign", "budi", "2026-04-07T09:00");
  site.advance(id, "sign", "fery", "2026-04-08T09:00");
  site.extend(id, "harmonisasi", "2026-05-06", "budi", "2026-04-09T09:00");
  site.advance(id, "selesai", "budi", "2026-04-29T09:00");
  site.advance(id, "tetapkan", "fery", "2026-05-04T09:00");
  return id;
}

// Returned from harmonisasi, whose limit runs on while the dossier is away (`continue`).
std::string returned_from_harmonisasi(Site& site) {
  const std::string id = site.start("mini", "ani", "2026-04-06T09:00");
  site.advance(id, "ajukan", "ani", "2026-04-07T09:00");
  site.advance(id, "sign", "ani", "2026-04-07T10:00");
  site.advance(id, "sign", "budi", "2026-04-07T11:00");
  site.advance(id, "sign", "fery", "2026-04-08T09:00");
  site.advance(id, "kembalikan", "budi", "2026-04-13T09:00", "naskah akademik kurang");
  site.advance(id, "ajukan", "ani", "2026-04-15T09:00");
  site.advance(id, "sign", "ani", "2026-04-15T10:00");
  site.advance(id, "sign", "budi", "2026-04-16T09:00");
  site.advance(id, "sign", "fery", "2026-04-16T10:00");
  return id;
}

DossierFacts facts_of(Site& site, const std::string& id, const char* as_of) {
  const auto* def = site.config().find("mini");
  REQUIRE(def != nullptr);
  return report::dossier_facts(*def, site.store().events(id), site.config().calendar(),
                               site.config().settings.offset, date(as_of));
}

struct StayFigure {
  std::string step;
  std::string agency;
  DayUnit unit;
  int days;
  bool running;
};

std::vector<StayFigure> figures(const DossierFacts& facts) {
  std::vector<StayFigure> out;
  for (const auto& s : facts.stays) out.push_back({s.step, s.agency, s.unit, s.days, s.running});
  return out;
}

bool operator==(const StayFigure& a, const StayFigure& b) {
  return a.step == b.step && a.agency == b.agency && a.unit == b.unit && a.days == b.days &&
         a.running == b.running;
}

const report::DeadlineOutcome* find(const std::vector<report::DeadlineOutcome>& all,
                                    const std::string& id, int nth = 0) {
  for (const auto& out : all) {
    if (out.deadline == id && nth-- == 0) return &out;
  }
  return nullptr;
}

}  // namespace

namespace Catch {
template <>
struct StringMaker<StayFigure> {
  static std::string convert(const StayFigure& s) {
    return s.step + " " + s.agency + " " + std::to_string(s.days) +
           (s.unit == DayUnit::Working ? " hk" : " h") + (s.running ? " running" : "");
  }
};
}  // namespace Catch

TEST_CASE("stays are counted in the step limit's unit, across holidays and revision rounds",
          "[report][stats]") {
  Site site;
  add_mini_users(site);
  const auto facts = facts_of(site, revised_and_extended(site), "2026-06-01");

  // penyusunan 16 Mar -> 26 Mar: 17, 25, 26 March (18-24 are Nyepi, Idulfitri and weekends).
  // paraf 26 -> 30 Mar (4 hari), away in revision until 6 Apr (not counted: no limit pauses
  // nothing), then 6 -> 8 Apr (2 hari). penyusunan again 30 Mar -> 6 Apr: 31, 1, 2, 6 (3 Apr is
  // Good Friday). harmonisasi 8 -> 29 Apr: 9, 10, 13-17, 20-24, 27-29 = 15 hari kerja.
  const std::vector<StayFigure> expected{{"penyusunan", "dinas-kukm", DayUnit::Working, 3, false},
                                         {"penyusunan", "dinas-kukm", DayUnit::Working, 4, false},
                                         {"paraf", "biro-hukum", DayUnit::Calendar, 6, false},
                                         {"harmonisasi", "biro-hukum", DayUnit::Working, 15, false},
                                         {"penetapan", "sekda", DayUnit::Calendar, 5, false}};
  CHECK(figures(facts) == expected);
  CHECK(facts.closed_on == date("2026-05-04"));
  CHECK(facts.completed);
  CHECK(facts.agencies == std::vector<std::string>{"biro-hukum", "dinas-kukm", "sekda"});

  SECTION("limits: met with the days to spare, in their own unit") {
    // First penyusunan limit: 5 hari kerja from 16 Mar is 30 Mar; met on 26 Mar with 27 and 30
    // to spare. The second, from 30 Mar, is due 7 Apr; met on 6 Apr with one day to spare.
    const auto* first = find(facts.deadlines, "penyusunan", 0);
    const auto* second = find(facts.deadlines, "penyusunan", 1);
    REQUIRE(first != nullptr);
    REQUIRE(second != nullptr);
    CHECK(first->status == Status::Met);
    CHECK(first->margin == 2);
    CHECK(first->due == date("2026-03-30"));
    CHECK(first->agency == "dinas-kukm");
    CHECK(second->status == Status::Met);
    CHECK(second->margin == 1);
  }

  SECTION("an extension turns a miss into a met deadline, and says by whom and how far") {
    // harmonisasi: 10 hari kerja from 8 Apr is 22 Apr; without the extension finishing on
    // 29 Apr would be late. Extended to 6 May: met with 30 Apr, 4, 5, 6 May to spare (1 May is a
    // holiday). The extension moved it 9 hari kerja: 23, 24, 27-30 Apr, 4-6 May.
    const auto* harmonisasi = find(facts.deadlines, "harmonisasi");
    REQUIRE(harmonisasi != nullptr);
    CHECK(harmonisasi->status == Status::Met);
    CHECK(harmonisasi->extended);
    CHECK(harmonisasi->margin == 4);
    CHECK(harmonisasi->agency == "biro-hukum");
    REQUIRE(facts.extensions.size() == 1);
    CHECK(facts.extensions[0].deadline == "harmonisasi");
    CHECK(facts.extensions[0].actor == "budi");
    CHECK(facts.extensions[0].agency == "biro-hukum");
    CHECK(facts.extensions[0].days == 9);
  }

  SECTION("the extension event records the date it moved, so stats need not recompute it") {
    const auto events = site.store().events(facts.id);
    const auto extended = std::find_if(events.begin(), events.end(), [](const auto& e) {
      return e.type == regflow::runtime::EventType::DeadlineExtended;
    });
    REQUIRE(extended != events.end());
    CHECK(extended->data.at("computed") == "2026-04-22");
    CHECK(extended->data.count("replaces") == 0);
  }

  SECTION("a paused clock: the anchored total stops while the dossier is away") {
    // total: 30 hari from 26 Mar, due 25 Apr; returned 30 Mar with 26 hari left; back at paraf
    // on 6 Apr, so due 2 May. Reached selesai on 4 May: missed by 2 hari.
    const auto* total = find(facts.deadlines, "total");
    REQUIRE(total != nullptr);
    CHECK(total->status == Status::Missed);
    CHECK(total->due == date("2026-05-02"));
    CHECK(total->margin == -2);
    CHECK(total->unit == DayUnit::Calendar);
  }
}

TEST_CASE("a limit that runs on in revision counts the time away; a running stay counts to the "
          "as-of day",
          "[report][stats]") {
  Site site;
  add_mini_users(site);
  const auto facts = facts_of(site, returned_from_harmonisasi(site), "2026-04-27");

  // harmonisasi 8 -> 13 Apr (9, 10, 13), away 13 -> 16 Apr (14, 15, 16: counted, the limit
  // continues), then 16 -> 27 Apr (17, 20-24, 27): 3 + 3 + 7 = 13 hari kerja, still running.
  REQUIRE_FALSE(facts.stays.empty());
  const auto& last = facts.stays.back();
  CHECK(StayFigure{last.step, last.agency, last.unit, last.days, last.running} ==
        StayFigure{"harmonisasi", "biro-hukum", DayUnit::Working, 13, true});
  CHECK_FALSE(facts.closed_on);

  // Its limit, due 22 Apr, is overdue by 3 hari kerja on 27 Apr (23, 24, 27).
  const auto* harmonisasi = find(facts.deadlines, "harmonisasi");
  REQUIRE(harmonisasi != nullptr);
  CHECK(harmonisasi->status == Status::Overdue);
  CHECK(harmonisasi->margin == -3);

  // total: from 7 Apr, due 7 May; returned 13 Apr with 24 hari left, back 16 Apr: due 10 May.
  const auto* total = find(facts.deadlines, "total");
  REQUIRE(total != nullptr);
  CHECK(total->status == Status::OnTrack);
  CHECK(total->due == date("2026-05-10"));
  CHECK(total->margin == 13);

  SECTION("as of an earlier day, later events are not read") {
    const auto earlier = facts_of(site, returned_from_harmonisasi(site), "2026-04-14");
    REQUIRE_FALSE(earlier.stays.empty());
    CHECK(earlier.stays.back().step == "penyusunan");
    CHECK(earlier.stays.back().running);
    CHECK(earlier.stays.back().days == 1);
  }
}

TEST_CASE("summaries use nearest ranks", "[report][stats]") {
  std::vector<int> none;
  CHECK(report::summarize(none) == DurationSummary{});
  std::vector<int> one{7};
  CHECK(report::summarize(one) == DurationSummary{1, 7, 7, 7});
  std::vector<int> ten{10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
  CHECK(report::summarize(ten) == DurationSummary{10, 5, 9, 10});
  std::vector<int> four{4, 1, 3, 2};
  CHECK(report::summarize(four) == DurationSummary{4, 2, 4, 4});
}

TEST_CASE("the statistics sum the dossiers, filtered by agency and period", "[report][stats]") {
  Site site;
  add_mini_users(site);
  revised_and_extended(site);
  returned_from_harmonisasi(site);
  report::DefinitionLookup lookup =
      [&](const std::string& hash,
          regflow::model::Message& error) -> const regflow::model::WorkflowDefinition* {
    for (const auto& def : site.config().workflows) {
      if (def.content_hash == hash) return &def;
    }
    error = regflow::model::verbatim("unknown definition");
    return nullptr;
  };
  auto build = [&](StatsFilter filter) {
    return report::build_stats(site.store(), lookup, filter, site.config().calendar(),
                               site.config().settings.offset, date("2026-05-11"));
  };

  const auto all = build({});
  CHECK(all.dossiers == 2);
  CHECK(all.skipped.empty());
  // harmonisasi is late in the second dossier (running, due 22 Apr): it comes first.
  REQUIRE_FALSE(all.steps.empty());
  CHECK(all.steps.front().step == "harmonisasi");
  CHECK(all.steps.front().limit.met == 1);
  CHECK(all.steps.front().limit.running_late == 1);
  CHECK(all.steps.front().at_step_now == 1);
  CHECK(all.steps.front().time == DurationSummary{1, 15, 15, 15});
  CHECK(all.on_time_by_agency.at("dinas-kukm").met == 4);
  CHECK(all.on_time_by_agency.at("dinas-kukm").missed == 0);
  REQUIRE(all.extensions.size() == 1);
  CHECK(all.extensions[0].actor == "budi");
  // Both started in 2026; the first finished in May.
  REQUIRE(all.throughput.size() == 3);
  CHECK(all.throughput[0].month == "2026-03");
  CHECK(all.throughput[0].started == 1);
  CHECK(all.throughput[1].month == "2026-04");
  CHECK(all.throughput[1].started == 1);
  CHECK(all.throughput[2].month == "2026-05");
  CHECK(all.throughput[2].finished == 1);
  CHECK(all.open_by_age[1].count == 1);  // 6 Apr to 11 May: 35 days

  SECTION("a dossier cancelled as started by mistake is left out of every figure") {
    const std::string id = site.start("mini", "ani", "2026-05-04T09:00");
    auto outcome = site.installation().cancel(id, {"dibuat dua kali"},
                                              *site.installation().actor("ani"),
                                              site.at("2026-05-04T10:00"));
    REQUIRE(std::holds_alternative<std::vector<regflow::runtime::Event>>(outcome));
    const auto again = build({});
    CHECK(again.dossiers == 2);
    REQUIRE(again.throughput.size() == 3);
    CHECK(again.throughput[2].started == 0);
    CHECK(again.throughput[2].stopped == 0);
    CHECK(again.open_by_age[0].count == all.open_by_age[0].count);
    CHECK(again.open_by_age[1].count == 1);
    const auto facts = facts_of(site, id, "2026-05-11");
    CHECK(facts.cancelled);
  }
  SECTION("an agency sees its own stays and limits") {
    const auto sekda = build({"", "sekda", {}, {}});
    for (const auto& step : sekda.steps) CHECK(step.step == "penetapan");
    CHECK(sekda.dossiers == 1);  // only the first reached penetapan; signing holds no step
  }
  SECTION("a period counts what ended in it") {
    const auto april = build({"", "", date("2026-04-01"), date("2026-04-30")});
    CHECK(april.as_of == date("2026-04-30"));
    for (const auto& row : april.throughput) CHECK(row.month == "2026-04");
    const auto* penyusunan = &april.steps.back();
    for (const auto& step : april.steps) {
      if (step.step == "penyusunan") penyusunan = &step;
    }
    // March's first stay is out; April's 4 and the second dossier's 1 and 2 are in.
    CHECK(penyusunan->time == DurationSummary{3, 2, 4, 4});
  }
}

TEST_CASE("the demo's Governor's target: two weeks from 7 January, still running on 15 February",
          "[report][stats][shipped]") {
  Site site(regflow::test::shipped_config_dir());
  regflow::app::build_demo(site.installation(), site.at("2021-02-15T09:00"));
  const auto* def = site.config().find("pergub");
  REQUIRE(def != nullptr);
  const auto facts = report::dossier_facts(*def, site.store().events("PERGUB-2021-0001"),
                                           site.config().calendar(),
                                           site.config().settings.offset, date("2021-02-15"));
  // Started 7 January with --within 14d: due 21 January; on 15 February 25 hari late.
  REQUIRE(facts.target);
  CHECK(facts.target->status == Status::Overdue);
  CHECK(facts.target->due == date("2021-01-21"));
  CHECK(facts.target->margin == -25);
  CHECK(facts.target->unit == DayUnit::Calendar);
  // Its penyusunan, limited to 30 hari, took 7 to 14 January: 7 hari.
  REQUIRE_FALSE(facts.stays.empty());
  CHECK(facts.stays.front().step == "penyusunan");
  CHECK(facts.stays.front().unit == DayUnit::Calendar);
  CHECK(facts.stays.front().days == 7);
}

TEST_CASE("a second extension counts from the first one's date, as its event recorded it",
          "[report][stats]") {
  Site site;
  add_mini_users(site);
  const std::string id = site.start("mini", "ani", "2026-04-06T09:00");
  site.advance(id, "ajukan", "ani", "2026-04-07T09:00");
  site.advance(id, "sign", "ani", "2026-04-07T10:00");
  site.advance(id, "sign", "budi", "2026-04-07T11:00");
  site.advance(id, "sign", "fery", "2026-04-08T09:00");
  // harmonisasi: 10 hari kerja from 8 Apr is 22 Apr. Extended to 29 Apr (5 hari kerja: 23, 24,
  // 27, 28, 29), then to 6 May (4 more: 30 Apr, 4, 5, 6 May; 1 May is a holiday).
  site.extend(id, "harmonisasi", "2026-04-29", "budi", "2026-04-09T09:00");
  site.extend(id, "harmonisasi", "2026-05-06", "budi", "2026-04-10T09:00");
  const auto events = site.store().events(id);
  std::vector<regflow::runtime::Event> extensions;
  std::copy_if(events.begin(), events.end(), std::back_inserter(extensions), [](const auto& e) {
    return e.type == regflow::runtime::EventType::DeadlineExtended;
  });
  REQUIRE(extensions.size() == 2);
  CHECK(extensions[0].data.at("computed") == "2026-04-22");
  CHECK(extensions[0].data.count("replaces") == 0);
  CHECK(extensions[1].data.at("computed") == "2026-04-22");
  CHECK(extensions[1].data.at("replaces") == "2026-04-29");

  const auto facts = facts_of(site, id, "2026-05-11");
  REQUIRE(facts.extensions.size() == 2);
  CHECK(facts.extensions[0].days == 5);
  CHECK(facts.extensions[1].days == 4);
}
