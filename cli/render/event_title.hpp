// The words a web page shows for one event of a dossier's history, beside who and when: the
// title the workflow gives an action, the sign action by the name people use ("paraf"), and for
// a correction or a deadline moved by a decree the same sentence as `regflow history`.
#pragma once

#include <string>

#include "engine/model/definition.hpp"
#include "engine/runtime/event.hpp"

namespace regflow::cli::render {

/// The event's words in the current language; empty for the events a page names by their type
/// and its deadline or action (reminder, escalated, …).
std::string event_title(const runtime::Event& event, const model::WorkflowDefinition& definition);

}  // namespace regflow::cli::render
