// The two projections kept beside the events, in the same transaction: one row per dossier
// (where it stands) and one row per running deadline. They exist so that lists, the board and
// queues are single indexed queries over 100k dossiers rather than replays. Internal to
// engine/store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/store/store.hpp"

namespace SQLite {
class Database;
}

namespace regflow::store {

/// Inserts or replaces the dossier's row; `version` is stored as given.
void write_dossier(SQLite::Database& db, const DossierRow& row);

/// Replaces every deadline row of `dossier_id` with `rows`.
void replace_deadlines(SQLite::Database& db, const std::string& dossier_id,
                       const std::vector<DeadlineRow>& rows);

std::optional<DossierRow> read_dossier(SQLite::Database& db, const std::string& id);

/// Dossiers matching every given field of `filter`, ordered by id.
std::vector<DossierRow> list_dossiers(SQLite::Database& db, const ListFilter& filter);

/// Deadlines of open dossiers (of one agency's, if given), earliest due first; paused ones last.
std::vector<DeadlineRow> list_open_deadlines(SQLite::Database& db,
                                             const std::optional<std::string>& agency);

std::vector<std::string> list_open_dossier_ids(SQLite::Database& db);

}  // namespace regflow::store
