#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "engine/model/error.hpp"
#include "engine/store/store.hpp"
#include "tests/engine/store/store_builders.hpp"
#include "tests/engine/store/temp_dir.hpp"

using regflow::StoreError;
using regflow::store::kSchemaVersion;
using regflow::store::ListFilter;
using regflow::store::Store;
using regflow::test::message_of;
using regflow::test::TempDir;

namespace {

void write_random_bytes(const std::string& path) {
  std::mt19937 random(20260302);
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < 4096; ++i) out.put(static_cast<char>(random() & 0xff));
}

}  // namespace

TEST_CASE("init creates a database and is idempotent", "[store]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  {
    Store store = Store::init(path);
    CHECK(store.schema_version() == kSchemaVersion);
    store.add_user({"sari", {"biro-hukum"}, "staf", {}});
  }
  Store again = Store::init(path);
  CHECK(again.schema_version() == kSchemaVersion);
  CHECK(again.find_user("sari").has_value());
  Store opened = Store::open(path);
  CHECK(opened.users().size() == 1);
}

TEST_CASE("init writes the regflow markers and the append-only triggers", "[store]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  Store::init(path);
  SQLite::Database raw(path);
  CHECK(raw.execAndGet("PRAGMA application_id").getInt() == 0x52474657);
  CHECK(raw.execAndGet("SELECT value FROM meta WHERE key = 'application'").getString() ==
        "regflow");
  CHECK(raw.execAndGet("SELECT value FROM meta WHERE key = 'schema_version'").getString() ==
        std::to_string(kSchemaVersion));
  CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").getInt() == 2);
}

TEST_CASE("open refuses a missing file and tells how to create it", "[store]") {
  TempDir dir;
  const auto path = dir.file("missing.db");
  CHECK(message_of<StoreError>([&] { Store::open(path); }) ==
        "database '" + path + "' does not exist; run 'regflow init --db " + path + "' first");
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a file that is not an SQLite database is refused, not overwritten", "[store]") {
  TempDir dir;
  const auto path = dir.file("notes.db");
  write_random_bytes(path);
  const auto expected = "'" + path +
                        "' is not a regflow database (not an SQLite database file); give another "
                        "path, or run 'regflow init --db PATH' to create one";
  CHECK(message_of<StoreError>([&] { Store::open(path); }) == expected);
  CHECK(message_of<StoreError>([&] { Store::init(path); }) == expected);
  CHECK(std::filesystem::file_size(path) == 4096);
}

