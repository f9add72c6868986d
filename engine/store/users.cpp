#include "engine/store/users.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/model/error.hpp"

namespace regflow::store {

void insert_user(SQLite::Database& db, const UserRecord& user) {
  if (user.agencies.empty()) {
    throw InputError(fmt::format("user '{}' needs an agency; give one with --agency", user.name));
  }
  if (auto existing = find_user_record(db, user.name)) {
    throw InputError(
        fmt::format("user '{}' already exists (agency '{}', role '{}'); choose "
                    "another name",
                    user.name, fmt::join(existing->agencies, "', '"), existing->role));
  }
  SQLite::Statement insert(db, "INSERT INTO users(name, role) VALUES (?, ?)");
  insert.bind(1, user.name);
  insert.bind(2, user.role);
  insert.exec();
  SQLite::Statement agency(db, "INSERT OR IGNORE INTO user_agencies(user, agency) VALUES (?, ?)");
  for (const std::string& code : user.agencies) {
    agency.bind(1, user.name);
    agency.bind(2, code);
    agency.exec();
    agency.reset();
  }
}

std::optional<UserRecord> find_user_record(SQLite::Database& db, const std::string& name) {
  SQLite::Statement query(db, "SELECT role FROM users WHERE name = ?");
  query.bind(1, name);
  if (!query.executeStep()) return std::nullopt;
  UserRecord user{name, {}, query.getColumn(0).getString()};
  SQLite::Statement agencies(db, "SELECT agency FROM user_agencies WHERE user = ? ORDER BY rowid");
  agencies.bind(1, name);
  while (agencies.executeStep()) user.agencies.push_back(agencies.getColumn(0).getString());
  return user;
}

std::vector<UserRecord> all_users(SQLite::Database& db) {
  // One pass over a join, not a query per user.
  SQLite::Statement query(db,
                          "SELECT u.name, u.role, a.agency FROM users u "
                          "LEFT JOIN user_agencies a ON a.user = u.name "
                          "ORDER BY u.name, a.rowid");
  std::vector<UserRecord> users;
  while (query.executeStep()) {
    const std::string name = query.getColumn(0).getString();
    if (users.empty() || users.back().name != name) {
      users.push_back(UserRecord{name, {}, query.getColumn(1).getString()});
    }
    if (!query.getColumn(2).isNull())
      users.back().agencies.push_back(query.getColumn(2).getString());
  }
  return users;
}

}  // namespace regflow::store
