// `regflow seal` and the checkpoint half of `regflow verify`: the application service between the
// store (where each chain ends), engine/seal (what to sign and how a log is checked) and the
// trust files beside the database. The database remembers the fingerprint of the key it was
// first sealed with (setting `checkpoint_key`), so that a log or public key that went missing or
// was swapped for another is reported rather than taken for "never sealed".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/model/message.hpp"
#include "engine/seal/checkpoint.hpp"
#include "engine/seal/key_files.hpp"
#include "engine/store/store.hpp"
#include "engine/time/date.hpp"

namespace regflow::app {

/// Key of the sealing key's fingerprint in the database's settings.
inline constexpr const char* kCheckpointKeySetting = "checkpoint_key";

struct SealReport {
  bool key_created = false;
  std::string fingerprint;
  std::int64_t dossiers = 0;                ///< chains signed
  std::optional<seal::Checkpoint> written;  ///< nullopt: no chain moved since the last one
  std::int64_t checkpoints = 0;             ///< checkpoints in the log afterwards
  std::string last_line;                    ///< the log's last line afterwards
};

/// Signs where every chain ends, as the next line of the checkpoint log, after proving that each
/// chain that moved continues its last signed head intact (so a rewritten chain is never signed).
/// Makes the key on first use. Throws InputError, writing nothing, when the log is damaged or
/// missing, a chain does not continue its signed head, or a signed dossier is gone.
SealReport seal_chains(store::Store& store, const seal::TrustFiles& files, time::Instant now);

/// What the checkpoint log proves about the database, for verify.
struct CheckpointStatus {
  bool sealed = false;  ///< a key and a log were found (or the database says they should be)
  std::string fingerprint;
  seal::CheckpointLog log;
  std::vector<model::Message> problems;  ///< why the log cannot be trusted, whole or in part
};

/// Reads and checks the checkpoint log against the public key and the database's setting.
/// Never throws for a bad file: it is a problem reported.
CheckpointStatus read_checkpoints(const store::Store& store, const seal::TrustFiles& files);

}  // namespace regflow::app
