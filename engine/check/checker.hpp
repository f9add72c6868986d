// Checks the meaning of loaded definitions: references (steps, agencies, roles, variables),
// sign-off quorums, deadline anchors and bounds, reachability and dead ends. Pure: it reads the
// definitions and returns diagnostics, sorted by file and position.
#pragma once

#include <vector>

#include "engine/check/workflow_graph.hpp"
#include "engine/model/agency.hpp"
#include "engine/model/definition.hpp"
#include "engine/model/diagnostic.hpp"

namespace regflow::rules {
class RuleSet;
}

namespace regflow::check {

/// Checks one workflow against the agencies and the rules; appends diagnostics to `out`.
void check_workflow(const model::WorkflowDefinition& definition,
                    const model::AgencyDirectory& agencies, const rules::RuleSet& rules,
                    model::Diagnostics& out);

/// Checks that no two workflows share a name or an id prefix.
void check_workflow_set(const std::vector<model::WorkflowDefinition>& workflows,
                        model::Diagnostics& out);

/// The steps each routing table used by the workflow can name.
RouteTargets routes_of(const model::WorkflowDefinition& definition, const rules::RuleSet& rules);

/// Graph facts for `workflows` (shortest and longest paths), over every edge incl. routes.
GraphFacts workflow_facts(const model::WorkflowDefinition& definition, const rules::RuleSet& rules);

}  // namespace regflow::check
