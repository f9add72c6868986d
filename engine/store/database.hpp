// Opening a regflow database: recognising it (the `meta` table and application id), setting the
// connection's pragmas (WAL, busy timeout, foreign keys) and bringing its schema up to date.
// Internal to engine/store; SQLiteCpp itself stays out of headers, so the connection is only
// forward-declared here.
#pragma once

#include <memory>
#include <optional>
#include <string>

namespace SQLite {
class Database;
}

namespace regflow::store {

/// How a database file is opened.
enum class OpenMode {
  Existing,  ///< the file must exist and be a regflow database (`open`)
  Create,    ///< create the file if missing, refuse foreign databases (`init`)
  Memory     ///< a private in-memory database, created (tests)
};

/// Opens `path`, checks that it is a regflow database of a schema this build understands, and
/// migrates an older schema in place. Throws StoreError with the path and the reason.
std::unique_ptr<SQLite::Database> open_database(const std::string& path, OpenMode mode);

/// The schema version recorded in the `meta` table; 0 when there is none.
int stored_schema_version(SQLite::Database& db);

/// The value under `key` in the `meta` table; nullopt when there is none.
std::optional<std::string> read_meta(SQLite::Database& db, const std::string& key);
/// Sets `key` in the `meta` table, replacing any value it had.
void write_meta(SQLite::Database& db, const std::string& key, const std::string& value);

}  // namespace regflow::store
