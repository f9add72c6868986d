// evolve(definition, state, event) → the next state. A dossier's state is the fold of its
// events over its own definition version; pure, no calendar needed (due dates are computed from
// the clocks by engine/deadline).
#pragma once

#include <vector>

#include "engine/model/definition.hpp"
#include "engine/runtime/dossier_state.hpp"
#include "engine/runtime/event.hpp"
#include "engine/time/date.hpp"

namespace regflow::runtime {

/// Applies one event. `offset` turns the event's UTC instant into the local date that clocks use.
void evolve(const model::WorkflowDefinition& definition, DossierState& state, const Event& event,
            time::UtcOffset offset);

/// Folds a dossier's events from the empty state.
DossierState replay(const model::WorkflowDefinition& definition, const std::vector<Event>& events,
                    time::UtcOffset offset);

}  // namespace regflow::runtime
