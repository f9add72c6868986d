// The two projections kept beside the events, in the same transaction: one row per dossier
// (where it stands) and one row per running deadline. They exist so that lists, the board and
// queues are single indexed queries over 100k dossiers rather than replays. Internal to
// engine/store.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/store.hpp"

namespace SQLite {
class Database;
}

namespace regflow::store {

/// Inserts or replaces the dossier's row; `version` is stored as given, `clocks` is the
/// encode_clocks text of its running deadlines, and an empty `snapshot` stores none.
void write_dossier(SQLite::Database& db, const DossierRow& row, const std::string& clocks,
                   const Snapshot& snapshot);
/// Rewrites the row of a dossier that exists (every column but id and started_at); throws
/// StoreError if there is none.
void update_dossier(SQLite::Database& db, const DossierRow& row, const std::string& clocks,
                    const Snapshot& snapshot);

/// Sets only the row's clocks text and next timer day (the deadlines moved, the dossier did not).
void update_timing(SQLite::Database& db, const std::string& id, const std::string& clocks,
                   std::optional<time::Date> next_timer);

/// Replaces every deadline row of `dossier_id` with `rows`.
void replace_deadlines(SQLite::Database& db, const std::string& dossier_id,
                       const std::vector<DeadlineRow>& rows);

std::optional<DossierRow> read_dossier(SQLite::Database& db, const std::string& id);

/// Forgets the dossier's state snapshot, so that the next decision replays its events.
void drop_snapshot_of(SQLite::Database& db, const std::string& dossier_id);
std::optional<DossierHead> read_dossier_head(SQLite::Database& db, const std::string& dossier_id);

/// Where a dossier's projection says it stands: all an append checks before it writes.

/// Open dossiers whose next_timer is on or before `day`, in id order.
std::vector<std::string> list_timer_due_ids(SQLite::Database& db, time::Date day);

/// Dossiers matching every given field of `filter`, ordered by id.
std::vector<DossierRow> list_dossiers(SQLite::Database& db, const ListFilter& filter);

/// Deadlines of open dossiers (of one agency's, if given), earliest due first; paused ones last.
std::vector<DeadlineRow> list_open_deadlines(SQLite::Database& db,
                                             const std::optional<std::string>& agency);

/// Open dossiers matching `filter` with their deadlines' timing, in id order.
void visit_open_rows(SQLite::Database& db, const ListFilter& filter,
                     const std::function<void(const OpenDossierRow&)>& visit);

std::optional<DeadlineRow> read_open_deadline(SQLite::Database& db, const std::string& dossier_id,
                                              const std::string& deadline_id);

std::vector<std::string> list_open_dossier_ids(SQLite::Database& db);

}  // namespace regflow::store
