#include "engine/store/verify.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/store/event_store.hpp"

namespace regflow::store {
namespace {

// The walk over one dossier's chain, fed one stored row at a time.
class ChainWalk {
 public:
  explicit ChainWalk(std::string dossier_id) : dossier_id_(std::move(dossier_id)) {}

  /// The reason the row breaks the chain, or "" when it continues it.
  std::string step(SQLite::Statement& row) {
    const std::int64_t sequence = row.getColumn(1).getInt64();
    if (sequence != last_sequence_ + 1) {
      return last_sequence_ == 0 ? fmt::format("the first event has sequence {}, not 1", sequence)
                                 : fmt::format("sequence {} follows {}: an event is missing",
                                               sequence, last_sequence_);
    }
    std::string problem;
    const auto event = event_from_row(row, problem);
    if (!event) return problem;
    if (event->prev_hash != last_hash_) return "previous hash does not match";
    if (runtime::compute_hash(*event) != event->hash) return "hash does not match its content";
    last_sequence_ = sequence;
    last_hash_ = event->hash;
    return {};
  }

  const std::string& dossier_id() const { return dossier_id_; }
  std::int64_t last_sequence() const { return last_sequence_; }

 private:
  std::string dossier_id_;
  std::int64_t last_sequence_ = 0;
  std::string last_hash_;
};

}  // namespace

VerifyReport verify_chains(SQLite::Database& db) {
  VerifyReport report;
  std::set<std::string> broken;
  // One read transaction: both passes see the same snapshot while commands keep writing (WAL).
  SQLite::Transaction snapshot(db);

  // The primary key (dossier_id, seq) gives this order without sorting.
  SQLite::Statement events(
      db, fmt::format("SELECT {} FROM events ORDER BY dossier_id, seq", kEventColumns));
  std::optional<ChainWalk> walk;
  bool skipping = false;
  while (events.executeStep()) {
    ++report.events;
    const std::string dossier_id = events.getColumn(0).getString();
    if (!walk || walk->dossier_id() != dossier_id) {
      walk.emplace(dossier_id);
      skipping = false;
      ++report.dossiers;
    }
    if (skipping) continue;
    std::string reason = walk->step(events);
    if (!reason.empty()) {
      report.problems.push_back({dossier_id, events.getColumn(1).getInt64(), std::move(reason)});
      broken.insert(dossier_id);
      skipping = true;
    }
  }

  // Deleting the newest events leaves an intact but shorter chain; the dossier row still
  // remembers the version it reached.
  SQLite::Statement ends(db,
                         "SELECT d.id, d.version, "
                         "(SELECT max(seq) FROM events e WHERE e.dossier_id = d.id) "
                         "FROM dossiers d ORDER BY d.id");
  while (ends.executeStep()) {
    const std::string id = ends.getColumn(0).getString();
    if (broken.count(id) != 0) continue;
    const std::int64_t version = ends.getColumn(1).getInt64();
    if (ends.getColumn(2).isNull()) {
      report.problems.push_back({id, 1, "the dossier has no events"});
      continue;
    }
    const std::int64_t last = ends.getColumn(2).getInt64();
    if (last != version) {
      report.problems.push_back(
          {id, std::min(last, version) + 1,
           fmt::format("the dossier is at version {} but its events end at sequence {}", version,
                       last)});
    }
  }

  std::sort(
      report.problems.begin(), report.problems.end(),
      [](const VerifyProblem& a, const VerifyProblem& b) { return a.dossier_id < b.dossier_id; });
  return report;
}

}  // namespace regflow::store
