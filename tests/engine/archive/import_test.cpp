// Importing an archive into another installation: everything is checked before anything is
// written; clashes, renumbering, re-imports, counters and dry runs.
#include <catch2/catch.hpp>

#include "engine/app/archive_exchange.hpp"
#include "engine/archive/codec.hpp"
#include "engine/model/digest.hpp"
#include "engine/runtime/chain.hpp"
#include "tests/engine/archive/site.hpp"

using regflow::app::ImportAction;
using regflow::archive::ProblemKind;
using regflow::test::full_mini_dossier;
using regflow::test::Site;
namespace app = regflow::app;
namespace archive = regflow::archive;

namespace {

archive::Archive export_all(Site& site) {
  app::ExportSelection all;
  all.all = true;
  auto outcome = app::export_dossiers(site.installation(), all, site.at("2026-03-12T09:00"));
  REQUIRE(std::holds_alternative<archive::Archive>(outcome));
  // Through the bytes, as between two machines.
  auto decoded = archive::decode(archive::encode(std::get<archive::Archive>(outcome)));
  REQUIRE(std::holds_alternative<archive::Archive>(decoded));
  return std::get<archive::Archive>(decoded);
}

app::ImportPlan plan(Site& site, const archive::Archive& a, bool rename = false,
                     const std::string& as = "") {
  app::ImportOptions options;
  options.rename = rename;
  if (!as.empty()) options.actor = site.actor(as);
  return app::plan_import(site.installation(), a, options, site.at("2026-03-13T09:00"));
}

std::vector<ProblemKind> kinds(const app::ImportPlan& p) {
  std::vector<ProblemKind> out;
  for (const auto& problem : p.problems) out.push_back(problem.kind);
  return out;
}

bool same_events(const std::vector<regflow::runtime::Event>& a,
                 const std::vector<regflow::runtime::Event>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (regflow::runtime::canonical_encoding(a[i]) != regflow::runtime::canonical_encoding(b[i]) ||
        a[i].hash != b[i].hash) {
      return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("a round trip keeps sign-offs, revision rounds and an extended deadline", "[archive]") {
  Site source;
  const std::string id = full_mini_dossier(source);
  const auto a = export_all(source);
  REQUIRE(a.dossiers.size() == 1);
  CHECK(a.header.installation == "regflow");
  CHECK(a.header.exported_at == "2026-03-12T02:00:00Z");
  CHECK(a.users.size() == 3);

  Site target;
  const auto p = plan(target, a);
  REQUIRE_FALSE(p.refused());
  CHECK(p.count(ImportAction::Import) == 1);
  CHECK(p.users.size() == 3);  // nobody is registered in the target
  CHECK(p.users.at(0).local_agencies.empty());
  app::apply_import(target.installation(), p);

  CHECK(same_events(source.store().events(id), target.store().events(id)));
  CHECK(target.store().verify().problems.empty());
  const auto before = source.installation().read(id);
  const auto after = target.installation().read(id);
  REQUIRE(after);
  CHECK(after->state.step == before->state.step);
  CHECK(after->state.signatures == before->state.signatures);
  const auto* clock = after->state.find_clock("harmonisasi");
  REQUIRE(clock != nullptr);
  CHECK(clock->extended_to == regflow::time::parse_date("2026-04-30"));
  const auto* total = after->state.find_clock("total");
  REQUIRE(total != nullptr);
  CHECK(total->rounds.size() == 1);
  CHECK(total->rounds.at(0).note == "pasal 2 bertentangan");
  CHECK(target.store().open_deadlines().size() == source.store().open_deadlines().size());
  // Users are not created: the archive grants nobody the right to act here.
  CHECK(target.store().users().empty());
}

TEST_CASE("importing the same archive again is a no-op that says so", "[archive]") {
  Site source;
  const std::string id = full_mini_dossier(source);
  const auto a = export_all(source);
  Site target;
  app::apply_import(target.installation(), plan(target, a));
  const auto again = plan(target, a);
  REQUIRE_FALSE(again.refused());
  REQUIRE(again.dossiers.size() == 1);
  CHECK(again.dossiers[0].action == ImportAction::AlreadyHere);
  CHECK_FALSE(again.dossiers[0].moved_on);
  CHECK(again.batch.dossiers.empty());
  app::apply_import(target.installation(), again);
  CHECK(target.store().events(id).size() == a.dossiers[0].events.size());

  SECTION("also when the dossier has moved on here since") {
    target.store().add_user({"budi", {"biro-hukum"}, "staf", {}});
    target.advance(id, "selesai", "budi", "2026-03-16T09:00");
    const auto later = plan(target, a);
    REQUIRE_FALSE(later.refused());
    CHECK(later.dossiers.at(0).action == ImportAction::AlreadyHere);
    CHECK(later.dossiers.at(0).moved_on);
  }
}

TEST_CASE("an id taken by another dossier is refused unless --rename", "[archive]") {
  Site source;
  full_mini_dossier(source);
  const auto a = export_all(source);

  Site target;
  target.store().add_user({"sari", {"biro-hukum"}, "staf", {}});
  const std::string local = target.start("mini", "sari", "2026-03-02T10:00", "Pergub lain");
  REQUIRE(local == "MINI-2026-0001");
  const auto refused = plan(target, a);
  CHECK(kinds(refused) == std::vector<ProblemKind>{ProblemKind::IdTaken});

  SECTION("--rename needs to know who renumbers") {
    CHECK(kinds(plan(target, a, true)) == std::vector<ProblemKind>{ProblemKind::NoActor});
  }

  SECTION("--rename gives the next number and records the old id in an imported event") {
    const auto p = plan(target, a, true, "sari");
    REQUIRE_FALSE(p.refused());
    REQUIRE(p.dossiers.size() == 1);
    CHECK(p.dossiers[0].action == ImportAction::Renumber);
    CHECK(p.dossiers[0].local_id == "MINI-2026-0002");
    app::apply_import(target.installation(), p);

    const auto events = target.store().events("MINI-2026-0002");
    REQUIRE(events.size() == a.dossiers[0].events.size() + 1);
    const auto& imported = events.back();
    CHECK(imported.type == regflow::runtime::EventType::Imported);
    CHECK(imported.actor == "sari");
    CHECK(imported.data.at("original_id") == "MINI-2026-0001");
    CHECK(imported.data.at("original_hash") == a.dossiers[0].events.back().hash);
    CHECK(imported.data.at("installation") == "regflow");
    CHECK(events.front().dossier_id == "MINI-2026-0002");
    CHECK(events.front().note == a.dossiers[0].events.front().note);
    CHECK(target.store().verify().problems.empty());
    // The local dossier is untouched, and the next start continues the numbering.
    CHECK(target.store().events("MINI-2026-0001").size() == 1);
    CHECK(target.start("mini", "sari", "2026-03-13T10:00") == "MINI-2026-0003");

    const auto again = plan(target, a, true, "sari");
    REQUIRE_FALSE(again.refused());
    CHECK(again.dossiers.at(0).action == ImportAction::AlreadyHere);
    CHECK(again.dossiers.at(0).local_id == "MINI-2026-0002");
  }
}

TEST_CASE("an import moves the id counters past the imported ids", "[archive]") {
  Site source;
  source.store().add_user({"ani", {"dinas-kukm"}, "staf", {}});
  for (int i = 0; i < 3; ++i) source.start("mini", "ani", "2026-03-02T09:00");
  app::ExportSelection last;
  last.ids = {"MINI-2026-0003"};
  auto outcome = app::export_dossiers(source.installation(), last, source.at("2026-03-03T09:00"));
  REQUIRE(std::holds_alternative<archive::Archive>(outcome));

  Site target;
  target.store().add_user({"ani", {"dinas-kukm"}, "staf", {}});
  app::apply_import(target.installation(), plan(target, std::get<archive::Archive>(outcome)));
  CHECK(target.start("mini", "ani", "2026-03-04T09:00") == "MINI-2026-0004");
}

TEST_CASE("a dry run plans everything and writes nothing", "[archive]") {
  Site source;
  const std::string id = full_mini_dossier(source);
  const auto a = export_all(source);
  Site target;
  const auto p = plan(target, a);
  REQUIRE_FALSE(p.refused());
  CHECK(p.dossiers.at(0).local_id == id);
  CHECK(p.definitions.size() == 1);
  CHECK_FALSE(target.store().dossier(id).has_value());
  CHECK(target.store().list({}).empty());
}

TEST_CASE("an archive edited behind a recomputed checksum is refused and nothing is written",
          "[archive]") {
  Site source;
  const std::string id = full_mini_dossier(source);
  const auto good = export_all(source);
  Site target;

  SECTION("an event's note") {
    auto a = good;
    a.dossiers[0].events[3].note = "pasal 2 sudah sesuai";
    CHECK(kinds(plan(target, a)) == std::vector<ProblemKind>{ProblemKind::BrokenChain});
    CHECK(plan(target, a).problems[0].sequence == 4);
    CHECK(plan(target, a).problems[0].chain == regflow::runtime::ChainBreakKind::ContentHash);
  }
  SECTION("an event removed from the middle") {
    auto a = good;
    a.dossiers[0].events.erase(a.dossiers[0].events.begin() + 2);
    CHECK(kinds(plan(target, a)) == std::vector<ProblemKind>{ProblemKind::BrokenChain});
  }
  SECTION("the dossier id") {
    auto a = good;
    a.dossiers[0].id = "MINI-2026-0009";
    CHECK(kinds(plan(target, a)) == std::vector<ProblemKind>{ProblemKind::BrokenChain});
  }
  SECTION("the summary beside the events") {
    auto a = good;
    a.dossiers[0].variables["jenis"] = "khusus";
    CHECK(kinds(plan(target, a)) == std::vector<ProblemKind>{ProblemKind::SummaryMismatch});
  }
  SECTION("the definition's text") {
    auto a = good;
    a.definitions[0].text += "# tambahan\n";
    CHECK(kinds(plan(target, a)) == std::vector<ProblemKind>{ProblemKind::DefinitionHash});
  }
  SECTION("the definition's text with a matching hash: the chain still names the old one") {
    auto a = good;
    a.definitions[0].text += "# tambahan\n";
    a.definitions[0].hash = regflow::model::sha256_hex(a.definitions[0].text);
    a.dossiers[0].definition_hash = a.definitions[0].hash;
    CHECK(kinds(plan(target, a)) == std::vector<ProblemKind>{ProblemKind::NotStarted});
  }
  CHECK_FALSE(target.store().dossier(id).has_value());
}

TEST_CASE("agencies this installation does not define are refused", "[archive]") {
  Site source;
  source.store().add_user({"ani", {"dinas-kukm"}, "staf", {}});
  const std::string id = source.start("mini", "ani", "2026-03-02T09:00");
  auto a = export_all(source);
  // As if the exporting installation had an agency this one lacks: a chain re-sealed with it.
  auto events = source.store().events(id);
  events[0].agency = "bappeda";
  regflow::runtime::seal(events[0], "");
  a.dossiers[0].events[0].agency = "bappeda";
  a.dossiers[0].events[0].hash = events[0].hash;
  a.agencies.push_back({"bappeda", "Badan Perencanaan Pembangunan Daerah", "sekda", false});

  Site target;
  const auto p = plan(target, a);
  CHECK(kinds(p) == std::vector<ProblemKind>{ProblemKind::UnknownAgency});
  CHECK(p.problems.at(0).detail == "bappeda");
  CHECK(p.problems.at(0).dossier == id);
}

TEST_CASE("export refuses unknown ids and an empty selection", "[archive]") {
  Site site;
  site.store().add_user({"ani", {"dinas-kukm"}, "staf", {}});
  site.start("mini", "ani", "2026-03-02T09:00");
  app::ExportSelection ids;
  ids.ids = {"MINI-2026-0001", "MINI-2026-0042"};
  auto refused = app::export_dossiers(site.installation(), ids, site.at("2026-03-03T09:00"));
  REQUIRE(std::holds_alternative<app::ExportRefusal>(refused));
  CHECK(std::get<app::ExportRefusal>(refused).unknown_ids ==
        std::vector<std::string>{"MINI-2026-0042"});

  app::ExportSelection closed;
  closed.all = true;
  closed.closed = true;
  auto none = app::export_dossiers(site.installation(), closed, site.at("2026-03-03T09:00"));
  REQUIRE(std::holds_alternative<app::ExportRefusal>(none));
  CHECK(std::get<app::ExportRefusal>(none).nothing_selected);
}
