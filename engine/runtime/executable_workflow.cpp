#include "engine/runtime/executable_workflow.hpp"

#include "engine/rules/expression.hpp"

namespace regflow::runtime {

const rules::CompiledExpression* ExecutableWorkflow::guard(const std::string& step,
                                                           const std::string& action) const {
  auto it = guards.find(step + "/" + action);
  return it == guards.end() ? nullptr : &it->second;
}

rules::Scope scope_of(const model::WorkflowDefinition& def) {
  rules::Scope scope;
  for (const auto& variable : def.variables) {
    scope.variables.emplace(variable.name, rules::VariableInfo{variable.type, variable.values});
  }
  for (const auto& role : def.roles) scope.roles.push_back(role.name);
  scope.steps = def.step_ids();
  return scope;
}

ExecutableWorkflow prepare(const model::WorkflowDefinition& def, const rules::RuleSet& rules,
                           model::Diagnostics& out) {
  ExecutableWorkflow ready;
  ready.definition = &def;
  ready.rules = &rules;
  const rules::Scope scope = scope_of(def);
  for (const auto& step : def.steps) {
    for (const auto& action : step.actions) {
      if (!action.guard) continue;
      auto compiled = rules::compile_condition(action.guard->text, action.guard->location, scope, rules, out);
      if (compiled) ready.guards.emplace(step.id + "/" + action.name, std::move(*compiled));
    }
  }
  for (const auto* deadline : def.all_deadlines()) {
    for (std::size_t i = 0; i < deadline->timers.size(); ++i) {
      const auto& guard = deadline->timers[i].guard;
      if (!guard) continue;
      auto compiled = rules::compile_condition(guard->text, guard->location, scope, rules, out);
      if (compiled) ready.guards.emplace(timer_guard_key(deadline->id, i), std::move(*compiled));
    }
  }
  return ready;
}

std::string timer_guard_key(const std::string& deadline, std::size_t index) {
  return "timer:" + deadline + "/" + std::to_string(index);
}

const rules::CompiledExpression* ExecutableWorkflow::timer_guard(const std::string& deadline,
                                                                 std::size_t index) const {
  auto it = guards.find(timer_guard_key(deadline, index));
  return it == guards.end() ? nullptr : &it->second;
}

}  // namespace regflow::runtime
