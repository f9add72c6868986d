// Deadline periods taken from a decision table (tests/data/rules_config: the `raperda` workflow
// and its table `tenggat`): decided when the clock starts, recorded in the event, and never moved
// by a later change. Dates are counted by hand on the 2026 calendar of that folder (weekends, and
// 18–24 March closed).
#include "engine/deadline/table_period.hpp"

#include <catch2/catch.hpp>

#include "engine/deadline/status.hpp"
#include "engine/load/config_set.hpp"
#include "engine/rules/rule_set.hpp"
#include "engine/runtime/decide.hpp"
#include "engine/runtime/evolve.hpp"
#include "tests/support/dates.hpp"

using regflow::test::date;

using namespace regflow;

namespace {

/// The `raperda` fixture ready for the pure decider, with one dossier folded as the store would.
class Raperda {
 public:
  Raperda()
      : config_(load::load_config(std::string(REGFLOW_TEST_DATA_DIR) + "/rules_config",
                                  date("2026-03-02"))) {
    std::string all;
    for (const auto& diagnostic : config_.diagnostics)
      all += model::format_diagnostic(diagnostic) + "\n";
    INFO(all);
    REQUIRE_FALSE(model::has_errors(config_.diagnostics));
    model::Diagnostics ds;
    workflow_ = runtime::prepare(*config_.find("raperda"), config_.rules, ds);
    REQUIRE(ds.empty());
  }

  const model::WorkflowDefinition& def() const { return *config_.find("raperda"); }
  const load::ConfigSet& config() const { return config_; }

  runtime::DecideContext at(const std::string& local) const {
    return {workflow_, config_.agencies, config_.settings.roles, config_.calendar(), config_.settings.offset,
            *time::parse_instant(local, config_.settings.offset)};
  }

  void fold(const runtime::Decision& decision) {
    if (const auto* refusal = std::get_if<runtime::Refusal>(&decision)) {
      FAIL("refused: kind " << static_cast<int>(refusal->kind) << " '" << refusal->subject << "'");
    }
    for (const auto& event : std::get<std::vector<runtime::Event>>(decision)) {
      runtime::evolve(def(), state, event, config_.settings.offset);
      log.push_back(event);
    }
  }

  void start(const std::string& when, const std::string& kategori) {
    runtime::StartCommand command;
    command.dossier_id = "RAPERDA-2026-0001";
    command.title = "Raperda";
    command.sets["kategori"] = kategori;
    fold(runtime::decide_start(at(when), command, ani));
  }

  void advance(const std::string& when, const runtime::Actor& actor, const std::string& action,
               std::map<std::string, std::string> sets = {}, const std::string& note = {}) {
    runtime::AdvanceCommand command;
    command.action = action;
    command.sets = std::move(sets);
    command.note = note;
    fold(runtime::decide_advance(at(when), state, command, actor));
  }

  deadline::DeadlineView view(const std::string& clock, const char* today) const {
    const auto* found = state.find_clock(clock);
    REQUIRE(found != nullptr);
    return deadline::evaluate(*found, config_.calendar(), date(today));
  }

  const runtime::Actor ani{"ani", {"dinas-kukm"}, "kepala", {}, std::nullopt};
  const runtime::Actor budi{"budi", {"biro-hukum"}, "kepala", {}, std::nullopt};
  runtime::DossierState state;
  std::vector<runtime::Event> log;

 private:
  load::ConfigSet config_;
  runtime::ExecutableWorkflow workflow_;
};

}  // namespace

