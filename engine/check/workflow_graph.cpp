#include "engine/check/workflow_graph.hpp"

#include <algorithm>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/topological_sort.hpp>

namespace regflow::check {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                    boost::no_property, boost::property<boost::edge_weight_t, int>>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using GraphEdge = boost::graph_traits<Graph>::edge_descriptor;

struct IndexedGraph {
  Graph graph;
  std::unordered_map<std::string, Vertex> index;  // looked up once per edge: no ordering needed
  std::vector<std::string> names;
};

IndexedGraph build(const model::WorkflowDefinition& def, const std::vector<Edge>& edges) {
  IndexedGraph g;
  g.graph = Graph(def.steps.size());
  g.index.reserve(def.steps.size());
  for (std::size_t i = 0; i < def.steps.size(); ++i) {
    g.index.emplace(def.steps[i].id, i);
    g.names.push_back(def.steps[i].id);
  }
  for (const auto& e : edges) {
    auto from = g.index.find(e.from);
    auto to = g.index.find(e.to);
    if (from == g.index.end() || to == g.index.end()) continue;
    // The weight of leaving a step is the time that step may take.
    const int weight = limit_in_working_days(def.steps[from->second]);
    boost::add_edge(from->second, to->second, weight, g.graph);
  }
  return g;
}

template <typename G>
std::set<std::size_t> reach(const G& graph, std::vector<std::size_t> sources) {
  std::set<std::size_t> seen;
  if (sources.empty()) return seen;
  std::vector<boost::default_color_type> colors(boost::num_vertices(graph), boost::white_color);
  auto color_map = boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph));
  boost::queue<std::size_t> queue;
  for (auto s : sources) {
    if (colors[s] == boost::white_color) {
      boost::breadth_first_visit(graph, s, queue, boost::default_bfs_visitor(), color_map);
    }
  }
  for (std::size_t v = 0; v < colors.size(); ++v) {
    if (colors[v] != boost::white_color) seen.insert(v);
  }
  return seen;
}

struct BackEdgeRecorder : boost::default_dfs_visitor {
  std::set<GraphEdge>* back_edges;
  explicit BackEdgeRecorder(std::set<GraphEdge>* out) : back_edges(out) {}
  void back_edge(GraphEdge e, const Graph&) const { back_edges->insert(e); }
};

struct NotBackEdge {
  const std::set<GraphEdge>* back_edges = nullptr;
  bool operator()(GraphEdge e) const { return back_edges->count(e) == 0; }
};

}  // namespace

int limit_in_working_days(const model::Step& step) {
  if (!step.limit) return 0;
  const auto& within = step.limit->within;
  if (within.unit == time::DayUnit::Working) return within.amount;
  return (within.amount * 5 + 6) / 7;
}

std::vector<Edge> step_edges(const model::WorkflowDefinition& def, const RouteTargets& routes) {
  std::vector<Edge> edges;
  for (const auto& step : def.steps) {
    for (const auto& action : step.actions) {
      if (!action.target.empty()) {
        edges.push_back({step.id, action.target});
      } else if (auto it = routes.find(action.route_table); it != routes.end()) {
        for (const auto& target : it->second) edges.push_back({step.id, target});
      }
    }
    if (step.kind == model::StepKind::SignOff && !step.next.empty()) {
      edges.push_back({step.id, step.next});
    }
    if (step.limit) {
      for (const auto& timer : step.limit->timers) {
        if (timer.kind == model::TimerKind::Transition) edges.push_back({step.id, timer.target});
      }
    }
  }
  // An anchored deadline's automatic transition can fire from any step between its anchors;
  // we model it from every step, which is what reachability needs.
  for (const auto& deadline : def.deadlines) {
    for (const auto& timer : deadline.timers) {
      if (timer.kind != model::TimerKind::Transition) continue;
      for (const auto& step : def.steps) {
        if (step.kind != model::StepKind::Final && step.id != timer.target) {
          edges.push_back({step.id, timer.target});
        }
      }
    }
  }
  return edges;
}

GraphFacts analyse(const model::WorkflowDefinition& def, const std::vector<Edge>& edges) {
  GraphFacts facts;
  IndexedGraph g = build(def, edges);
  auto initial = g.index.find(def.initial);
  if (initial == g.index.end()) return facts;

  for (auto v : reach(g.graph, {initial->second})) facts.reachable.insert(g.names[v]);

  std::vector<std::size_t> finals;
  for (std::size_t i = 0; i < def.steps.size(); ++i) {
    if (def.steps[i].kind == model::StepKind::Final) finals.push_back(i);
  }
  for (auto v : reach(boost::make_reverse_graph(g.graph), finals)) {
    facts.can_finish.insert(g.names[v]);
  }

  const std::size_t n = boost::num_vertices(g.graph);
  std::vector<int> distance(n, std::numeric_limits<int>::max());
  boost::dijkstra_shortest_paths(g.graph, initial->second,
                                 boost::distance_map(boost::make_iterator_property_map(
                                     distance.begin(), boost::get(boost::vertex_index, g.graph))));
  for (auto f : finals) {
    if (!def.steps[f].completes || distance[f] == std::numeric_limits<int>::max()) continue;
    if (!facts.shortest_working_days || distance[f] < *facts.shortest_working_days) {
      facts.shortest_working_days = distance[f];
    }
  }

  // Returns for revision make cycles; without the back edges of a depth-first search from the
  // initial step the graph is acyclic and a longest path is well defined.
  std::set<GraphEdge> back_edges;
  // Search from every step, not only the initial one: a loop among unreachable steps would
  // otherwise survive and make the topological sort fail.
  std::vector<boost::default_color_type> colors(n, boost::white_color);
  auto color_map =
      boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g.graph));
  boost::depth_first_visit(g.graph, initial->second, BackEdgeRecorder(&back_edges), color_map);
  for (std::size_t v = 0; v < n; ++v) {
    if (colors[v] == boost::white_color) {
      boost::depth_first_visit(g.graph, v, BackEdgeRecorder(&back_edges), color_map);
    }
  }
  boost::filtered_graph<Graph, NotBackEdge> acyclic(g.graph, NotBackEdge{&back_edges});
  std::vector<std::size_t> order;
  boost::topological_sort(acyclic, std::back_inserter(order));
  std::reverse(order.begin(), order.end());
  std::vector<int> steps_to(n, -1);
  std::vector<int> days_to(n, 0);
  steps_to[initial->second] = 1;
  for (auto v : order) {
    if (steps_to[v] < 0) continue;
    facts.longest_path_steps = std::max(facts.longest_path_steps, steps_to[v]);
    facts.longest_path_working_days = std::max(facts.longest_path_working_days, days_to[v]);
    for (auto [it, end] = boost::out_edges(v, acyclic); it != end; ++it) {
      const auto w = boost::target(*it, acyclic);
      const int days = days_to[v] + boost::get(boost::edge_weight, g.graph, *it);
      if (steps_to[v] + 1 > steps_to[w]) steps_to[w] = steps_to[v] + 1;
      if (days > days_to[w]) days_to[w] = days;
    }
  }
  return facts;
}

bool path_exists(const model::WorkflowDefinition& def, const std::vector<Edge>& edges,
                 const std::string& from, const std::vector<std::string>& to) {
  IndexedGraph g = build(def, edges);
  auto start = g.index.find(from);
  if (start == g.index.end()) return false;
  const auto seen = reach(g.graph, {start->second});
  return std::any_of(to.begin(), to.end(), [&](const std::string& t) {
    auto it = g.index.find(t);
    return it != g.index.end() && it->second != start->second && seen.count(it->second) > 0;
  });
}

}  // namespace regflow::check
