// The round trip on the shipped workflows: the demo installation (every shipped workflow, with
// sign-offs, revision rounds, escalations and automatic transitions) plus an extended deadline,
// exported and imported into an empty database, arrives whole.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "engine/app/archive_exchange.hpp"
#include "engine/app/demo.hpp"
#include "engine/archive/codec.hpp"
#include "tests/engine/archive/site.hpp"

using regflow::test::Site;
namespace app = regflow::app;
namespace archive = regflow::archive;
namespace runtime = regflow::runtime;

namespace {

bool has(const std::vector<runtime::Event>& events, runtime::EventType type) {
  for (const auto& e : events) {
    if (e.type == type) return true;
  }
  return false;
}

bool returned(const std::vector<runtime::Event>& events) {
  for (const auto& e : events) {
    if (e.data.count("return") != 0) return true;
  }
  return false;
}

/// Extends the first running deadline of a dossier that was signed and returned for revision;
/// returns its id.
std::string extend_a_revised_dossier(Site& site) {
  for (const auto& row : site.store().list({})) {
    const auto events = site.store().events(row.id);
    if (row.closed || !has(events, runtime::EventType::Signed) || !returned(events)) continue;
    const auto dossier = site.installation().read(row.id);
    for (const auto& clock : dossier->state.clocks) {
      if (!clock.running() || clock.away()) continue;
      // By a kepala of the agency holding it: only they may extend its deadlines.
      const std::map<std::string, std::string> kepala = {
          {"biro-hukum", "rudi"}, {"dinas-kukm", "elfiana"}, {"bapenda", "dewi"}};
      const auto by = kepala.find(row.owner_agency);
      if (by == kepala.end()) continue;
      site.extend(row.id, clock.id, "2021-06-30", by->second, "2021-02-15T10:00");
      return row.id;
    }
  }
  FAIL("the demo has no open dossier that was signed and returned for revision");
  return {};
}

}  // namespace

TEST_CASE("every shipped workflow survives export and import into an empty database",
          "[archive][shipped]") {
  Site source(regflow::test::shipped_config_dir());
  app::build_demo(source.installation(), source.at("2021-02-15T09:00"));
  const std::string extended = extend_a_revised_dossier(source);

  app::ExportSelection all;
  all.all = true;
  auto exported = app::export_dossiers(source.installation(), all, source.at("2021-02-15T11:00"));
  REQUIRE(std::holds_alternative<archive::Archive>(exported));
  auto decoded = archive::decode(archive::encode(std::get<archive::Archive>(exported)));
  REQUIRE(std::holds_alternative<archive::Archive>(decoded));
  const auto& a = std::get<archive::Archive>(decoded);

  std::set<std::string> workflows;
  for (const auto& d : a.dossiers) workflows.insert(d.workflow);
  CHECK(workflows == std::set<std::string>{"kerjasama", "perda", "pergub"});
  CHECK(a.definitions.size() == 3);

  Site target(regflow::test::shipped_config_dir());
  const auto plan = app::plan_import(target.installation(), a, {}, target.at("2021-02-15T11:00"));
  REQUIRE(plan.problems.empty());
  CHECK(plan.count(app::ImportAction::Import) == a.dossiers.size());
  app::apply_import(target.installation(), plan);

  CHECK(target.store().verify().problems.empty());
  CHECK(target.store().verify().events == source.store().verify().events);
  for (const auto& row : source.store().list({})) {
    INFO(row.id);
    const auto before = source.store().events(row.id);
    const auto after = target.store().events(row.id);
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
      CHECK(runtime::canonical_encoding(after[i]) == runtime::canonical_encoding(before[i]));
      CHECK(after[i].hash == before[i].hash);
    }
    const auto copy = target.store().dossier(row.id);
    REQUIRE(copy);
    CHECK(copy->step == row.step);
    CHECK(copy->owner_agency == row.owner_agency);
    CHECK(copy->escalated_to == row.escalated_to);
    CHECK(copy->pending_signers == row.pending_signers);
    CHECK(copy->closed == row.closed);
    CHECK(copy->version == row.version);
  }
  const auto extended_copy = target.installation().read(extended);
  REQUIRE(extended_copy);
  CHECK(has(extended_copy->events, runtime::EventType::DeadlineExtended));
  CHECK(has(extended_copy->events, runtime::EventType::Signed));
  CHECK(returned(extended_copy->events));
  CHECK(target.store().open_deadlines().size() == source.store().open_deadlines().size());

  // Later starts in the target continue after the imported numbers.
  target.store().add_user({"sari", {"biro-hukum"}, "staf", {}});
  regflow::runtime::StartCommand start;
  start.title = "Pergub baru";
  start.bindings = {{"pemrakarsa", "dinas-kukm"}, {"asisten", "asisten-perekonomian"}};
  start.sets = {{"jenis_pergub", "biasa"}};
  auto id = target.installation().start("pergub", start, target.actor("sari"),
                                        target.at("2021-02-16T09:00"));
  REQUIRE(std::holds_alternative<std::string>(id));
  CHECK(std::get<std::string>(id) == "PERGUB-2021-0004");
}
