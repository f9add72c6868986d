// Graph facts about a workflow's steps, computed with Boost.Graph (kept inside the .cpp so no
// engine header carries Boost). Steps are vertices; an edge goes from a step to every step an
// action, a sign-off's `next` or an automatic transition can move the dossier to.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/model/definition.hpp"

namespace regflow::check {

struct Edge {
  std::string from;
  std::string to;
};

struct GraphFacts {
  std::set<std::string> reachable;    ///< from the initial step (breadth-first search)
  std::set<std::string> can_finish;   ///< steps from which some final step is reachable
  /// Earliest completion: the shortest path (Dijkstra) from the initial step to a final step that
  /// completes the procedure (not one that stops it), weighting each step by its own time limit
  /// in working days (hari converted at 5 working days per 7); nullopt when none is reachable.
  std::optional<int> shortest_working_days;
  /// The longest loop-free path from the initial step, in steps and in working days of limits,
  /// computed over the graph without its back edges (returns for revision) in topological order.
  int longest_path_steps = 0;
  int longest_path_working_days = 0;
};

/// The steps each decision table used for routing can name, by table name.
using RouteTargets = std::map<std::string, std::vector<std::string>>;

/// Every edge of the step graph; a routed action has an edge to each step its table can name.
/// Edges to unknown steps are kept here and ignored by the analyses (the reference check
/// reports them).
std::vector<Edge> step_edges(const model::WorkflowDefinition& definition,
                             const RouteTargets& routes = {});

/// Computes the facts over the given edges.
GraphFacts analyse(const model::WorkflowDefinition& definition, const std::vector<Edge>& edges);

/// True when some path leads from `from` to any of `to` (used for anchored deadlines).
bool path_exists(const model::WorkflowDefinition& definition, const std::vector<Edge>& edges,
                 const std::string& from, const std::vector<std::string>& to);

/// A step's time limit in working days (0 when it has none).
int limit_in_working_days(const model::Step& step);

}  // namespace regflow::check
