// A workflow as Graphviz DOT: steps labelled with title and owner, actions on the edges, final
// steps double-circled; with a dossier, its current step is filled (red when a deadline of it is
// overdue) and the steps it reached are shaded.
#pragma once

#include <set>
#include <string>

#include "engine/check/workflow_graph.hpp"
#include "engine/model/definition.hpp"

namespace regflow::cli::render {

std::string workflow_dot(const model::WorkflowDefinition& definition,
                         const check::RouteTargets& routes, const std::string& current_step = {},
                         const std::set<std::string>& reached = {}, bool current_late = false);

}  // namespace regflow::cli::render
