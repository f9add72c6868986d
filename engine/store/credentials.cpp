#include "engine/store/credentials.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "engine/model/error.hpp"

namespace regflow::store {
namespace {

std::int64_t seconds(time::Instant at) {
  return at.time_since_epoch().count();
}

time::Instant instant(std::int64_t value) {
  return time::Instant{std::chrono::seconds(value)};
}

}  // namespace

void write_password_hash(SQLite::Database& db, const std::string& user, const std::string& hash) {
  SQLite::Statement update(db, "UPDATE users SET password_hash = ? WHERE name = ?");
  update.bind(1, hash);
  update.bind(2, user);
  if (update.exec() == 0) {
    throw InputError(model::say(
        "unknown user '{}'; register them first with 'regflow user add {} --agency AGENCY'", user,
        user));
  }
  // A changed password ends every session: whoever knew the old one is signed out.
  SQLite::Statement revoke(db, "UPDATE sessions SET revoked = 1 WHERE user = ?");
  revoke.bind(1, user);
  revoke.exec();
}

std::optional<std::string> read_password_hash(SQLite::Database& db, const std::string& user) {
  SQLite::Statement query(db, "SELECT password_hash FROM users WHERE name = ?");
  query.bind(1, user);
  if (!query.executeStep() || query.getColumn(0).isNull()) return std::nullopt;
  return query.getColumn(0).getString();
}

void insert_session(SQLite::Database& db, const SessionRecord& session,
                    time::Instant expired_before) {
  SQLite::Statement prune(db, "DELETE FROM sessions WHERE created_at < ? OR revoked = 1");
  prune.bind(1, seconds(expired_before));
  prune.exec();
  SQLite::Statement insert(db,
                           "INSERT INTO sessions(token_hash, user, created_at, last_seen, revoked) "
                           "VALUES (?, ?, ?, ?, 0)");
  insert.bind(1, session.token_hash);
  insert.bind(2, session.user);
  insert.bind(3, seconds(session.created));
  insert.bind(4, seconds(session.last_seen));
  insert.exec();
}

std::optional<SessionRecord> read_session(SQLite::Database& db, const std::string& token_hash) {
  SQLite::Statement query(
      db, "SELECT user, created_at, last_seen, revoked FROM sessions WHERE token_hash = ?");
  query.bind(1, token_hash);
  if (!query.executeStep()) return std::nullopt;
  return SessionRecord{token_hash, query.getColumn(0).getString(),
                       instant(query.getColumn(1).getInt64()),
                       instant(query.getColumn(2).getInt64()), query.getColumn(3).getInt() != 0};
}

void write_session_seen(SQLite::Database& db, const std::string& token_hash, time::Instant at) {
  SQLite::Statement update(db, "UPDATE sessions SET last_seen = ? WHERE token_hash = ?");
  update.bind(1, seconds(at));
  update.bind(2, token_hash);
  update.exec();
}

void write_session_revoked(SQLite::Database& db, const std::string& token_hash) {
  SQLite::Statement update(db, "UPDATE sessions SET revoked = 1 WHERE token_hash = ?");
  update.bind(1, token_hash);
  update.exec();
}

void write_user_token(SQLite::Database& db, const std::string& user, const std::string& kind,
                      const std::string& token_hash, time::Instant at) {
  SQLite::Statement replace(db,
                            "INSERT OR REPLACE INTO user_tokens(user, kind, token_hash, created_at) "
                            "VALUES (?, ?, ?, ?)");
  replace.bind(1, user);
  replace.bind(2, kind);
  replace.bind(3, token_hash);
  replace.bind(4, seconds(at));
  replace.exec();
}

std::optional<std::string> read_token_user(SQLite::Database& db, const std::string& kind,
                                           const std::string& token_hash) {
  SQLite::Statement query(db, "SELECT user FROM user_tokens WHERE token_hash = ? AND kind = ?");
  query.bind(1, token_hash);
  query.bind(2, kind);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getString();
}

FailureRecord read_failures(SQLite::Database& db, const std::string& key) {
  SQLite::Statement query(db, "SELECT count, last FROM sign_in_failures WHERE key = ?");
  query.bind(1, key);
  if (!query.executeStep()) return {};
  return {query.getColumn(0).getInt64(), instant(query.getColumn(1).getInt64())};
}

void write_failures(SQLite::Database& db, const std::string& key, const FailureRecord& failures) {
  SQLite::Statement replace(
      db, "INSERT OR REPLACE INTO sign_in_failures(key, count, last) VALUES (?, ?, ?)");
  replace.bind(1, key);
  replace.bind(2, failures.count);
  replace.bind(3, seconds(failures.last));
  replace.exec();
}

void delete_failures(SQLite::Database& db, const std::string& key) {
  SQLite::Statement remove(db, "DELETE FROM sign_in_failures WHERE key = ?");
  remove.bind(1, key);
  remove.exec();
}

}  // namespace regflow::store
