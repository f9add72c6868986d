#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "engine/store/store.hpp"
#include "tests/engine/store/store_builders.hpp"
#include "tests/engine/store/temp_dir.hpp"

using regflow::store::Store;
using regflow::test::advanced;
using regflow::test::started;
using regflow::test::TempDir;

namespace {

// Three dossiers with 3, 1 and 2 events.
std::string make_history(const std::string& path) {
  Store store = Store::init(path);
  const auto start = [&] {
    return store.start("PERGUB", 2026, [](const std::string& id) { return started(id); });
  };
  const auto id = start();
  auto events = store.events(id);
  store.append(advanced(events.back(), "budi", "paraf", "biro-hukum"), 1);
  events = store.events(id);
  store.append(advanced(events.back(), "sari", "penetapan", "biro-hukum", "lengkap"), 2);
  start();
  const auto third = start();
  store.append(advanced(store.events(third).back(), "budi", "paraf", "biro-hukum"), 1);
  return id;
}

}  // namespace

TEST_CASE("verify passes an intact database", "[store]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  make_history(path);
  const auto report = Store::open(path).verify();
  CHECK(report.dossiers == 3);
  CHECK(report.events == 6);
  CHECK(report.problems.empty());
}

TEST_CASE("the events table refuses updates and deletes", "[store]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  make_history(path);
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  CHECK_THROWS_WITH(raw.exec("UPDATE events SET note = 'x' WHERE seq = 2"),
                    "events are append-only");
  CHECK_THROWS_WITH(raw.exec("DELETE FROM events WHERE seq = 3"), "events are append-only");
}

TEST_CASE("verify names an event edited with the trigger dropped", "[store]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  const auto id = make_history(path);
  {
    // What someone with the sqlite3 shell could do.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("DROP TRIGGER events_no_update");
    raw.exec("UPDATE events SET note = 'sudah sesuai' WHERE dossier_id = '" + id + "' AND seq = 2");
  }
  const auto report = Store::open(path).verify();
  CHECK(report.dossiers == 3);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].dossier_id == id);
  CHECK(report.problems[0].sequence == 2);
  CHECK(report.problems[0].reason == "hash does not match its content");
}

TEST_CASE("verify names a re-sealed edit, a missing event and a truncated chain", "[store]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  const auto id = make_history(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete");
    SECTION("an edited event whose own hash was recomputed breaks the next link") {
      auto events = Store::open(path).events(id);
      events[1].actor = "someone-else";
      regflow::runtime::seal(events[1], events[0].hash);
      SQLite::Statement update(raw,
                               "UPDATE events SET actor = ?, hash = ? WHERE dossier_id = ? "
                               "AND seq = 2");
      update.bind(1, events[1].actor);
      update.bind(2, events[1].hash);
      update.bind(3, id);
      update.exec();
      const auto report = Store::open(path).verify();
      REQUIRE(report.problems.size() == 1);
      CHECK(report.problems[0].sequence == 3);
      CHECK(report.problems[0].reason == "previous hash does not match");
    }
    SECTION("a deleted event in the middle") {
      raw.exec("DELETE FROM events WHERE dossier_id = '" + id + "' AND seq = 2");
      const auto report = Store::open(path).verify();
      REQUIRE(report.problems.size() == 1);
      CHECK(report.problems[0].sequence == 3);
      CHECK(report.problems[0].reason == "sequence 3 follows 1: an event is missing");
    }
    SECTION("the newest event deleted") {
      raw.exec("DELETE FROM events WHERE dossier_id = '" + id + "' AND seq = 3");
      const auto report = Store::open(path).verify();
      REQUIRE(report.problems.size() == 1);
      CHECK(report.problems[0].dossier_id == id);
      CHECK(report.problems[0].sequence == 3);
      CHECK(report.problems[0].reason ==
            "the dossier is at version 3 but its events end at sequence 2");
    }
    SECTION("an unreadable time") {
      raw.exec("UPDATE events SET at = 'yesterday' WHERE dossier_id = '" + id + "' AND seq = 1");
      const auto report = Store::open(path).verify();
      REQUIRE(report.problems.size() == 1);
      CHECK(report.problems[0].sequence == 1);
      CHECK(report.problems[0].reason == "time 'yesterday' is not an ISO UTC instant");
    }
  }
}