TEST_CASE("a step's period comes from the table row of the dossier's kategori",
          "[deadline][table-period]") {
  Raperda r;
  SECTION("apbd: 3 hari, with the row's basis, recorded in the event that starts the clock") {
    r.start("2026-03-05T09:00", "apbd");  // Thursday
    r.advance("2026-03-05T10:00", r.ani, "ajukan_evaluasi");
    const auto& event = r.log.back();
    CHECK(event.data.at("period.pengajuan") == "3 hari");
    CHECK(event.data.at("period_basis.pengajuan") == "UU 23/2014 Pasal 314 [R]");
    const auto* clock = r.state.find_clock("pengajuan");
    REQUIRE(clock != nullptr);
    CHECK(clock->within == time::Duration{3, time::DayUnit::Calendar});
    CHECK(clock->basis == "UU 23/2014 Pasal 314 [R]");
    CHECK(r.view("pengajuan", "2026-03-05").due == date("2026-03-08"));
  }
  SECTION("pajak: 3 hari kerja, so the weekend does not count") {
    r.start("2026-03-05T09:00", "pajak");
    r.advance("2026-03-05T10:00", r.ani, "ajukan_evaluasi");
    CHECK(r.log.back().data.at("period.pengajuan") == "3 hari kerja");
    CHECK(r.view("pengajuan", "2026-03-05").due == date("2026-03-10"));  // 6, 9, 10 March
  }
  SECTION("a number output is counted in the declared unit; the --set of the action counts") {
    r.start("2026-03-02T09:00", "apbd");
    r.advance("2026-03-02T10:00", r.ani, "ajukan_evaluasi");
    // The action that enters evaluasi changes kategori: the period follows the new value.
    r.advance("2026-03-03T10:00", r.ani, "ajukan", {{"kategori", "pajak"}});
    CHECK(r.state.step == "evaluasi");
    CHECK(r.log.back().data.at("period.evaluasi") == "12 hari kerja");
    CHECK(r.log.back().data.at("period_basis.evaluasi") == "UU 1/2022 Pasal 98 [C]");
    // 4,5,6,9,10,11,12,13,16,17 (18–24 closed) 25,26 → 26 March.
    CHECK(r.view("evaluasi", "2026-03-03").due == date("2026-03-26"));
  }
}

TEST_CASE("a period, once its clock started, does not change when the variables do",
          "[deadline][table-period]") {
  Raperda r;
  r.start("2026-03-02T09:00", "apbd");
  r.advance("2026-03-02T10:00", r.ani, "ajukan_evaluasi");
  r.advance("2026-03-02T11:00", r.ani, "ajukan");
  REQUIRE(r.state.step == "evaluasi");
  CHECK(r.state.find_clock("evaluasi")->within == time::Duration{15, time::DayUnit::Working});
  const int generation = r.state.find_clock("evaluasi")->generation;

  r.advance("2026-03-04T10:00", r.budi, "koreksi_kategori", {{"kategori", "pajak"}},
            "salah input: Raperda pajak daerah");
  CHECK(r.state.variables.at("kategori") == model::Value{std::string("pajak")});
  CHECK(r.log.back().data.count("period.evaluasi") == 0);
  const auto* clock = r.state.find_clock("evaluasi");
  CHECK(clock->within == time::Duration{15, time::DayUnit::Working});
  CHECK(clock->generation == generation);
  CHECK(clock->basis == "UU 23/2014 Pasal 314 [R]");

  SECTION("returned and submitted again, the new clock is decided afresh from the new kategori") {
    r.advance("2026-03-05T10:00", r.budi, "tidak_sesuai", {}, "belum sesuai");
    REQUIRE(r.state.step == "pengajuan");
    CHECK(r.log.back().data.at("period.pengajuan") == "3 hari kerja");
    CHECK(r.state.find_clock("pengajuan")->within == time::Duration{3, time::DayUnit::Working});
    CHECK(r.state.find_clock("pengajuan")->generation == 2);

    // evaluasi restarts on return (on_return: restart): a fresh period, for kategori pajak.
    r.advance("2026-03-06T10:00", r.ani, "ajukan");
    REQUIRE(r.state.step == "evaluasi");
    CHECK(r.log.back().data.at("period.evaluasi") == "12 hari kerja");
    const auto* restarted = r.state.find_clock("evaluasi");
    CHECK(restarted->started == date("2026-03-06"));
    CHECK(restarted->within == time::Duration{12, time::DayUnit::Working});
    CHECK(restarted->basis == "UU 1/2022 Pasal 98 [C]");
    CHECK(restarted->generation == generation + 1);
  }
}

