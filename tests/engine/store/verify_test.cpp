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

TEST_CASE("chain heads are each dossier's last event", "[store][seal]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  const auto id = make_history(path);
  const Store store = Store::open(path);
  const auto heads = store.chain_heads();
  REQUIRE(heads.size() == 3);
  CHECK(heads[0].dossier_id == id);
  CHECK(heads[0].sequence == 3);
  CHECK(heads[0].hash == store.events(id).back().hash);
  CHECK(heads[1].sequence == 1);
  CHECK(heads[2].sequence == 2);
}

TEST_CASE("a chain is checked onward from a signed head", "[store][seal]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  const auto id = make_history(path);
  const Store store = Store::open(path);
  const auto events = store.events(id);
  CHECK_FALSE(store.chain_break_after(id, 0, "").has_value());
  CHECK_FALSE(store.chain_break_after(id, 1, events[0].hash).has_value());
  const auto edited = store.chain_break_after(id, 1, events[1].hash);
  REQUIRE(edited.has_value());
  CHECK_THAT(regflow::model::english(*edited), Catch::Contains("event #1 is not the one signed"));
  const auto gone = store.chain_break_after(id, 7, events[1].hash);
  REQUIRE(gone.has_value());
  CHECK_THAT(regflow::model::english(*gone), Catch::Contains("event #7 is gone"));
}

TEST_CASE("verify holds each chain to the heads its checkpoints signed", "[store][seal]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  const auto id = make_history(path);
  const Store store = Store::open(path);
  const auto events = store.events(id);
  regflow::seal::SignedHeads signed_heads;

  SECTION("a chain through every signed head passes") {
    signed_heads[id] = {{1, events[0].hash, 1}, {3, events[2].hash, 2}};
    CHECK(store.verify(&signed_heads).problems.empty());
  }
  SECTION("a chain whose event is not the signed one is named at that event") {
    signed_heads[id] = {{2, events[0].hash, 4}};
    const auto report = store.verify(&signed_heads);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].dossier_id == id);
    CHECK(report.problems[0].sequence == 2);
    CHECK_THAT(report.problems[0].reason, Catch::Contains("not the event signed by checkpoint 4"));
  }
  SECTION("a chain shorter than a signed head lost events") {
    signed_heads[id] = {{5, events[2].hash, 3}};
    const auto report = store.verify(&signed_heads);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].sequence == 4);
    CHECK_THAT(report.problems[0].reason,
               Catch::Contains("ends at event #3 but checkpoint 3 signed it through event #5"));
  }
  SECTION("a signed dossier with no events at all is gone") {
    signed_heads["PERGUB-2026-0099"] = {{2, events[1].hash, 1}};
    const auto report = store.verify(&signed_heads);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].dossier_id == "PERGUB-2026-0099");
    CHECK_THAT(report.problems[0].reason, Catch::Contains("the dossier is gone"));
  }
}

TEST_CASE("events are held to the users registered for their agencies", "[store]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  make_history(path);
  Store store = Store::open(path);
  CHECK(store.actor_mismatches().size() == 6);  // nobody is registered
  store.add_user({"sari", {"biro-hukum"}, "staf", {}});
  store.add_user({"budi", {"sekda"}, "staf", {}});
  const auto found = store.actor_mismatches();
  REQUIRE(found.size() == 2);  // budi's two actions for biro-hukum
  CHECK(found[0].actor == "budi");
  CHECK(found[0].agency == "biro-hukum");
  CHECK(found[0].registered);
  CHECK(found[0].sequence == 2);
}
