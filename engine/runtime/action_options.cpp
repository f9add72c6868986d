#include "engine/runtime/action_options.hpp"

#include <deque>
#include <set>

namespace regflow::runtime {
namespace {

// A probe's note: the note a form will ask for, so that "note required" is not the refusal
// shown beside an action the person may well take.
constexpr const char* kProbeNote = "(probe)";

std::optional<Refusal> refusal_of(const Decision& decision) {
  if (const auto* refusal = std::get_if<Refusal>(&decision)) return *refusal;
  return std::nullopt;
}

}  // namespace

bool no_way_back(const model::WorkflowDefinition& definition, const std::string& from,
                 const std::string& to) {
  std::set<std::string> seen{from};
  std::deque<std::string> queue{from};
  while (!queue.empty()) {
    const std::string id = queue.front();
    queue.pop_front();
    if (id == to) return false;
    const model::Step* step = definition.find_step(id);
    if (step == nullptr) continue;
    std::vector<std::string> next;
    if (!step->next.empty()) next.push_back(step->next);
    for (const auto& a : step->actions) {
      // A routed action may lead anywhere: count it as a way back rather than claim there is none.
      if (a.target.empty()) return false;
      next.push_back(a.target);
    }
    for (const auto& n : next) {
      if (seen.insert(n).second) queue.push_back(n);
    }
  }
  return true;
}

std::vector<ActionOption> action_options(const DecideContext& context, const DossierState& state,
                                         const Actor& actor) {
  std::vector<ActionOption> out;
  if (state.closed) return out;
  const auto& definition = *context.workflow.definition;
  const model::Step* step = definition.find_step(state.step);
  if (step == nullptr) return out;
  auto probe = [&](const std::string& name) {
    AdvanceCommand command;
    command.action = name;
    command.note = kProbeNote;
    return refusal_of(decide_advance(context, state, command, actor));
  };
  if (step->kind == model::StepKind::SignOff) {
    out.push_back({"sign", nullptr, step->next, true, probe("sign")});
  }
  for (const auto& action : step->actions) {
    const bool irreversible =
        !action.target.empty() && no_way_back(definition, action.target, step->id);
    out.push_back({action.name, &action, action.target, irreversible, probe(action.name)});
  }
  return out;
}

std::vector<ExtendOption> extend_options(const DecideContext& context, const DossierState& state,
                                         const Actor& actor) {
  std::vector<ExtendOption> out;
  if (state.closed) return out;
  for (const auto& clock : state.clocks) {
    if (!clock.running()) continue;
    ExtendCommand command;
    command.deadline = clock.id;
    command.to = time::local_date(context.now, context.offset);
    command.reason = kProbeNote;
    out.push_back({clock.id, refusal_of(decide_extend(context, state, command, actor))});
  }
  return out;
}

}  // namespace regflow::runtime
