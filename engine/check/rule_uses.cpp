#include "engine/check/rule_uses.hpp"

#include "engine/rules/rule_set.hpp"
#include "engine/runtime/executable_workflow.hpp"

namespace regflow::check {

std::string use_kind_name(UseKind kind) {
  switch (kind) {
    case UseKind::Guard:
      return "guard";
    case UseKind::Route:
      return "route";
    case UseKind::Period:
      return "deadline period";
    case UseKind::Rule:
      return "rule";
  }
  return "?";
}

std::map<std::string, std::vector<RuleUse>> rule_uses(
    const std::vector<model::WorkflowDefinition>& workflows, const rules::RuleSet& rules) {
  std::map<std::string, std::vector<RuleUse>> uses;
  for (const auto& def : workflows) {
    model::Diagnostics ignored;
    const auto ready = runtime::prepare(def, rules, ignored);
    for (const auto& step : def.steps) {
      for (const auto& action : step.actions) {
        if (const auto* guard = ready.guard(step.id, action.name)) {
          for (const auto& name : guard->rules()) {
            uses[name].push_back(
                {UseKind::Guard, def.name, step.id, action.name, {}, {}, {}, guard->location()});
          }
        }
        if (!action.route_table.empty()) {
          uses[action.route_table].push_back(
              {UseKind::Route, def.name, step.id, action.name, {}, "step", {}, action.location});
        }
      }
    }
    for (const auto* spec : def.all_deadlines()) {
      if (!spec->within_table) continue;
      const auto& period = *spec->within_table;
      uses[period.table].push_back({UseKind::Period,
                                    def.name,
                                    spec->kind == model::DeadlineKind::StepLimit ? spec->from : "",
                                    {},
                                    spec->id,
                                    period.output,
                                    {},
                                    period.location});
    }
  }
  for (const auto& name : rules.rule_names()) {
    const auto* rule = rules.find_rule(name);
    if (rule == nullptr || !rule->expression) continue;
    for (const auto& used : rule->expression->rules()) {
      uses[used].push_back({UseKind::Rule, {}, {}, {}, {}, {}, name, rule->location});
    }
  }
  return uses;
}

}  // namespace regflow::check
