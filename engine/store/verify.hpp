// `regflow verify`: re-computes every dossier's hash chain from the stored events and names the
// first broken event of each dossier; with the heads the checkpoint log signed, also proves that
// every chain still passes through each of them. And what `regflow seal` reads before it signs:
// where each chain ends, and whether a chain continues a signed head intact. Internal to
// engine/store.
#pragma once

#include "engine/store/store.hpp"

namespace SQLite {
class Database;
}

namespace regflow::store {

/// Walks the events of every dossier in sequence order, one row at a time (memory does not grow
/// with the number of events), and checks the dossier rows against the chains' ends, and the
/// chains against `signed_heads` when given.
VerifyReport verify_chains(SQLite::Database& db, const seal::SignedHeads* signed_heads);

/// Events whose actor is not a user registered for the agency the event records.
std::vector<ActorMismatch> read_actor_mismatches(SQLite::Database& db);

/// The last event of every dossier that has a row, in id order (a dossier without events is
/// left out).
std::vector<seal::ChainHead> read_chain_heads(SQLite::Database& db);

/// Why the chain of `dossier_id` does not run intact from the event (`sequence`, `hash`) to its
/// last event (nullopt when it does; sequence 0 checks it from its first event).
std::optional<model::Message> chain_break_after(SQLite::Database& db, const std::string& dossier_id,
                                                std::int64_t sequence, const std::string& hash);

}  // namespace regflow::store
