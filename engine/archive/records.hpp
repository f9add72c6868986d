// Events and dossier states in and out of their archived form.
#pragma once

#include <optional>
#include <string>

#include "engine/archive/model.hpp"
#include "engine/model/message.hpp"
#include "engine/runtime/dossier_state.hpp"
#include "engine/runtime/event.hpp"

namespace regflow::archive {

ArchivedEvent to_archived(const runtime::Event& event);

/// The event of dossier `dossier_id`; nullopt when its type or time cannot be read, with
/// `problem` naming the field.
std::optional<runtime::Event> to_event(const ArchivedEvent& archived, const std::string& dossier_id,
                                       model::Message& problem);

/// The dossier's summary fields (id, workflow, definition, title, step, variables, bindings)
/// from its replayed state; events are not filled in.
ArchivedDossier summary_of(const runtime::DossierState& state);

}  // namespace regflow::archive
