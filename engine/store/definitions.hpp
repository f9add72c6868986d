// Workflow definitions as stored: the YAML text once per content hash, so that a dossier can be
// replayed on the exact definition it was started with after the file changes. Internal to
// engine/store.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/store/store.hpp"

namespace SQLite {
class Database;
}

namespace regflow::store {

/// Stores the definition unless its hash is already stored (then nothing changes).
void insert_definition(SQLite::Database& db, const std::string& hash, const std::string& name,
                       int version, const std::string& source_path, const std::string& text);

std::optional<StoredDefinition> find_definition(SQLite::Database& db, const std::string& hash);

std::optional<std::string> find_definition_text(SQLite::Database& db, const std::string& hash);

/// The hash of `workflow` stored last; ties within a second go to the later insert.
std::optional<std::string> find_latest_definition(SQLite::Database& db,
                                                  const std::string& workflow);

/// Every stored version of `workflow`: its version number and hash, in the order stored.
std::vector<std::pair<int, std::string>> find_definition_versions(SQLite::Database& db,
                                                                  const std::string& workflow);

}  // namespace regflow::store
