#include "engine/store/verify.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/store/event_store.hpp"

namespace regflow::store {
namespace {

std::string short_hash(const std::string& hash) {
  return hash.substr(0, 12);
}

// The walk over one dossier's chain, fed one stored row at a time.
class ChainWalk {
 public:
  ChainWalk(std::string dossier_id, const std::vector<seal::SignedHead>* signed_heads)
      : dossier_id_(std::move(dossier_id)), signed_(signed_heads) {}

  /// The reason the row breaks the chain, or nullopt when it continues it.
  std::optional<model::Message> step(SQLite::Statement& row) {
    const std::int64_t sequence = row.getColumn(1).getInt64();
    if (sequence != last_sequence_ + 1) {
      return last_sequence_ == 0 ? model::say("the first event has sequence {}, not 1", sequence)
                                 : model::say("sequence {} follows {}: an event is missing",
                                              sequence, last_sequence_);
    }
    model::Message problem;
    const auto event = event_from_row(row, problem);
    if (!event) return problem;
    if (event->prev_hash != last_hash_) return model::say("previous hash does not match");
    if (runtime::compute_hash(*event) != event->hash) {
      return model::say("hash does not match its content");
    }
    if (signed_ != nullptr) {
      for (const auto& head : *signed_) {
        if (head.sequence == sequence && head.hash != event->hash) {
          return model::say(
              "not the event signed by checkpoint {} (hash {}…, signed {}…): the chain was "
              "rewritten from here and sealed again",
              head.checkpoint, short_hash(event->hash), short_hash(head.hash));
        }
      }
    }
    last_sequence_ = sequence;
    last_hash_ = event->hash;
    return std::nullopt;
  }

  /// When the chain ends: the reason it ends below a signed head, or nullopt.
  std::optional<model::Message> end() const {
    if (signed_ == nullptr) return std::nullopt;
    for (const auto& head : *signed_) {
      if (head.sequence > last_sequence_) {
        return model::say(
            "the chain ends at event #{} but checkpoint {} signed it through event #{}: events "
            "were removed",
            last_sequence_, head.checkpoint, head.sequence);
      }
    }
    return std::nullopt;
  }

  const std::string& dossier_id() const { return dossier_id_; }
  std::int64_t last_sequence() const { return last_sequence_; }
  const std::string& last_hash() const { return last_hash_; }
  void start_after(std::int64_t sequence, std::string hash) {
    last_sequence_ = sequence;
    last_hash_ = std::move(hash);
  }

