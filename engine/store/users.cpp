#include "engine/store/users.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/model/error.hpp"

namespace regflow::store {

void insert_user(SQLite::Database& db, const UserRecord& user) {
  if (user.agencies.empty()) {
    throw InputError(model::say("user '{}' needs an agency; give one with --agency", user.name));
  }
  if (auto existing = find_user_record(db, user.name)) {
    throw InputError(model::say(
        "user '{}' already exists (agency '{}', role '{}'); choose another name", user.name,
        fmt::format("{}", fmt::join(existing->agencies, "', '")), existing->role));
  }
  if (!user.login.empty()) {
    if (auto holder = find_user_by_login_record(db, user.login)) {
      throw InputError(model::say(
          "login '{}' already acts as user '{}'; one operating-system account is one user",
          user.login, holder->name));
    }
  }
  SQLite::Statement insert(db, "INSERT INTO users(name, role, login) VALUES (?, ?, ?)");
  insert.bind(1, user.name);
  insert.bind(2, user.role);
  if (user.login.empty()) {
    insert.bind(3);
  } else {
    insert.bind(3, user.login);
  }
  insert.exec();
  SQLite::Statement agency(db, "INSERT OR IGNORE INTO user_agencies(user, agency) VALUES (?, ?)");
  for (const std::string& code : user.agencies) {
    agency.bind(1, user.name);
    agency.bind(2, code);
    agency.exec();
    agency.reset();
  }
}

namespace {

std::optional<UserRecord> find_user_where(SQLite::Database& db, const char* column,
                                          const std::string& value) {
  SQLite::Statement query(
      db, fmt::format("SELECT name, role, COALESCE(login, '') FROM users WHERE {} = ?", column));
  query.bind(1, value);
  if (!query.executeStep()) return std::nullopt;
  const std::string name = query.getColumn(0).getString();
  UserRecord user{name, {}, query.getColumn(1).getString(), query.getColumn(2).getString()};
  SQLite::Statement agencies(db, "SELECT agency FROM user_agencies WHERE user = ? ORDER BY rowid");
  agencies.bind(1, name);
  while (agencies.executeStep()) user.agencies.push_back(agencies.getColumn(0).getString());
  return user;
}

}  // namespace

std::optional<UserRecord> find_user_record(SQLite::Database& db, const std::string& name) {
  return find_user_where(db, "name", name);
}

std::optional<UserRecord> find_user_by_login_record(SQLite::Database& db, const std::string& login) {
  return find_user_where(db, "login", login);
}

std::vector<UserRecord> all_users(SQLite::Database& db) {
  // One pass over a join, not a query per user.
  SQLite::Statement query(db,
                          "SELECT u.name, u.role, a.agency, COALESCE(u.login, '') FROM users u "
                          "LEFT JOIN user_agencies a ON a.user = u.name "
                          "ORDER BY u.name, a.rowid");
  std::vector<UserRecord> users;
  while (query.executeStep()) {
    const std::string name = query.getColumn(0).getString();
    if (users.empty() || users.back().name != name) {
      users.push_back(
          UserRecord{name, {}, query.getColumn(1).getString(), query.getColumn(3).getString()});
    }
    if (!query.getColumn(2).isNull())
      users.back().agencies.push_back(query.getColumn(2).getString());
  }
  return users;
}

}  // namespace regflow::store
