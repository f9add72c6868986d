#include "engine/store/definitions.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace regflow::store {

void insert_definition(SQLite::Database& db, const std::string& hash, const std::string& name,
                       int version, const std::string& source_path, const std::string& text) {
  // The store is the imperative shell, so it may read the clock; stored_at only orders versions.
  SQLite::Statement insert(
      db,
      "INSERT INTO definitions(hash, name, version, source_path, text, stored_at) "
      "VALUES (?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
      "ON CONFLICT(hash) DO NOTHING");
  insert.bind(1, hash);
  insert.bind(2, name);
  insert.bind(3, version);
  insert.bind(4, source_path);
  insert.bind(5, text);
  insert.exec();
}

std::optional<StoredDefinition> find_definition(SQLite::Database& db, const std::string& hash) {
  SQLite::Statement query(
      db, "SELECT name, version, source_path, text FROM definitions WHERE hash = ?");
  query.bind(1, hash);
  if (!query.executeStep()) return std::nullopt;
  return StoredDefinition{hash, query.getColumn(0).getString(), query.getColumn(1).getInt(),
                          query.getColumn(2).getString(), query.getColumn(3).getString()};
}

std::optional<std::string> find_definition_text(SQLite::Database& db, const std::string& hash) {
  SQLite::Statement query(db, "SELECT text FROM definitions WHERE hash = ?");
  query.bind(1, hash);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

std::optional<std::string> find_latest_definition(SQLite::Database& db,
                                                  const std::string& workflow) {
  SQLite::Statement query(db,
                          "SELECT hash FROM definitions WHERE name = ? "
                          "ORDER BY stored_at DESC, rowid DESC LIMIT 1");
  query.bind(1, workflow);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

std::vector<std::pair<int, std::string>> find_definition_versions(SQLite::Database& db,
                                                                  const std::string& workflow) {
  SQLite::Statement query(db,
                          "SELECT version, hash FROM definitions WHERE name = ? "
                          "ORDER BY stored_at, rowid");
  query.bind(1, workflow);
  std::vector<std::pair<int, std::string>> out;
  while (query.executeStep()) {
    out.emplace_back(query.getColumn(0).getInt(), query.getColumn(1).getString());
  }
  return out;
}

}  // namespace regflow::store
