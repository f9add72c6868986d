// A snapshot is a cache: whatever happened to it (missing, another format, another version,
// damaged), a decision reads the state the events replay to.
#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/runtime/state_snapshot.hpp"
#include "tests/engine/app/bureau_fixture.hpp"
#include "tests/engine/store/temp_dir.hpp"

namespace regflow::test {

TEST_CASE("a missing, stale or damaged snapshot is replaced by the replayed state",
          "[app][snapshot]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  const auto config = load::load_config(REGFLOW_SOURCE_DIR, date("2026-01-05"));
  std::string id;
  std::string first_state;  // the snapshot as of version 1
  runtime::DossierState replayed;
  {
    auto store = store::Store::init(path);
    store.add_user({"biro-hukum", {"biro-hukum"}, "staf", {}});
    store.add_user({"dinas-kukm", {"dinas-kukm"}, "staf", {}});
    app::Installation installation(config, store);
    runtime::StartCommand start;
    start.title = "Pergub UMKM";
    start.bindings = {{"pemrakarsa", "dinas-kukm"}, {"asisten", "asisten-perekonomian"}};
    start.sets = {{"jenis_pergub", "biasa"}};
    const auto at = *time::parse_instant("2026-03-02T09:00", config.settings.offset);
    auto started = installation.start("pergub", start, *installation.actor("biro-hukum"), at);
    REQUIRE(std::holds_alternative<std::string>(started));
    id = std::get<std::string>(started);
    first_state = store.snapshot(id)->state;
    runtime::AdvanceCommand act;
    act.action = "selesai_disusun";
    REQUIRE(std::holds_alternative<std::vector<runtime::Event>>(installation.advance(
        id, act, *installation.actor("dinas-kukm"), at + std::chrono::hours{48})));
    replayed = installation.read(id)->state;
    REQUIRE(replayed.version == 2);
  }

  const std::string damage =
      GENERATE("UPDATE dossiers SET snapshot = NULL", "UPDATE dossiers SET snapshot_format = NULL",
               "UPDATE dossiers SET snapshot_format = 0", "UPDATE dossiers SET snapshot = ?",
               "UPDATE dossiers SET snapshot = x'00'",
               "UPDATE dossiers SET snapshot = substr(snapshot, 1, 40)");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    SQLite::Statement statement(raw, damage);
    // The one with a parameter puts back the state of version 1: sound, but stale.
    if (statement.getBindParameterCount() == 1) {
      statement.bind(1, first_state.data(), static_cast<int>(first_state.size()));
    }
    statement.exec();
  }
  auto store = store::Store::open(path);
  app::Installation installation(config, store);
  INFO(damage);
  const auto decided = installation.read_state(id);
  REQUIRE(decided.has_value());
  CHECK(decided->state == replayed);

  // The next action writes a sound snapshot again.
  runtime::AdvanceCommand act;
  act.action = "selesai_dibahas";
  const auto at = *time::parse_instant("2026-03-05T09:00", config.settings.offset);
  REQUIRE(std::holds_alternative<std::vector<runtime::Event>>(
      installation.advance(id, act, *installation.actor("biro-hukum"), at)));
  const auto saved = store.snapshot(id);
  REQUIRE(saved.has_value());
  const auto saved_state = runtime::decode_snapshot(saved->state);
  REQUIRE(saved_state.has_value());
  CHECK(saved_state->version == 3);
  CHECK(installation.read_state(id)->state == installation.read(id)->state);
}

}  // namespace regflow::test
