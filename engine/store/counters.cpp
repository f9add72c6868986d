#include "engine/store/counters.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>

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

void raise_counter(SQLite::Database& db, const std::string& prefix, int year, std::int64_t used) {
  SQLite::Statement upsert(
      db,
      "INSERT INTO counters(prefix, year, next) VALUES (?, ?, ?) "
      "ON CONFLICT(prefix, year) DO UPDATE SET next = max(next, excluded.next)");
  upsert.bind(1, prefix);
  upsert.bind(2, year);
  upsert.bind(3, used + 1);
  upsert.exec();
}

std::string format_dossier_id(const std::string& prefix, int year, std::int64_t number) {
  return fmt::format("{}-{}-{:04}", prefix, year, number);
}

std::optional<DossierNumber> parse_dossier_id(const std::string& id) {
  const auto last = id.rfind('-');
  if (last == std::string::npos || last < 6) return std::nullopt;
  const auto middle = id.rfind('-', last - 1);
  if (middle == std::string::npos || middle == 0 || last - middle != 5) return std::nullopt;
  const std::string year = id.substr(middle + 1, 4);
  const std::string number = id.substr(last + 1);
  const auto digits = [](const std::string& text) {
    return !text.empty() && text.size() <= 9 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(year) || !digits(number)) return std::nullopt;
  DossierNumber parsed{id.substr(0, middle), std::stoi(year), std::stoll(number)};
  // Only the shape `start` writes: "X-2026-00001" would not come back as itself.
  if (format_dossier_id(parsed.prefix, parsed.year, parsed.number) != id) return std::nullopt;
  return parsed;
}

}  // namespace regflow::store
