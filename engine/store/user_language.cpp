#include "engine/store/user_language.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "engine/model/error.hpp"

namespace regflow::store {

void write_user_language(SQLite::Database& db, const std::string& user, const std::string& code) {
  SQLite::Statement update(db, "UPDATE users SET language = ? WHERE name = ?");
  update.bind(1, code);
  update.bind(2, user);
  if (update.exec() == 0) {
    throw InputError(model::say("unknown user '{}'; 'regflow user list' shows the users", user));
  }
}

std::optional<std::string> read_user_language(SQLite::Database& db, const std::string& user) {
  SQLite::Statement query(db, "SELECT language FROM users WHERE name = ?");
  query.bind(1, user);
  if (!query.executeStep() || query.getColumn(0).isNull()) return std::nullopt;
  return query.getColumn(0).getString();
}

}  // namespace regflow::store
