#include "engine/runtime/start_variables.hpp"

#include "engine/rules/rule_set.hpp"

namespace regflow::runtime {
namespace {

// The variables the first step's decisions read: its guards, the rules they name (with the
// inputs those rules read through other rules), and the inputs of its routing tables.
std::set<std::string> read_at_first_step(const ExecutableWorkflow& workflow) {
  std::set<std::string> read;
  const auto& definition = *workflow.definition;
  const auto* first = definition.find_step(definition.initial);
  if (first == nullptr) return read;
  for (const auto& action : first->actions) {
    if (const auto* guard = workflow.guard(first->id, action.name)) {
      read.insert(guard->variables().begin(), guard->variables().end());
      for (const auto& name : guard->rules()) {
        const auto* rule = workflow.rules != nullptr ? workflow.rules->find_rule(name) : nullptr;
        if (rule != nullptr) read.insert(rule->inputs.begin(), rule->inputs.end());
      }
    }
    if (!action.route_table.empty() && workflow.rules != nullptr) {
      if (const auto* table = workflow.rules->find_table(action.route_table)) {
        for (const auto& input : table->inputs) read.insert(input.name);
      }
    }
  }
  return read;
}

}  // namespace

std::set<std::string> filled_later(const ExecutableWorkflow& workflow) {
  std::set<std::string> set_by_an_action;
  for (const auto& step : workflow.definition->steps) {
    for (const auto& action : step.actions) {
      set_by_an_action.insert(action.sets.begin(), action.sets.end());
    }
  }
  const auto read = read_at_first_step(workflow);
  std::set<std::string> later;
  for (const auto& variable : workflow.definition->variables) {
    if (!variable.required && set_by_an_action.contains(variable.name) &&
        !read.contains(variable.name)) {
      later.insert(variable.name);
    }
  }
  return later;
}

}  // namespace regflow::runtime
