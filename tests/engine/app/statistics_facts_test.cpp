// The statistics facts projection against the replay it replaces: `stats` summed from the saved
// facts must give exactly what replaying every history gives, for the demo database and for
// many dossiers walked at random through the shipped procedures (returns for revision,
// extensions, cancellations), with every filter; a saved row that disagrees with the events is
// found by the projection check and saved again; rows of another calendar are replayed.
#include "engine/app/statistics_facts.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "bench/walker.hpp"
#include "cli/render/stats.hpp"
#include "engine/app/demo.hpp"
#include "engine/app/statistics.hpp"
#include "tests/engine/archive/site.hpp"
#include "tests/support/dates.hpp"

namespace app = regflow::app;
namespace report = regflow::report;
namespace runtime = regflow::runtime;
using regflow::test::date;
using regflow::test::Site;

namespace {

// Both paths rendered as `stats --json` renders them: every figure, in its order.
void check_same(Site& site, const report::StatsFilter& filter, const char* today) {
  INFO("filter: workflow '" << filter.workflow << "', agency '" << filter.agency << "'");
  const auto saved = app::statistics(site.config(), site.store(), filter, date(today));
  const auto replayed = app::statistics_by_replay(site.config(), site.store(), filter, date(today));
  CHECK(saved.dossiers == replayed.dossiers);
  CHECK(regflow::cli::render::stats_json(saved).dump(1) ==
        regflow::cli::render::stats_json(replayed).dump(1));
}

void check_filters(Site& site, const char* today, const char* from, const char* to) {
  check_same(site, {}, today);
  check_same(site, {"perda", "", {}, {}}, today);
  check_same(site, {"", "biro-hukum", {}, {}}, today);
  check_same(site, {"", "", date(from), date(to)}, today);
  // A --to before the last events: those dossiers are replayed up to that day.
  check_same(site, {"", "", {}, date(to)}, today);
}

int count_saved(Site& site) {
  int saved = 0;
  site.store().visit_statistics_facts("", [&](const regflow::store::StatisticsFacts& row) {
    if (row.basis == site.installation().statistics_basis()) ++saved;
  });
  return saved;
}

}  // namespace

TEST_CASE("the demo's statistics from the saved facts are those of the replay",
          "[app][stats][shipped]") {
  Site site(regflow::test::shipped_config_dir());
  app::build_demo(site.installation(), site.at("2021-03-01T09:00"));
  CHECK(count_saved(site) == static_cast<int>(site.store().list({}).size()));
  check_filters(site, "2021-03-01", "2021-01-15", "2021-02-10");
}

TEST_CASE("many dossiers walked at random: saved facts equal the replay, and a false row is found",
          "[app][stats][shipped]") {
  Site site(regflow::test::shipped_config_dir());
  auto& installation = site.installation();
  const auto actor = regflow::bench::register_bench_user(installation, "uji");
  std::mt19937 random(7);
  regflow::bench::WalkPolicy policy;
  policy.return_chance = 0.35;
  const char* names[] = {"perda", "pergub", "kerjasama"};
  auto now = site.at("2025-02-03T09:00");
  std::vector<std::string> ids;
  for (int i = 0; i < 36; ++i) {
    const auto* def = site.config().find(names[i % 3]);
    REQUIRE(def != nullptr);
    auto started = installation.start(
        def->name, regflow::bench::start_command(*def, "Uji acak", random), actor, now);
    REQUIRE(std::holds_alternative<std::string>(started));
    ids.push_back(std::get<std::string>(started));
    now += std::chrono::hours(7);
  }
  std::uniform_int_distribution<int> dice(0, 19);
  for (int round = 0; round < 30; ++round) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      now += std::chrono::hours(3);
      auto dossier = installation.read_state(ids[i]);
      REQUIRE(dossier);
      if (dossier->state.closed) continue;
      const int roll = dice(random);
      if (roll == 0 && i % 5 == 0) {
        installation.cancel(ids[i], runtime::CancelCommand{"dimulai karena keliru"}, actor, now);
        continue;
      }
      if (roll == 1) {
        // Extend a running deadline by a few weeks (refused ones change nothing).
        for (const auto& clock : dossier->state.clocks) {
          if (!clock.running() || clock.id == "target") continue;
          runtime::ExtendCommand extend{
              clock.id,
              regflow::time::local_date(now, site.config().settings.offset) + std::chrono::days(30),
              "menunggu fasilitasi",
              {}};
          installation.extend(ids[i], extend, actor, now);
          break;
        }
        continue;
      }
      if (auto action =
              regflow::bench::pick_action(installation, *dossier, actor, now, policy, random)) {
        installation.advance(ids[i], *action, actor, now);
      }
    }
    if (round % 10 == 9) installation.tick(now);
  }
  check_filters(site, "2025-12-01", "2025-03-01", "2025-03-20");

  SECTION("a row edited outside regflow is found and saved again from the events") {
    site.store().write_transaction([&] {
      auto row = site.store().statistics_facts(ids[4]);
      REQUIRE(row);
      row->record.back() ^= 1;  // the last running clock's last byte
      site.store().save_statistics_facts(*row);
    });
    const auto report = installation.check_projections({}, date("2025-12-01"));
    bool found = false;
    for (const auto& m : report.mismatches) found = found || m.column == "statistics_facts";
    CHECK(found);
    CHECK(installation.refold_statistics_facts({ids[4]}) == 1);
    for (const auto& m : installation.check_projections({}, date("2025-12-01")).mismatches) {
      CHECK(m.column != "statistics_facts");
    }
    check_filters(site, "2025-12-01", "2025-03-01", "2025-03-20");
  }

  SECTION("rows counted with another calendar are replayed, then saved again by a rebuild") {
    site.store().write_transaction([&] {
      for (const auto& id : ids) {
        auto row = site.store().statistics_facts(id);
        REQUIRE(row);
        row->basis = "another calendar";
        site.store().save_statistics_facts(*row);
      }
    });
    site.store().set_setting(app::kStatisticsBasisKey, "another calendar");
    CHECK(count_saved(site) == 0);
    check_filters(site, "2025-12-01", "2025-03-01", "2025-03-20");
    CHECK(installation.save_stale_statistics_facts() == static_cast<std::int64_t>(ids.size()));
    CHECK(count_saved(site) == static_cast<int>(ids.size()));
    check_filters(site, "2025-12-01", "2025-03-01", "2025-03-20");
  }
}
