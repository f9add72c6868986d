#include "engine/store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <utility>

#include "engine/model/error.hpp"
#include "engine/store/schema.hpp"
#include "engine/store/store.hpp"

namespace regflow::store {
namespace {

// Long enough to ride out another command's transaction (they last milliseconds), short enough
// that a stuck writer is reported rather than waited on forever.
constexpr int kBusyTimeoutMs = 5000;

enum class Kind { Empty, Regflow, Foreign };

Kind classify(SQLite::Database& db) {
  if (!db.tableExists("meta")) {
    const auto tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt64();
    return tables == 0 ? Kind::Empty : Kind::Foreign;
  }
  return read_meta(db, "application") == kApplicationName ? Kind::Regflow : Kind::Foreign;
}

model::Message not_regflow(const std::string& path, model::Message why) {
  return model::say("'{}' is not a regflow database ({}); run 'regflow init' to create one", path,
                    std::move(why));
}

// The first read of a file is where SQLite finds out what it is: it opens anything lazily.
Kind recognise(SQLite::Database& db, const std::string& path) {
  try {
    return classify(db);
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode();
    if (code == SQLITE_NOTADB) {
      throw StoreError(model::say(
          "'{}' is not a regflow database (not an SQLite database file); give another path, or "
          "run 'regflow init --db PATH' to create one",
          path));
    }
    if (code == SQLITE_CORRUPT) {
      throw StoreError(
          model::say("database '{}' is corrupt ({}); restore it from a backup", path, e.what()));
    }
    throw StoreError(model::say("cannot read database '{}': {}", path, e.what()));
  }
}

}  // namespace

int stored_schema_version(SQLite::Database& db) {
  if (!db.tableExists("meta")) return 0;
  const auto stored = read_meta(db, "schema_version");
  if (!stored) return 0;
  const std::string& text = *stored;
  try {
    return std::stoi(text);
  } catch (const std::exception&) {
    throw StoreError(
        model::say("schema version '{}' in database '{}' is not a number", text, db.getFilename()));
  }
}

std::optional<std::string> read_meta(SQLite::Database& db, const std::string& key) {
  SQLite::Statement query(db, "SELECT value FROM meta WHERE key = ?");
  query.bind(1, key);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

void write_meta(SQLite::Database& db, const std::string& key, const std::string& value) {
  SQLite::Statement upsert(db,
                           "INSERT INTO meta(key, value) VALUES (?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  upsert.bind(1, key);
  upsert.bind(2, value);
  upsert.exec();
}

std::unique_ptr<SQLite::Database> open_database(const std::string& path, OpenMode mode) {
  std::error_code ec;
  if (mode == OpenMode::Existing && !std::filesystem::exists(path, ec)) {
    throw StoreError(
        model::say("database '{}' does not exist; run 'regflow init --db {}' first", path, path));
  }
  // One connection is only ever used by one thread, so SQLite's per-call mutex (10% of a
  // board's time, every column read) is not needed.
  int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX;
  if (mode != OpenMode::Existing) flags |= SQLite::OPEN_CREATE;
  std::string file = mode == OpenMode::Memory ? ":memory:" : path;
  // A copy on a read-only medium, or an auditor's account without write permission, must still
  // be readable (board, show, verify); a write is then refused by SQLite and said so plainly.
  const bool read_only = mode == OpenMode::Existing && ::access(path.c_str(), W_OK) != 0;
  if (read_only) flags = SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX;

  std::unique_ptr<SQLite::Database> db;
  try {
    db = std::make_unique<SQLite::Database>(file, flags, kBusyTimeoutMs);
    // In WAL mode a reader needs the -shm index, which it cannot create in a read-only folder:
    // such a copy is read as the immutable file it is.
    if (read_only) db->execAndGet("SELECT count(*) FROM sqlite_master");
  } catch (const SQLite::Exception& e) {
    if (!read_only) throw StoreError(model::say("cannot open database '{}': {}", path, e.what()));
    try {
      file = "file:" + path + "?immutable=1";
      db = std::make_unique<SQLite::Database>(file, flags | SQLITE_OPEN_URI, kBusyTimeoutMs);
    } catch (const SQLite::Exception& again) {
      throw StoreError(model::say("cannot open database '{}': {}", path, again.what()));
    }
  }

  const Kind kind = recognise(*db, path);
  if (kind == Kind::Foreign && mode != OpenMode::Existing) {
    throw StoreError(model::say(
        "'{}' is an SQLite database of another application (no regflow metadata); regflow will "
        "not write into it: give another path",
        path));
  }
  // An empty file is what `touch` leaves: init may fill it, open must not pretend it is ready.
  if (kind == Kind::Foreign || (kind == Kind::Empty && mode == OpenMode::Existing)) {
    throw StoreError(not_regflow(path, model::say("no regflow metadata")));
  }

  if (read_only) {
    const int found = stored_schema_version(*db);
    if (found != kSchemaVersion) {
      throw StoreError(model::say(
          "database '{}' is read-only for this account and has schema version {}, not {}; open "
          "it once with write permission so that it can be brought up to date",
          path, found, kSchemaVersion));
    }
    return db;
  }
  try {
    db->exec("PRAGMA foreign_keys = ON");
    // migrate() refuses a newer schema first: the journal mode is written into the file, and a
    // database regflow refuses must be left exactly as it was.
    migrate(*db, path);
    // WAL lets readers (board, queue) run while a command writes; it is recorded in the file.
    if (mode != OpenMode::Memory) db->execAndGet("PRAGMA journal_mode = WAL");
  } catch (const SQLite::Exception& e) {
    throw StoreError(model::say("while preparing database '{}': {}", path, e.what()));
  }
  return db;
}

}  // namespace regflow::store
