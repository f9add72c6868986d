// Dossier numbers: `<PREFIX>-<YEAR>-<NNNN>`, gap-free per prefix and year. The counter is read
// and advanced inside the transaction that writes the dossier, so a failed start uses no number.
// Internal to engine/store.
#pragma once

#include <cstdint>
#include <string>

namespace SQLite {
class Database;
}

namespace regflow::store {

/// The next number for (prefix, year): 1 for a new pair. Does not advance the counter.
std::int64_t peek_counter(SQLite::Database& db, const std::string& prefix, int year);

/// Records that `used` was taken, so the next start gets `used + 1`.
void advance_counter(SQLite::Database& db, const std::string& prefix, int year, std::int64_t used);

/// "PERGUB-2026-0001".
std::string format_dossier_id(const std::string& prefix, int year, std::int64_t number);

}  // namespace regflow::store
