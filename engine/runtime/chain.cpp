#include "engine/runtime/chain.hpp"

namespace regflow::runtime {

std::optional<ChainBreak> find_chain_break(const std::string& dossier_id,
                                           const std::vector<Event>& events,
                                           std::int64_t after_sequence,
                                           const std::string& after_hash) {
  std::int64_t sequence = after_sequence;
  const std::string* previous = &after_hash;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& event = events[i];
    if (event.dossier_id != dossier_id) return ChainBreak{i, ChainBreakKind::OtherDossier};
    if (event.sequence != sequence + 1) return ChainBreak{i, ChainBreakKind::OutOfSequence};
    if (event.prev_hash != *previous) return ChainBreak{i, ChainBreakKind::PreviousHash};
    if (event.hash != compute_hash(event)) return ChainBreak{i, ChainBreakKind::ContentHash};
    sequence = event.sequence;
    previous = &event.hash;
  }
  return std::nullopt;
}

void reseal_as(std::vector<Event>& events, const std::string& dossier_id) {
  std::string previous;
  for (Event& event : events) {
    event.dossier_id = dossier_id;
    seal(event, previous);
    previous = event.hash;
  }
}

}  // namespace regflow::runtime