TEST_CASE("an SQLite database of another application is refused", "[store]") {
  TempDir dir;
  const auto path = dir.file("other.db");
  {
    SQLite::Database other(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE inventory(item TEXT)");
  }
  CHECK(message_of<StoreError>([&] { Store::open(path); }) ==
        "'" + path +
            "' is not a regflow database (no regflow metadata); run 'regflow init' to create one");
  CHECK(message_of<StoreError>([&] { Store::init(path); }) ==
        "'" + path +
            "' is an SQLite database of another application (no regflow metadata); regflow will "
            "not write into it: give another path");
}

TEST_CASE("an empty file is not opened, but init fills it", "[store]") {
  TempDir dir;
  const auto path = dir.file("empty.db");
  std::ofstream{path};
  CHECK(message_of<StoreError>([&] { Store::open(path); }) ==
        "'" + path +
            "' is not a regflow database (no regflow metadata); run 'regflow init' to create one");
  CHECK(Store::init(path).schema_version() == kSchemaVersion);
}

TEST_CASE("a database that cannot be created names the path and SQLite's reason", "[store]") {
  TempDir dir;
  const auto path = dir.file("no-such-folder/regflow.db");
  CHECK(message_of<StoreError>([&] { Store::init(path); }) ==
        "cannot open database '" + path + "': unable to open database file");
}

TEST_CASE("a database of a newer schema is refused, naming both versions", "[store]") {
  TempDir dir;
  const auto path = dir.file("future.db");
  Store::init(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  }
  const auto expected = "database '" + path +
                        "' has schema version 99, but this regflow understands versions up to " +
                        std::to_string(kSchemaVersion) + "; use a newer regflow";
  CHECK(message_of<StoreError>([&] { Store::open(path); }) == expected);
  CHECK(message_of<StoreError>([&] { Store::init(path); }) == expected);
}

// What version 6 added (signing in on the web), taken away again to make an older schema.
// What version 10 added (the user's language), taken away again.
#define UNDO_V10 "ALTER TABLE users DROP COLUMN language; "

// What version 7 added (deactivated users, kendala, cancelled), taken away again.
#define UNDO_V7                                                                  \
  UNDO_V10                                                                       \
  "DROP INDEX dossiers_open_kendala; ALTER TABLE dossiers DROP COLUMN kendala; " \
  "ALTER TABLE dossiers DROP COLUMN cancelled; "                                 \
  "ALTER TABLE users DROP COLUMN deactivated_at; "

#define UNDO_V6                                                                     \
  UNDO_V7                                                                           \
  "ALTER TABLE users DROP COLUMN password_hash; DROP TABLE sessions; "              \
  "DROP TABLE user_tokens; DROP TABLE sign_in_failures; "

// The snapshots table as versions 2 and 3 had it.
#define V2_SNAPSHOTS                                                              \
  "CREATE TABLE snapshots (dossier_id TEXT PRIMARY KEY REFERENCES dossiers(id), " \
  "version INTEGER NOT NULL, format INTEGER NOT NULL, state BLOB NOT NULL); "

TEST_CASE("an earlier schema is opened", "[store]") {
  TempDir dir;

  SECTION("version 1, written before the owner index and the board's index existed") {
    const auto path = dir.file("v1.db");
    {
      Store store = Store::init(path);
      store.start("PERGUB", 2026,
                  [](const std::string& id) { return regflow::test::started(id, "dinas-kukm"); });
    }
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec(
          "DROP INDEX dossiers_by_owner; DROP INDEX dossiers_open_board; "
          "ALTER TABLE dossiers DROP COLUMN clocks; DROP INDEX dossiers_timers; "
          "ALTER TABLE dossiers DROP COLUMN next_timer; "
          "ALTER TABLE dossiers DROP COLUMN snapshot_format; "
          "ALTER TABLE dossiers DROP COLUMN snapshot; DROP INDEX users_by_login; "
          "ALTER TABLE users DROP COLUMN login; "
          UNDO_V6 "UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    }
    Store store = Store::open(path);
    CHECK(store.schema_version() == kSchemaVersion);
    ListFilter filter;
    filter.agency = "dinas-kukm";
    CHECK(store.list(filter).size() == 1);
    int open = 0;
    store.visit_open_dossiers(filter, [&](const regflow::store::OpenDossierRow&) { ++open; });
    CHECK(open == 1);
    SQLite::Database raw(path);
    CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'dossiers_open_board'")
              .getInt() == 1);
  }

  SECTION("version 2, before the clocks text: it is filled from the deadlines rows") {
    const auto path = dir.file("v2.db");
    {
      Store store = Store::init(path);
      store.start("PERDA", 2026, [](const std::string& id) {
        auto write = regflow::test::started(id, "biro-hukum");
        regflow::store::DeadlineRow running;
        running.dossier_id = id;
        running.deadline_id = "harmonisasi";
        running.title = "Harmonisasi";
        running.basis = "Permenkumham 22/2018";
        running.due = regflow::time::parse_date("2026-12-01");
        running.computed_due = running.due;
        running.working_days = true;
        running.due_soon = 3;
        regflow::store::DeadlineRow paused = running;
        paused.deadline_id = "fasilitasi";
        paused.due.reset();
        paused.paused_remaining = 6;
        paused.working_days = false;
        write.deadlines = {running, paused};
        return write;
      });
      store.start("PERDA", 2026, [](const std::string& id) { return regflow::test::started(id); });
    }
    {
      // The schema as version 2 left it.
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec(
          "DROP INDEX dossiers_open_board; ALTER TABLE dossiers DROP COLUMN clocks; "
          "DROP INDEX dossiers_timers; ALTER TABLE dossiers DROP COLUMN next_timer; "
          "ALTER TABLE dossiers DROP COLUMN snapshot_format; "
          "ALTER TABLE dossiers DROP COLUMN snapshot; DROP INDEX users_by_login; "
          "ALTER TABLE users DROP COLUMN login; " V2_SNAPSHOTS
          "CREATE INDEX dossiers_open_listed ON dossiers(id, workflow, title, step, "
          "owner_agency, escalated_to, pending_signers) WHERE closed = 0; "
          "CREATE INDEX deadlines_clocks ON deadlines(dossier_id, deadline_id, due, "
          "working_days, due_soon, paused_remaining, provisional); "
          UNDO_V6 "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    }
    Store store = Store::open(path);
    CHECK(store.schema_version() == kSchemaVersion);
    std::vector<regflow::store::OpenDossierRow> seen;
    store.visit_open_dossiers(
        {}, [&](const regflow::store::OpenDossierRow& row) { seen.push_back(row); });
    REQUIRE(seen.size() == 2);
    REQUIRE(seen[0].deadlines.size() == 2);
    CHECK(seen[0].deadlines[0].deadline_id == "fasilitasi");
    CHECK_FALSE(seen[0].deadlines[0].due.has_value());
    CHECK(seen[0].deadlines[0].paused_remaining == 6);
    CHECK_FALSE(seen[0].deadlines[0].working_days);
    CHECK(seen[0].deadlines[1].deadline_id == "harmonisasi");
    CHECK(seen[0].deadlines[1].due == regflow::time::parse_date("2026-12-01"));
    CHECK(seen[0].deadlines[1].working_days);
    CHECK(seen[0].deadlines[1].due_soon == 3);
    CHECK(seen[1].deadlines.empty());
    // The next timer day needs the definitions and the calendar: the first tick fills it.
    CHECK_FALSE(store.dossier("PERDA-2026-0001")->next_timer.has_value());
    SQLite::Database raw(path);
    CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_master WHERE name IN "
                         "('dossiers_open_listed', 'deadlines_clocks')")
              .getInt() == 0);
    // What the migration wrote with SQL is what the store writes itself.
    CHECK(raw.execAndGet("SELECT clocks FROM dossiers WHERE id = 'PERDA-2026-0001'").getString() ==
          "fasilitasi - C 3 6 -;harmonisasi 20788 W 3 0 -");
  }

  SECTION("version 3, with the snapshots in a table of their own: they move into the row") {
    const auto path = dir.file("v3.db");
    {
      Store store = Store::init(path);
      store.start("PERGUB", 2026, [](const std::string& id) {
        auto write = regflow::test::started(id);
        write.snapshot = {1, "state"};
        return write;
      });
    }
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec(
          "ALTER TABLE dossiers DROP COLUMN snapshot_format; "
          "ALTER TABLE dossiers DROP COLUMN snapshot; DROP INDEX users_by_login; "
          "ALTER TABLE users DROP COLUMN login; " V2_SNAPSHOTS
          "INSERT INTO snapshots VALUES ('PERGUB-2026-0001', 1, 1, x'0102'); "
          UNDO_V6 "UPDATE meta SET value = '3' WHERE key = 'schema_version'");
    }
    Store store = Store::open(path);
    CHECK(store.schema_version() == kSchemaVersion);
    // Snapshots of version 3 were of a format no longer read: the next decision replays.
    CHECK_FALSE(store.snapshot("PERGUB-2026-0001").has_value());
    auto next = regflow::test::advanced(store.events("PERGUB-2026-0001").back(), "sari", "telaah",
                                        "biro-hukum");
    next.snapshot = {2, "saved again"};
    store.append(next, 1);
    CHECK(store.snapshot("PERGUB-2026-0001")->state == "saved again");
    SQLite::Database raw(path);
    CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'snapshots'").getInt() ==
          0);
  }

  SECTION("version 4, before signing in on the web: users keep their rows, without passwords") {
    const auto path = dir.file("v4.db");
    {
      Store store = Store::init(path);
      store.add_user({"sari", {"biro-hukum"}, "staf", {}});
    }
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec(UNDO_V6 "DROP INDEX users_by_login; ALTER TABLE users DROP COLUMN login; "
               "UPDATE meta SET value = '4' WHERE key = 'schema_version'");
    }
    Store store = Store::open(path);
    CHECK(store.schema_version() == kSchemaVersion);
    CHECK(store.find_user("sari")->agencies == std::vector<std::string>{"biro-hukum"});
    CHECK_FALSE(store.password_hash("sari").has_value());
    store.set_password_hash("sari", "$argon2id$fake");
    CHECK(store.password_hash("sari") == "$argon2id$fake");
  }

  SECTION("version 6, before deactivation and kendala: users active, dossiers without kendala") {
    const auto path = dir.file("v6.db");
    {
      Store store = Store::init(path);
      store.add_user({"sari", {"biro-hukum"}, "staf", {}});
      CHECK(store.start("PERGUB", 2026, [](const std::string& id) {
        return regflow::test::started(id);
      }) == "PERGUB-2026-0001");
    }
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec(UNDO_V7 "UPDATE meta SET value = '6' WHERE key = 'schema_version'");
    }
    Store store = Store::open(path);
    CHECK(store.schema_version() == kSchemaVersion);
    CHECK_FALSE(store.deactivated_at("sari").has_value());
    CHECK(store.dossier("PERGUB-2026-0001")->kendala.empty());
    CHECK_FALSE(store.dossier("PERGUB-2026-0001")->cancelled);
    CHECK(store.open_kendala().empty());
    const auto at = *regflow::time::parse_instant("2026-03-02T09:00Z", {});
    store.deactivate_user("sari", at);
    CHECK(store.deactivated_at("sari") == at);
    CHECK_THROWS_WITH(store.deactivate_user("sari", at),
                      "user 'sari' was already deactivated on 2026-03-02T09:00:00Z");
    CHECK_THROWS_WITH(store.deactivate_user("sary", at),
                      "unknown user 'sary'; 'regflow user list' shows the users");
    CHECK(store.find_user("sari").has_value());  // still registered: histories name her
  }

  SECTION("version 8, before languages were kept: nobody has chosen one") {
    const auto path = dir.file("v8.db");
    {
      Store store = Store::init(path);
      store.add_user({"sari", {"biro-hukum"}, "staf", {}});
    }
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec(UNDO_V10 "UPDATE meta SET value = '8' WHERE key = 'schema_version'");
    }
    Store store = Store::open(path);
    CHECK(store.schema_version() == kSchemaVersion);
    CHECK_FALSE(store.user_language("sari").has_value());
    store.set_user_language("sari", "en");
    CHECK(store.user_language("sari") == "en");
  }

  SECTION("version 0: only the markers, no tables; open migrates it in place") {
    const auto path = dir.file("v0.db");
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      raw.exec(
          "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
          "INSERT INTO meta VALUES ('application', 'regflow'), ('schema_version', '0');");
    }
    Store store = Store::open(path);
    CHECK(store.schema_version() == kSchemaVersion);
    store.add_user({"sari", {"biro-hukum"}, "staf", {}});
    CHECK(store.start("PERGUB", 2026, [](const std::string& id) {
      return regflow::test::started(id);
    }) == "PERGUB-2026-0001");
  }
}
