// The checks an archive passes before anything in it is written, that need no database: each
// definition's text against its hash, each dossier's hash chain (runtime/chain, the same check
// the store applies to every append), and each dossier's summary against the replay of its
// events. Pure.
#pragma once

#include <optional>
#include <vector>

#include "engine/archive/model.hpp"
#include "engine/archive/problem.hpp"
#include "engine/runtime/dossier_state.hpp"
#include "engine/runtime/event.hpp"

namespace regflow::archive {

/// Definitions whose text does not hash to their hash.
std::vector<ImportProblem> check_definitions(const Archive& archive);

/// The dossier's events, when they decode and form one intact chain that starts the dossier on
/// its definition (which the archive must hold); otherwise nullopt and the problem in `out`.
std::optional<std::vector<runtime::Event>> check_chain(const Archive& archive,
                                                       const ArchivedDossier& dossier,
                                                       std::vector<ImportProblem>& out);

/// Problems where the dossier's archived summary differs from `replayed`, the fold of its
/// events: a summary edited apart from the events.
std::vector<ImportProblem> check_summary(const ArchivedDossier& dossier,
                                         const runtime::DossierState& replayed);

}  // namespace regflow::archive
