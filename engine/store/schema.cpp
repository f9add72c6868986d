#include "engine/store/schema.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <array>

#include "engine/model/error.hpp"
#include "engine/store/database.hpp"
#include "engine/store/store.hpp"

namespace regflow::store {
namespace {

struct Migration {
  int to_version;
  const char* sql;
};

// Version 1: the whole schema. Times are ISO-8601 UTC text and dates "YYYY-MM-DD", so that text
// order is time order and the sqlite3 shell shows them readably.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS definitions (
  hash        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  version     INTEGER NOT NULL,
  source_path TEXT NOT NULL,
  text        TEXT NOT NULL,
  stored_at   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS definitions_by_name ON definitions(name, stored_at);
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS user_agencies (
  user   TEXT NOT NULL REFERENCES users(name),
  agency TEXT NOT NULL,
  PRIMARY KEY (user, agency)
);
CREATE TABLE IF NOT EXISTS dossiers (
  id              TEXT PRIMARY KEY,
  workflow        TEXT NOT NULL,
  definition_hash TEXT NOT NULL,
  title           TEXT NOT NULL,
  step            TEXT NOT NULL,
  step_title      TEXT NOT NULL,
  owner_agency    TEXT NOT NULL,
  escalated_to    TEXT NOT NULL,
  pending_signers TEXT NOT NULL,
  closed          INTEGER NOT NULL,
  version         INTEGER NOT NULL,
  started_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dossiers_by_owner ON dossiers(closed, owner_agency);
CREATE INDEX IF NOT EXISTS dossiers_by_escalation ON dossiers(escalated_to)
  WHERE escalated_to <> '';
CREATE INDEX IF NOT EXISTS dossiers_signing ON dossiers(closed)
  WHERE pending_signers <> '[]';
CREATE TABLE IF NOT EXISTS events (
  dossier_id TEXT NOT NULL REFERENCES dossiers(id),
  seq        INTEGER NOT NULL,
  type       TEXT NOT NULL,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  agency     TEXT NOT NULL,
  action     TEXT NOT NULL,
  from_step  TEXT NOT NULL,
  to_step    TEXT NOT NULL,
  note       TEXT NOT NULL,
  changes    TEXT NOT NULL,
  data       TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL,
  PRIMARY KEY (dossier_id, seq)
);
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TABLE IF NOT EXISTS deadlines (
  dossier_id       TEXT NOT NULL REFERENCES dossiers(id),
  deadline_id      TEXT NOT NULL,
  title            TEXT NOT NULL,
  basis            TEXT NOT NULL,
  due              TEXT,
  computed_due     TEXT,
  working_days     INTEGER NOT NULL,
  due_soon         INTEGER NOT NULL,
  provisional      INTEGER NOT NULL,
  paused_remaining INTEGER NOT NULL,
  PRIMARY KEY (dossier_id, deadline_id)
);
CREATE INDEX IF NOT EXISTS deadlines_by_due ON deadlines(due);
CREATE TABLE IF NOT EXISTS counters (
  prefix TEXT NOT NULL,
  year   INTEGER NOT NULL,
  next   INTEGER NOT NULL,
  PRIMARY KEY (prefix, year)
);
)sql";

// Version 2: covering indexes for the board and the queues. The open dossiers are a minority
// of the table and interleaved with closed ones, so scanning the table reads every wide row
// (step titles, hashes, times); these indexes hold only the open rows' listed columns and each
// running deadline's clock, so the board reads a few MiB in key order and never sorts.
// And each dossier's state as of its last event (runtime/state_snapshot), so that a command
// does not replay the whole history; a cache beside the events, which stay the record.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE IF NOT EXISTS snapshots (
  dossier_id TEXT PRIMARY KEY REFERENCES dossiers(id),
  version    INTEGER NOT NULL,
  format     INTEGER NOT NULL,
  state      BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS dossiers_open_listed
  ON dossiers(id, workflow, title, step, owner_agency, escalated_to, pending_signers)
  WHERE closed = 0;
CREATE INDEX IF NOT EXISTS deadlines_clocks
  ON deadlines(dossier_id, deadline_id, due, working_days, due_soon, paused_remaining, provisional);
)sql";

// Version 3: each dossier row carries its running deadlines' timing as one short text
// (store/clocks.hpp), and one covering index of the open dossiers holds it with the listed
// columns. The board then ranks every open dossier from a single scan of that index, instead of
// merging it with a scan of every deadline: at 100k open dossiers a third fewer pages and a third
// of the rows stepped. The deadlines' own index of version 2 had no other reader and is dropped,
// which saves every action a B-tree to update. The text is filled here from the deadlines rows
// with SQL alone (days since 1970-01-01 from julianday), in deadline id order as encode_clocks.
// And the first day a timer of each open dossier fires (`next_timer`, the same whole days), so
// that `tick` looks only at those instead of every open dossier. It needs the definitions and
// the calendar, so the migration leaves it empty: the first tick after it examines every open
// dossier and fills it (app::Installation::tick).
constexpr const char* kVersion3 = R"sql(
ALTER TABLE dossiers ADD COLUMN clocks TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN next_timer INTEGER;
UPDATE dossiers SET clocks = coalesce((
  SELECT group_concat(record, ';') FROM (
    SELECT deadline_id || ' ' ||
           coalesce(CAST(julianday(due) - 2440587.5 AS INTEGER), '-') || ' ' ||
           CASE working_days WHEN 0 THEN 'C' ELSE 'W' END || ' ' ||
           due_soon || ' ' || paused_remaining || ' ' ||
           CASE provisional WHEN 0 THEN '-' ELSE 'P' END AS record
    FROM deadlines l WHERE l.dossier_id = dossiers.id ORDER BY l.deadline_id)), '')
WHERE closed = 0;
DROP INDEX IF EXISTS dossiers_open_listed;
DROP INDEX IF EXISTS deadlines_clocks;
CREATE INDEX IF NOT EXISTS dossiers_open_board
  ON dossiers(id, workflow, title, step, owner_agency, escalated_to, pending_signers, clocks)
  WHERE closed = 0;
CREATE INDEX IF NOT EXISTS dossiers_timers ON dossiers(next_timer)
  WHERE closed = 0 AND next_timer IS NOT NULL;
)sql";