 private:
  std::string dossier_id_;
  const std::vector<seal::SignedHead>* signed_;
  std::int64_t last_sequence_ = 0;
  std::string last_hash_;
};

const std::vector<seal::SignedHead>* signed_of(const seal::SignedHeads* heads,
                                               const std::string& id) {
  if (heads == nullptr) return nullptr;
  const auto found = heads->find(id);
  return found == heads->end() ? nullptr : &found->second;
}

}  // namespace

VerifyReport verify_chains(SQLite::Database& db, const seal::SignedHeads* signed_heads) {
  VerifyReport report;
  std::set<std::string> broken;
  std::set<std::string> seen;
  // One read transaction: both passes see the same snapshot while commands keep writing (WAL).
  SQLite::Transaction snapshot(db);

  // The primary key (dossier_id, seq) gives this order without sorting.
  SQLite::Statement events(
      db, fmt::format("SELECT {} FROM events ORDER BY dossier_id, seq", kEventColumns));
  std::optional<ChainWalk> walk;
  bool skipping = false;
  const auto finish = [&] {
    if (!walk || skipping) return;
    if (auto reason = walk->end()) {
      report.problems.push_back(
          verify_problem(walk->dossier_id(), walk->last_sequence() + 1, std::move(*reason)));
      broken.insert(walk->dossier_id());
    }
  };
  while (events.executeStep()) {
    ++report.events;
    const std::string dossier_id = events.getColumn(0).getString();
    if (!walk || walk->dossier_id() != dossier_id) {
      finish();
      walk.emplace(dossier_id, signed_of(signed_heads, dossier_id));
      seen.insert(dossier_id);
      skipping = false;
      ++report.dossiers;
    }
    if (skipping) continue;
    if (auto reason = walk->step(events)) {
      report.problems.push_back(
          verify_problem(dossier_id, events.getColumn(1).getInt64(), std::move(*reason)));
      broken.insert(dossier_id);
      skipping = true;
    }
  }
  finish();

  // A chain the checkpoints signed may be gone altogether, events and row.
  if (signed_heads != nullptr) {
    for (const auto& [id, heads] : *signed_heads) {
      if (seen.count(id) != 0 || heads.empty()) continue;
      report.problems.push_back(verify_problem(
          id, 1,
          model::say("the dossier is gone: checkpoint {} signed its chain through event #{}",
                     heads.back().checkpoint, heads.back().sequence)));
      broken.insert(id);
      ++report.dossiers;  // a dossier the record knows of, though the database lost it
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
      report.problems.push_back(verify_problem(id, 1, model::say("the dossier has no events")));
      continue;
    }
    const std::int64_t last = ends.getColumn(2).getInt64();
    if (last != version) {
      report.problems.push_back(verify_problem(
          id, std::min(last, version) + 1,
          model::say("the dossier is at version {} but its events end at sequence {}", version,
                     last)));
    }
  }

  std::stable_sort(
      report.problems.begin(), report.problems.end(),
      [](const VerifyProblem& a, const VerifyProblem& b) { return a.dossier_id < b.dossier_id; });
  return report;
}

std::vector<ActorMismatch> read_actor_mismatches(SQLite::Database& db) {
  SQLite::Transaction snapshot(db);
  // One primary-key lookup in user_agencies per event.
  SQLite::Statement rows(db,
                         "SELECT e.dossier_id, e.seq, e.actor, e.agency, "
                         "EXISTS (SELECT 1 FROM users u WHERE u.name = e.actor) "
                         "FROM events e WHERE e.actor <> 'system' AND NOT EXISTS "
                         "(SELECT 1 FROM user_agencies a WHERE a.user = e.actor "
                         "AND a.agency = e.agency) ORDER BY e.dossier_id, e.seq");
  std::vector<ActorMismatch> out;
  while (rows.executeStep()) {
    out.push_back({rows.getColumn(0).getString(), rows.getColumn(1).getInt64(),
                   rows.getColumn(2).getString(), rows.getColumn(3).getString(),
                   rows.getColumn(4).getInt() != 0});
  }
  return out;
}

std::vector<seal::ChainHead> read_chain_heads(SQLite::Database& db) {
  SQLite::Transaction snapshot(db);
  // One primary-key lookup per dossier, not a scan of every event.
  SQLite::Statement heads(db,
                          "SELECT d.id, e.seq, e.hash FROM dossiers d JOIN events e "
                          "ON e.dossier_id = d.id AND e.seq = "
                          "(SELECT max(seq) FROM events m WHERE m.dossier_id = d.id) "
                          "ORDER BY d.id");
  std::vector<seal::ChainHead> out;
  while (heads.executeStep()) {
    out.push_back({heads.getColumn(0).getString(), heads.getColumn(1).getInt64(),
                   heads.getColumn(2).getString()});
  }
  return out;
}

std::optional<model::Message> chain_break_after(SQLite::Database& db, const std::string& dossier_id,
                                                std::int64_t sequence, const std::string& hash) {
  SQLite::Statement events(
      db, fmt::format("SELECT {} FROM events WHERE dossier_id = ? AND seq >= ? ORDER BY seq",
                      kEventColumns));
  events.bind(1, dossier_id);
  events.bind(2, sequence);
  ChainWalk walk(dossier_id, nullptr);
  if (sequence > 0) {
    if (!events.executeStep() || events.getColumn(1).getInt64() != sequence) {
      return model::say("event #{} is gone", sequence);
    }
    model::Message problem;
    const auto event = event_from_row(events, problem);
    if (!event) return model::say("event #{}: {}", sequence, std::move(problem));
    if (event->hash != hash) {
      return model::say("event #{} is not the one signed (hash {}…, signed {}…)", sequence,
                        short_hash(event->hash), short_hash(hash));
    }
    walk.start_after(sequence, hash);
  }
  while (events.executeStep()) {
    if (auto reason = walk.step(events)) {
      return model::say("event #{}: {}", events.getColumn(1).getInt64(), std::move(*reason));
    }
  }
  return std::nullopt;
}

}  // namespace regflow::store
