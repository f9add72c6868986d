// Dossier numbers: `<PREFIX>-<YEAR>-<NNNN>`, gap-free per prefix and year. The counter is read
// and advanced inside the transaction that writes the dossier, so a failed start uses no number.
// Internal to engine/store.
#pragma once

#include <cstdint>
#include <string>

#include "engine/store/store.hpp"

namespace SQLite {
class Database;
}

namespace regflow::store {

/// The next number for (prefix, year): 1 for a new pair. Does not advance the counter.
std::int64_t peek_counter(SQLite::Database& db, const std::string& prefix, int year);

/// Records that `used` was taken, so the next start gets `used + 1`.
void advance_counter(SQLite::Database& db, const std::string& prefix, int year, std::int64_t used);

/// Moves the counter past `used` unless it is already past it (an imported id).
void raise_counter(SQLite::Database& db, const std::string& prefix, int year, std::int64_t used);

}  // namespace regflow::store
