#include "cli/render/event_title.hpp"

#include "cli/render/dossier.hpp"
#include "cli/render/translate.hpp"

namespace regflow::cli::render {
namespace {

// A deadline by the name the procedure gives it: its title, else its step's, else its id.
std::string deadline_name(const model::WorkflowDefinition& definition, const std::string& id) {
  if (const auto* deadline = definition.find_deadline(id); deadline && !deadline->title.empty()) {
    return deadline->title;
  }
  const auto* step = definition.find_step(id);
  return step != nullptr && !step->title.empty() ? step->title : id;
}

std::string data_of(const runtime::Event& e, const char* key) {
  const auto it = e.data.find(key);
  return it == e.data.end() ? "" : it->second;
}

}  // namespace

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
    // The timers' and extensions' deadlines read by their titles, not their codes.
    case T::DeadlineExtended:
      return trf("deadline \"{}\" extended to {}",
                 deadline_name(definition, data_of(e, "deadline")), event_date_text(e, "to"));
    case T::ReminderSent:
      return trf("reminder: deadline \"{}\" is due {}", deadline_name(definition, e.action),
                 event_date_text(e, "due"));
    case T::Escalated:
      return trf("escalated to {}: deadline \"{}\" was due {}", data_of(e, "to_agency"),
                 deadline_name(definition, e.action), event_date_text(e, "due"));
    case T::AutoTransition:
      return trf("moved on automatically: deadline \"{}\" passed",
                 deadline_name(definition, e.action));
    case T::Imported:
    case T::Cancelled:
    case T::Kendala:
    case T::DocumentAttached:
      return "";
  }
  return "";
}

}  // namespace regflow::cli::render
