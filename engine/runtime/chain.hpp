// The hash chain of one dossier's events, checked as a whole: the store checks every append
// with it, and an import checks every archived dossier with it, so that both accept exactly
// the chains that `regflow verify` accepts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/runtime/event.hpp"

namespace regflow::runtime {

enum class ChainBreakKind {
  OtherDossier,   ///< the event names another dossier
  OutOfSequence,  ///< its sequence does not follow the previous one
  PreviousHash,   ///< its prev_hash is not the previous event's hash
  ContentHash     ///< its hash does not match its content
};

struct ChainBreak {
  std::size_t index = 0;  ///< position in the events given
  ChainBreakKind kind = ChainBreakKind::ContentHash;
};

/// The first event of `events` that does not continue the chain of `dossier_id` after the event
/// with sequence `after_sequence` and hash `after_hash` (0 and "" for a new dossier); nullopt when
/// every event continues it.
std::optional<ChainBreak> find_chain_break(const std::string& dossier_id,
                                           const std::vector<Event>& events,
                                           std::int64_t after_sequence = 0,
                                           const std::string& after_hash = {});

/// Gives the events (a whole chain from sequence 1) to `dossier_id` and seals each again after
/// the previous one: the same history under another id, with new hashes.
void reseal_as(std::vector<Event>& events, const std::string& dossier_id);

}  // namespace regflow::runtime
