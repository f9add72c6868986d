#include "engine/store/counters.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace regflow::store {

std::int64_t peek_counter(SQLite::Database& db, const std::string& prefix, int year) {
  SQLite::Statement query(db, "SELECT next FROM counters WHERE prefix = ? AND year = ?");
  query.bind(1, prefix);
  query.bind(2, year);
  return query.executeStep() ? query.getColumn(0).getInt64() : 1;
}

void advance_counter(SQLite::Database& db, const std::string& prefix, int year, std::int64_t used) {
  SQLite::Statement upsert(db,
                           "INSERT INTO counters(prefix, year, next) VALUES (?, ?, ?) "
                           "ON CONFLICT(prefix, year) DO UPDATE SET next = excluded.next");
  upsert.bind(1, prefix);
  upsert.bind(2, year);
  upsert.bind(3, used + 1);
  upsert.exec();
}

std::string format_dossier_id(const std::string& prefix, int year, std::int64_t number) {
  return fmt::format("{}-{}-{:04}", prefix, year, number);
}

}  // namespace regflow::store
