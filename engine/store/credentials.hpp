// What signing in on the web keeps in the database: password hashes, sessions, personal tokens
// and failed attempts. Internal to engine/store; Store forwards to these.
#pragma once

#include <optional>
#include <string>

#include "engine/store/store.hpp"

namespace SQLite {
class Database;
}

namespace regflow::store {

void write_password_hash(SQLite::Database& db, const std::string& user, const std::string& hash);
std::optional<std::string> read_password_hash(SQLite::Database& db, const std::string& user);
void insert_session(SQLite::Database& db, const SessionRecord& session,
                    time::Instant expired_before);
std::optional<SessionRecord> read_session(SQLite::Database& db, const std::string& token_hash);
void write_session_seen(SQLite::Database& db, const std::string& token_hash, time::Instant at);
void write_session_revoked(SQLite::Database& db, const std::string& token_hash);
void write_user_token(SQLite::Database& db, const std::string& user, const std::string& kind,
                      const std::string& token_hash, time::Instant at);
std::optional<std::string> read_token_user(SQLite::Database& db, const std::string& kind,
                                           const std::string& token_hash);
FailureRecord read_failures(SQLite::Database& db, const std::string& key);
void write_failures(SQLite::Database& db, const std::string& key, const FailureRecord& failures);
void delete_failures(SQLite::Database& db, const std::string& key);

}  // namespace regflow::store
