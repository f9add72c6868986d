// The database schema as a list of migration steps. Step N takes a database from version N-1 to
// N; version 0 is a database with no regflow tables. Every step runs inside the same
// BEGIN IMMEDIATE transaction as the version bump, so a database is always at a whole version.
#pragma once

#include <string>

namespace SQLite {
class Database;
}

namespace regflow::store {

/// The value of meta.application (and of `PRAGMA application_id`) that marks a regflow database.
inline constexpr const char* kApplicationName = "regflow";
inline constexpr int kApplicationId = 0x52474657;  // "RGFW"

/// Brings `db` from its stored schema version up to kSchemaVersion in one transaction; does
/// nothing when it is current. Throws StoreError when the stored version is newer than this build.
void migrate(SQLite::Database& db, const std::string& path);

}  // namespace regflow::store
