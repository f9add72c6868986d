// `regflow verify`: re-computes every dossier's hash chain from the stored events and names the
// first broken event of each dossier. Internal to engine/store.
#pragma once

#include "engine/store/store.hpp"

namespace SQLite {
class Database;
}

namespace regflow::store {

/// Walks the events of every dossier in sequence order, one row at a time (memory does not grow
/// with the number of events), and checks the dossier rows against the chains' ends.
VerifyReport verify_chains(SQLite::Database& db);

}  // namespace regflow::store
