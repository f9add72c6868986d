// The events table: appending a dossier's new events after checking that they continue its hash
// chain, and reading them back in sequence order. Internal to engine/store.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/model/message.hpp"
#include "engine/runtime/event.hpp"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace regflow::store {

/// The stored end of a dossier's chain: its last event's sequence, hash and actor (0 and ""
/// when it has none).
struct ChainEnd {
  std::int64_t sequence = 0;
  std::string hash;
  std::string actor;
  std::string at;  ///< the event's stored time, "" before the first event
};

/// The columns every events query selects, in the order `event_from_row` reads them.
inline constexpr const char* kEventColumns =
    "dossier_id, seq, type, at, actor, agency, action, from_step, to_step, note, changes, data, "
    "prev_hash, hash";

ChainEnd chain_end(SQLite::Database& db, const std::string& dossier_id);

/// What an append checks, in one read: the dossier's version and step, and its event at that
/// version (`end`, none when the chain does not reach the version).
struct ChainHead {
  std::int64_t version = 0;
  std::string step;
  std::optional<ChainEnd> end;
};
/// nullopt when there is no such dossier.
std::optional<ChainHead> chain_head(SQLite::Database& db, const std::string& dossier_id);

/// Throws StoreError (a bug in the caller) unless `events` are non-empty, all of `dossier_id`,
/// numbered on from `end.sequence`, each linked to the previous hash and correctly hashed.
void check_continues(const std::string& dossier_id, const std::vector<runtime::Event>& events,
                     const ChainEnd& end);

void insert_events(SQLite::Database& db, const std::vector<runtime::Event>& events);

/// Original chain hash → local id, from the data of every `imported` event.
std::map<std::string, std::string> find_renumbered_imports(SQLite::Database& db);

std::vector<runtime::Event> read_events(SQLite::Database& db, const std::string& dossier_id);

/// Every dossier's events (of one workflow when `workflow` is not empty), one dossier at a
/// time in id order, each in sequence order, in one read transaction; only one dossier's events
/// are held at a time, without their notes and hashes. Throws StoreError on an undecodable event.
void visit_histories(SQLite::Database& db, const std::string& workflow,
                     const std::function<void(std::span<const runtime::Event>)>& visit);

/// Decodes the row a statement selecting kEventColumns is on. On an undecodable row (an edited
/// type, time or JSON column) returns nullopt and sets `problem`.
std::optional<runtime::Event> event_from_row(SQLite::Statement& row, model::Message& problem);

}  // namespace regflow::store
