// Registered users, the agencies each acts for, and their role. Internal to engine/store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/store/store.hpp"

namespace SQLite {
class Database;
}

namespace regflow::store {

/// Throws InputError when the name or the login is taken or no agency is given.
void insert_user(SQLite::Database& db, const UserRecord& user);

std::optional<UserRecord> find_user_record(SQLite::Database& db, const std::string& name);

std::optional<UserRecord> find_user_by_login_record(SQLite::Database& db, const std::string& login);

/// Every user, by name; each user's agencies in the order they were given.
std::vector<UserRecord> all_users(SQLite::Database& db);

}  // namespace regflow::store
