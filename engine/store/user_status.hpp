// What corrections and administration keep beside the events: whether a user was deactivated,
// and the kendala of open dossiers for the board. Internal to engine/store; Store forwards here.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "engine/time/date.hpp"

namespace SQLite {
class Database;
}

namespace regflow::store {

/// Marks `user` deactivated at `at` and revokes their sessions; throws InputError when the user
/// is not registered or already deactivated.
void write_deactivation(SQLite::Database& db, const std::string& user, time::Instant at);
/// When `user` was deactivated; nullopt while active (or unknown).
std::optional<time::Instant> read_deactivation(SQLite::Database& db, const std::string& user);
/// Open dossiers' kendala, by dossier id (a scan of a partial index of the few that have one).
std::map<std::string, std::string> read_open_kendala(SQLite::Database& db);

}  // namespace regflow::store
