// Reference checks: every name a workflow uses (steps, agencies, roles, variables, rules and
// tables) must exist, with a "did you mean" suggestion when it is a likely typo.
#pragma once

#include <string>
#include <vector>

#include "engine/model/agency.hpp"
#include "engine/model/definition.hpp"
#include "engine/model/diagnostic.hpp"

namespace regflow::rules {
class RuleSet;
}

namespace regflow::check {

void check_references(const model::WorkflowDefinition& definition,
                      const model::AgencyDirectory& agencies, const rules::RuleSet& rules,
                      model::Diagnostics& out);

/// Guards compile and type-check against the workflow's variables; routing tables exist and
/// name steps of the workflow.
void check_rule_uses(const model::WorkflowDefinition& definition, const rules::RuleSet& rules,
                     model::Diagnostics& out);

/// The values of a decision table's `step` output (empty for an unknown table).
std::vector<std::string> table_step_outputs(const rules::RuleSet& rules, const std::string& table);

}  // namespace regflow::check
