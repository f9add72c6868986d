// Where each named rule and decision table is used: in a workflow's guards, as a routing table,
// as the source of a deadline's period, or inside another rule. For `regflow rules`, so that the
// analyst who changes a rule sees what depends on it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/model/definition.hpp"
#include "engine/model/diagnostic.hpp"

namespace regflow::rules {
class RuleSet;
}

namespace regflow::check {

enum class UseKind {
  Guard,   ///< named in the guard of `step`/`action` of `workflow`
  Route,   ///< chooses the next step of `step`/`action` of `workflow`
  Period,  ///< gives output `output` as the period of deadline `deadline` of `workflow`
  Rule     ///< named in the expression of rule `rule`
};

struct RuleUse {
  UseKind kind = UseKind::Guard;
  std::string workflow;
  std::string step;
  std::string action;
  std::string deadline;
  std::string output;
  std::string rule;
  model::SourceLocation location;
};

/// "guard", "route", "deadline period", "rule".
std::string use_kind_name(UseKind kind);

/// Uses of every rule and table, by name, each list in workflow and file order; names that are
/// not used are absent. Guards that do not compile are skipped (`check` reports them).
std::map<std::string, std::vector<RuleUse>> rule_uses(
    const std::vector<model::WorkflowDefinition>& workflows, const rules::RuleSet& rules);

}  // namespace regflow::check
