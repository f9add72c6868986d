// A definition made ready to run: its guards compiled against its variables and the rule set.
// Built once per loaded definition version, then shared by every decision on its dossiers.
#pragma once

#include <map>
#include <string>

#include "engine/model/definition.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/rules/compiled_expression.hpp"
#include "engine/rules/scope.hpp"

namespace regflow::rules {
class RuleSet;
}

namespace regflow::runtime {

struct ExecutableWorkflow {
  const model::WorkflowDefinition* definition = nullptr;
  const rules::RuleSet* rules = nullptr;
  std::map<std::string, rules::CompiledExpression> guards;  ///< by "step/action"

  const rules::CompiledExpression* guard(const std::string& step, const std::string& action) const;
  /// The compiled guard of timer `index` of `deadline`; nullptr when it has none.
  const rules::CompiledExpression* timer_guard(const std::string& deadline,
                                               std::size_t index) const;
};

/// The names a workflow's expressions may use.
rules::Scope scope_of(const model::WorkflowDefinition& definition);

/// The key of a timer's guard in ExecutableWorkflow::guards.
std::string timer_guard_key(const std::string& deadline, std::size_t index);

/// Compiles every guard; problems go to `out` (the checker reports the same ones at load time).
ExecutableWorkflow prepare(const model::WorkflowDefinition& definition, const rules::RuleSet& rules,
                           model::Diagnostics& out);

}  // namespace regflow::runtime