// Version 4: each dossier's state snapshot moves into its own row. In a table of its own it
// cost every action two more pages to write (the snapshot's row and its key's index) and a join
// to read; in the dossier row, which every action rewrites anyway, it costs neither. Snapshots
// are a cache of format 1 here, which this version no longer reads, so they are dropped, not
// copied: each dossier's next decision replays its events once and saves the state again.
constexpr const char* kVersion4 = R"sql(
ALTER TABLE dossiers ADD COLUMN snapshot_format INTEGER;
ALTER TABLE dossiers ADD COLUMN snapshot BLOB;
DROP TABLE IF EXISTS snapshots;
)sql";

// Version 5: a user may be tied to the operating-system account that runs the command line
// (`user add NAME --login unixname`), so that on a shared server the command line knows who is
// acting without taking their word for it (--as). One account is one user.
constexpr const char* kVersion5 = R"sql(
ALTER TABLE users ADD COLUMN login TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS users_by_login ON users(login) WHERE login IS NOT NULL;
)sql";

// Version 6: signing in on the web (regflow serve). A user's Argon2id password hash (NULL: the
// user cannot sign in until `regflow user passwd` sets one); sessions and personal tokens (the
// calendar feed, the API), each kept only as the SHA-256 of its secret so that a copy of the
// database signs nobody in; and failed sign-ins per account and per client address, for the
// throttle. Times are whole seconds since 1970 (UTC): they are compared, never shown.
constexpr const char* kVersion6 = R"sql(
ALTER TABLE users ADD COLUMN password_hash TEXT;
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user       TEXT NOT NULL REFERENCES users(name),
  created_at INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  revoked    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions(user);
CREATE TABLE IF NOT EXISTS user_tokens (
  user       TEXT NOT NULL REFERENCES users(name),
  kind       TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user, kind)
);
CREATE TABLE IF NOT EXISTS sign_in_failures (
  key   TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  last  INTEGER NOT NULL
);
)sql";

