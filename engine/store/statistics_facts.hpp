// The statistics facts projection (schema version 9): one row per dossier, written with its
// dossier row in the same transaction by every write of events (append, start, import), so that
// every dossier always has one. The bytes are report::FactsFold's; the store only keeps them,
// with the columns `stats` filters and checks by. Internal to engine/store.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/store.hpp"

namespace SQLite {
class Database;
}

namespace regflow::store {

/// Replaces the facts row of `row`'s dossier with `facts` (at the row's version), or with a row
/// marked as not saved (empty basis) when there are none.
void write_statistics_facts(SQLite::Database& db, const DossierRow& row,
                            const std::optional<StatisticsFacts>& facts);

/// Every facts row (of `workflow` when not empty), in dossier id order.
void visit_statistics_rows(SQLite::Database& db, const std::string& workflow,
                           const std::function<void(const StatisticsFacts&)>& visit);

std::optional<StatisticsFacts> read_statistics_facts(SQLite::Database& db,
                                                     const std::string& dossier_id);

/// Ids whose facts row was not saved with `basis`, in id order.
std::vector<std::string> list_without_statistics_facts(SQLite::Database& db,
                                                       const std::string& basis);

}  // namespace regflow::store
