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
  return ready;
}

}  // namespace regflow::runtime