// Version 7: corrections and administration. A user who moved to another office is deactivated,
// not deleted (`deactivated_at`, an ISO instant; NULL while active), so that every event they
// wrote still names a registered user. A dossier row carries its kendala (why it is stuck; ''
// for none) and whether it was cancelled, as its events say; the partial index lets the board
// fetch the few kendala of open dossiers without widening its covering index. Existing rows
// have neither (no event could record one before this version).
constexpr const char* kVersion7 = R"sql(
ALTER TABLE users ADD COLUMN deactivated_at TEXT;
ALTER TABLE dossiers ADD COLUMN kendala TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS dossiers_open_kendala ON dossiers(id, kendala)
  WHERE closed = 0 AND kendala <> '';
)sql";

// Version 8: the documents of dossiers (the naskah and its versions, letters, minutes, the signed
// product), stored once per SHA-256 however many dossiers or versions hold the same bytes. They
// live in the database rather than in a folder beside it so that a document and the event that
// attaches it commit or roll back together, a backup is one file, and `verify` reads both from
// one place (docs/architecture.md#documents). Written and read by incremental blob I/O, so
// their size does not weigh on memory.
constexpr const char* kVersion8 = R"sql(
CREATE TABLE IF NOT EXISTS documents (
  sha256  TEXT PRIMARY KEY,
  size    INTEGER NOT NULL,
  content BLOB NOT NULL
);
)sql";

// Version 9: the statistics facts projection, one row per dossier (engine/store/
// statistics_facts.hpp): what its events say for `stats`, saved in the same transaction as they
// are, so that `stats` sums rows instead of replaying 100k histories. Clustered by dossier id
// (WITHOUT ROWID) so that `stats` reads it in one ordered pass. SQL cannot replay events, so
// existing dossiers get a row with an empty basis, which no calendar matches: `stats` replays
// those dossiers (so an upgraded database gives the right figures at once) and the first
// `stats` or `tick` that may write folds their events and saves the facts (app/statistics_facts).
constexpr const char* kVersion9 = R"sql(
CREATE TABLE IF NOT EXISTS dossier_facts (
  dossier_id      TEXT PRIMARY KEY REFERENCES dossiers(id),
  workflow        TEXT NOT NULL,
  definition_hash TEXT NOT NULL,
  version         INTEGER NOT NULL,
  basis           TEXT NOT NULL,
  started         INTEGER NOT NULL,
  last_day        INTEGER NOT NULL,
  record          BLOB NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO dossier_facts(dossier_id, workflow, definition_hash, version, basis,
                                    started, last_day, record)
  SELECT id, workflow, definition_hash, version, '', 0, 0, x'' FROM dossiers;
)sql";

// Version 10: the language a user chose on the web ("en", "id"; NULL: never chose), so that the
// choice follows them to every device they sign in from (docs/architecture.md#words-and-languages).
constexpr const char* kVersion10 = R"sql(
ALTER TABLE users ADD COLUMN language TEXT;
)sql";

// A later step appends {11, "ALTER TABLE …"} here and raises kSchemaVersion; never edit a step
// that has shipped, since databases in the field have already run it.
constexpr std::array<Migration, 10> kMigrations{{
    {1, kVersion1},
    {2, kVersion2},
    {3, kVersion3},
    {4, kVersion4},
    {5, kVersion5},
    {6, kVersion6},
    {7, kVersion7},
    {8, kVersion8},
    {9, kVersion9},
    {10, kVersion10},
}};

static_assert(kMigrations.back().to_version == kSchemaVersion,
              "kSchemaVersion must be the last migration's version");

}  // namespace

namespace {

void refuse_if_newer(int found, const std::string& path) {
  if (found <= kSchemaVersion) return;
  throw StoreError(
      model::say("database '{}' has schema version {}, but this regflow understands versions up "
                 "to {}; use a newer regflow",
                 path, found, kSchemaVersion));
}

}  // namespace

void migrate(SQLite::Database& db, const std::string& path) {
  const int found = stored_schema_version(db);
  refuse_if_newer(found, path);
  if (found == kSchemaVersion) return;  // the common case takes no write lock

  // Two processes may open an old database at once: the version is re-read under the write
  // lock so that only the first one migrates.
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  const int from = stored_schema_version(db);
  refuse_if_newer(from, path);
  if (from == kSchemaVersion) return;
  for (const Migration& step : kMigrations) {
    if (step.to_version <= from) continue;
    db.exec(step.sql);
  }
  db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
  write_meta(db, "application", kApplicationName);
  write_meta(db, "schema_version", std::to_string(kSchemaVersion));
  transaction.commit();
}

}  // namespace regflow::store
