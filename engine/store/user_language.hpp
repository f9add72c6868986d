// The language each user chose on the web ("en", "id"), kept with the user so that the choice
// follows them to every device they sign in from. Internal to engine/store; Store forwards here.
// The store keeps the code as given; which codes are languages is the caller's business.
#pragma once

#include <optional>
#include <string>

namespace SQLite {
class Database;
}

namespace regflow::store {

/// Keeps `code` as `user`'s language; throws InputError when the user is not registered.
void write_user_language(SQLite::Database& db, const std::string& user, const std::string& code);
/// The language `user` chose; nullopt when they never chose one (or are unknown).
std::optional<std::string> read_user_language(SQLite::Database& db, const std::string& user);

}  // namespace regflow::store
