// The words a web page shows for one event of a dossier's history, beside who and when: the
// title the workflow gives an action, the sign action by the name people use ("paraf"), and for
// a correction or a deadline moved by a decree the same sentence as `regflow history`, a
// reminder, escalation or extension with the deadline's title.
#pragma once

#include <string>

#include "engine/model/definition.hpp"
#include "engine/runtime/event.hpp"

namespace regflow::cli::render {

/// The event's words in the current language, a timer's or extension's deadline by its title;
/// empty for the events a page names by their type (imported, cancelled, kendala, attached).
std::string event_title(const runtime::Event& event, const model::WorkflowDefinition& definition);

}  // namespace regflow::cli::render