TEST_CASE("replaying the events never consults the table again", "[deadline][table-period]") {
  Raperda r;
  r.start("2026-03-02T09:00", "apbd");
  r.advance("2026-03-02T10:00", r.ani, "ajukan_evaluasi");
  r.advance("2026-03-02T11:00", r.ani, "ajukan");

  SECTION("a recorded period is what the clock gets, whatever the table now says") {
    auto events = r.log;
    events[2].data["period.evaluasi"] = "20 hari kerja";  // as if the table said so back then
    const auto replayed = runtime::replay(r.def(), events, r.config().settings.offset);
    CHECK(replayed.find_clock("evaluasi")->within == time::Duration{20, time::DayUnit::Working});
  }
  SECTION("events without a record (written before the table) fall back to `otherwise`") {
    auto events = r.log;
    events[1].data.erase("period.pengajuan");
    events[2].data.erase("period.evaluasi");
    events[2].data.erase("period_basis.evaluasi");
    const auto replayed = runtime::replay(r.def(), events, r.config().settings.offset);
    // pengajuan has no `otherwise`: no clock; evaluasi's otherwise is 5 hari kerja.
    const auto* pengajuan = replayed.find_clock("pengajuan");
    CHECK(pengajuan == nullptr);
    CHECK(replayed.find_clock("evaluasi")->within == time::Duration{5, time::DayUnit::Working});
    CHECK(replayed.find_clock("evaluasi")->basis == "menurut kategori; lainnya praktik [I]");
  }
  SECTION("a recorded 'none' starts no clock") {
    auto events = r.log;
    events[1].data["period.pengajuan"] = "none";
    const auto replayed = runtime::replay(r.def(), events, r.config().settings.offset);
    CHECK(replayed.find_clock("pengajuan") == nullptr);
  }
}

TEST_CASE("resolve_period: the row's value, else `otherwise`, else none",
          "[deadline][table-period]") {
  const Raperda r;
  const auto& rules = r.config().rules;
  model::TablePeriod period{"tenggat", "hari_evaluasi", time::DayUnit::Working, std::nullopt, {}};
  rules::EvalInput input;
  input.variables["kategori"] = std::string("pajak");
  auto resolved = deadline::resolve_period(period, rules, input);
  CHECK(resolved.within == time::Duration{12, time::DayUnit::Working});
  CHECK(resolved.row == std::size_t{1});
  CHECK(resolved.basis == "UU 1/2022 Pasal 98 [C]");

  input.variables["kategori"] = std::string("umum");  // the row gives '~'
  CHECK_FALSE(deadline::resolve_period(period, rules, input).within.has_value());
  input.variables.clear();  // unset: no row matches
  CHECK_FALSE(deadline::resolve_period(period, rules, input).within.has_value());
  period.otherwise = time::Duration{5, time::DayUnit::Working};
  resolved = deadline::resolve_period(period, rules, input);
  CHECK(resolved.within == time::Duration{5, time::DayUnit::Working});
  CHECK(resolved.basis.empty());

  SECTION("period_value reads whole numbers in the unit and durations as text") {
    CHECK(deadline::period_value(model::Value{15.0}, period) ==
          time::Duration{15, time::DayUnit::Working});
    CHECK_FALSE(deadline::period_value(model::Value{2.5}, period).has_value());
    CHECK_FALSE(deadline::period_value(model::Value{-1.0}, period).has_value());
    CHECK(deadline::period_value(model::Value{std::string("7d")}, period) ==
          time::Duration{7, time::DayUnit::Calendar});
    CHECK_FALSE(deadline::period_value(model::Value{std::string("evaluasi")}, period).has_value());
    CHECK_FALSE(deadline::period_value(model::Value{true}, period).has_value());
    period.unit.reset();
    CHECK_FALSE(deadline::period_value(model::Value{15.0}, period).has_value());
  }
}
