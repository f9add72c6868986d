// Where a dossier's hash chain ends, and where a signed checkpoint saw it end: the plain data that
// the store reads and engine/seal signs and checks.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace regflow::seal {

/// The last event of a dossier's chain: its sequence and hash.
struct ChainHead {
  std::string dossier_id;
  std::int64_t sequence = 0;
  std::string hash;
  bool operator==(const ChainHead&) const = default;
};

/// A head that a checkpoint of the log signed: the chain must pass through it for ever.
struct SignedHead {
  std::int64_t sequence = 0;
  std::string hash;
  std::int64_t checkpoint = 0;  ///< the checkpoint's number (its line in the log)
};

/// Every head the log's checkpoints signed, by dossier, in the order they were signed.
using SignedHeads = std::map<std::string, std::vector<SignedHead>>;

}  // namespace regflow::seal
