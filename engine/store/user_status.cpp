#include "engine/store/user_status.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "engine/model/error.hpp"

namespace regflow::store {

void write_deactivation(SQLite::Database& db, const std::string& user, time::Instant at) {
  SQLite::Statement query(db, "SELECT deactivated_at FROM users WHERE name = ?");
  query.bind(1, user);
  if (!query.executeStep()) {
    throw InputError(model::say("unknown user '{}'; 'regflow user list' shows the users", user));
  }
  if (!query.getColumn(0).isNull()) {
    throw InputError(model::say("user '{}' was already deactivated on {}", user,
                                query.getColumn(0).getString()));
  }
  SQLite::Statement update(db, "UPDATE users SET deactivated_at = ? WHERE name = ?");
  update.bind(1, time::format_instant(at));
  update.bind(2, user);
  update.exec();
  // Whoever was signed in as them is signed out now, not when their session would have ended.
  SQLite::Statement revoke(db, "UPDATE sessions SET revoked = 1 WHERE user = ?");
  revoke.bind(1, user);
  revoke.exec();
}

std::optional<time::Instant> read_deactivation(SQLite::Database& db, const std::string& user) {
  SQLite::Statement query(db, "SELECT deactivated_at FROM users WHERE name = ?");
  query.bind(1, user);
  if (!query.executeStep() || query.getColumn(0).isNull()) return std::nullopt;
  const auto at =
      time::parse_instant(query.getColumn(0).getString(), time::UtcOffset{std::chrono::minutes{0}});
  if (!at) {
    throw StoreError(model::say("user '{}' has an unreadable deactivated_at '{}'", user,
                                query.getColumn(0).getString()));
  }
  return *at;
}

std::map<std::string, std::string> read_open_kendala(SQLite::Database& db) {
  SQLite::Statement query(db,
                          "SELECT id, kendala FROM dossiers INDEXED BY dossiers_open_kendala "
                          "WHERE closed = 0 AND kendala <> ''");
  std::map<std::string, std::string> out;
  while (query.executeStep()) out[query.getColumn(0).getString()] = query.getColumn(1).getString();
  return out;
}

}  // namespace regflow::store
