#include "cli/render/event_title.hpp"

#include "cli/render/dossier.hpp"
#include "cli/render/translate.hpp"

namespace regflow::cli::render {

std::string event_title(const runtime::Event& e, const model::WorkflowDefinition& definition) {
  using T = runtime::EventType;
  switch (e.type) {
    case T::ActionTaken: {
      const auto* step = definition.find_step(e.from_step);
      const auto* action = step != nullptr ? step->find_action(e.action) : nullptr;
      return action != nullptr ? action->title : "";
    }
    case T::Signed:
      return tr("sign");
    case T::Corrected:
    case T::DeadlineRecomputed:
      return describe_event(e);
    case T::Started:
      return tr("started");  // not "started: start"
    case T::DeadlineExtended:
    case T::ReminderSent:
    case T::Escalated:
    case T::AutoTransition:
    case T::Imported:
    case T::Cancelled:
    case T::Kendala:
    case T::DocumentAttached:
      return "";
  }
  return "";
}

}  // namespace regflow::cli::render
