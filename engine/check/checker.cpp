#include "engine/check/checker.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "engine/check/references.hpp"
#include "engine/check/table_periods.hpp"
#include "engine/check/workflow_graph.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::check {
namespace {

using model::Diagnostics;
using model::make_error;
using model::make_warning;

void check_reachability(const model::WorkflowDefinition& def, const std::vector<Edge>& edges,
                        Diagnostics& out) {
  const model::Step* initial = def.find_step(def.initial);
  if (initial == nullptr) return;  // reported by the reference check
  bool any_final = false;
  for (const auto& step : def.steps) any_final = any_final || step.kind == model::StepKind::Final;
  if (!any_final) {
    out.push_back(make_error("E-NO-FINAL-STEP", def.location,
                             model::say("workflow '{}' has no final step; add a step with "
                                        "'kind: final' where a dossier ends",
                                        def.name)));
    return;
  }
  const GraphFacts facts = analyse(def, edges);
  for (const auto& step : def.steps) {
    if (facts.reachable.count(step.id) == 0) {
      out.push_back(make_error(
          "E-UNREACHABLE-STEP", step.location,
          model::say("step '{}' cannot be reached from the initial step '{}'; no action, "
                     "sign-off or timer leads to it",
                     step.id, def.initial)));
    } else if (facts.can_finish.count(step.id) == 0) {
      out.push_back(make_error("E-DEAD-END", step.location,
                               model::say("no final step can be reached from step '{}'; a "
                                          "dossier there could never be closed",
                                          step.id)));
    }
  }
}

void check_deadline_paths(const model::WorkflowDefinition& def, const std::vector<Edge>& edges,
                          Diagnostics& out) {
  for (const auto& deadline : def.deadlines) {
    if (deadline.kind != model::DeadlineKind::Anchored) continue;
    if (def.find_step(deadline.from) == nullptr) continue;
    bool all_known = true;
    for (const auto& t : deadline.to) all_known = all_known && def.find_step(t) != nullptr;
    if (!all_known || deadline.to.empty()) continue;
    if (!path_exists(def, edges, deadline.from, deadline.to)) {
      out.push_back(make_error(
          "E-DEADLINE-NEVER-ENDS", deadline.location,
          model::say("deadline '{}' starts at '{}' but no path leads from there to {}; it could "
                     "never be met",
                     deadline.id, deadline.from, model::quoted_list(deadline.to))));
    }
  }
}

void check_bounds(const model::WorkflowDefinition& def, Diagnostics& out) {
  for (const auto* deadline : def.all_deadlines()) {
    if (deadline->kind == model::DeadlineKind::DateVariable) continue;
    // A table-driven period is bounded row by row (check_table_periods); `within` is only its
    // `otherwise` here.
    if (deadline->within_table && !deadline->within_table->otherwise) continue;
    if (deadline->within.amount <= 0) {
      out.push_back(make_error("E-DEADLINE-BOUNDS", deadline->location,
                               model::say("deadline '{}' must allow at least 1 day, found {}",
                                          deadline->id, deadline->within.amount)));
    } else if (deadline->within.amount > 3650) {
      out.push_back(make_warning("W-DEADLINE-LONG", deadline->location,
                                 model::say("deadline '{}' allows {} days (over ten years); is "
                                            "that intended?",
                                            deadline->id, deadline->within.amount)));
    }
    if (deadline->due_soon > deadline->within.amount && deadline->within.amount > 0) {
      out.push_back(make_warning(
          "W-DUE-SOON", deadline->location,
          model::say("deadline '{}' is 'due soon' from {} days left but only allows {}",
                     deadline->id, deadline->due_soon, deadline->within.amount)));
    }
  }
}

// Every deadline is shown with its legal basis on the board and in `show`; one without a basis
// (such as the short form `limit: "7 hari"`) leaves the governor's office guessing where it
// comes from. Practice limits say so ("batas praktik [I]").
void check_basis(const model::WorkflowDefinition& def, Diagnostics& out) {
  // Workflow deadlines must have a basis (the loader refuses them without); step limits may be
  // written in the short form, which has none.
  for (const auto& step : def.steps) {
    if (!step.limit) continue;
    const auto* deadline = &*step.limit;
    if (deadline->basis.find_first_not_of(" \t") != std::string::npos) continue;
    out.push_back(make_warning(
        "W-NO-BASIS", deadline->location,
        model::say("deadline '{}' gives no legal basis; write it as a map with 'basis' (for a "
                   "practice limit: \"batas praktik [I]\")",
                   deadline->id)));
  }
}

}  // namespace

RouteTargets routes_of(const model::WorkflowDefinition& def, const rules::RuleSet& rules) {
  RouteTargets routes;
  for (const auto& step : def.steps) {
    for (const auto& action : step.actions) {
      if (!action.route_table.empty() && routes.count(action.route_table) == 0) {
        routes.emplace(action.route_table, table_step_outputs(rules, action.route_table));
      }
    }
  }
  return routes;
}

GraphFacts workflow_facts(const model::WorkflowDefinition& def, const rules::RuleSet& rules) {
  const auto weighed = with_longest_periods(def, rules);
  return analyse(weighed, step_edges(weighed, routes_of(weighed, rules)));
}

void check_workflow(const model::WorkflowDefinition& def, const model::AgencyDirectory& agencies,
                    const rules::RuleSet& rules, Diagnostics& out) {
  check_references(def, agencies, rules, out);
  const auto edges = step_edges(def, routes_of(def, rules));
  check_reachability(def, edges, out);
  check_deadline_paths(def, edges, out);
  check_bounds(def, out);
  check_basis(def, out);
  check_table_periods(def, rules, out);
}

namespace {

// Several files of one workflow are its versions by effective date: each needs an 'effective'
// date and a 'version_basis', and their periods must follow each other without overlap or gap,
// so that exactly one version is in force on any day from the first 'effective' on.
void check_versions(std::vector<const model::WorkflowDefinition*> versions, Diagnostics& out) {
  const std::string& name = versions.front()->name;
  bool dated = true;
  std::map<int, const model::WorkflowDefinition*> numbers;
  for (const auto* w : versions) {
    if (auto [it, fresh] = numbers.emplace(w->version, w); !fresh) {
      auto d = make_error("E-DUPLICATE-WORKFLOW", w->location,
                          model::say("workflow '{}' version {} is defined twice; expected each "
                                     "version once, with its own 'version' number",
                                     name, w->version));
      d.notes.push_back(model::say("first defined in {}", it->second->source_path));
      out.push_back(std::move(d));
    }
    if (!w->effective) {
      dated = false;
      out.push_back(make_error(
          "E-VERSION-EFFECTIVE", w->location,
          model::say("workflow '{}' has several versions, and version {} has no 'effective' "
                     "date; expected 'effective: YYYY-MM-DD', the first day it is in force",
                     name, w->version)));
    }
    if (w->version_basis.empty()) {
      out.push_back(make_error(
          "E-VERSION-BASIS", w->location,
          model::say("workflow '{}' version {} has no 'version_basis'; expected the rule that "
                     "put this version in force, e.g. 'UU 13/2022 (16 Jun 2022)'",
                     name, w->version)));
    }
  }
  if (!dated) return;
  std::stable_sort(versions.begin(), versions.end(),
                   [](const auto* a, const auto* b) { return *a->effective < *b->effective; });
  for (std::size_t i = 1; i < versions.size(); ++i) {
    const auto& earlier = *versions[i - 1];
    const auto& later = *versions[i];
    const auto day_before = *later.effective - std::chrono::days{1};
    if (!earlier.until || *earlier.until >= *later.effective) {
      const std::string from = time::format_date(*later.effective);
      const std::string until = time::format_date(day_before);
      auto d = make_error(
          "E-VERSION-OVERLAP", later.location,
          earlier.until
              ? model::say("workflow '{}' version {} is in force from {}, while version {} is "
                           "still in force until {}; expected 'until: {}' in version {}",
                           name, later.version, from, earlier.version,
                           time::format_date(*earlier.until), until, earlier.version)
              : model::say("workflow '{}' version {} is in force from {}, while version {} is "
                           "still in force; expected 'until: {}' in version {}",
                           name, later.version, from, earlier.version, until, earlier.version));
      d.notes.push_back(
          model::say("version {} is defined in {}", earlier.version, earlier.source_path));
      out.push_back(std::move(d));
    } else if (*earlier.until < day_before) {
      auto d = make_error(
          "E-VERSION-GAP", later.location,
          model::say("workflow '{}' has no version in force from {} to {}: version {} ends on "
                     "{} and version {} starts on {}; expected version {} to end on {}",
                     name, time::format_date(*earlier.until + std::chrono::days{1}),
                     time::format_date(day_before), earlier.version,
                     time::format_date(*earlier.until), later.version,
                     time::format_date(*later.effective), earlier.version,
                     time::format_date(day_before)));
      d.notes.push_back(
          model::say("version {} is defined in {}", earlier.version, earlier.source_path));
      out.push_back(std::move(d));
    }
  }
}

}  // namespace

void check_workflow_set(const std::vector<model::WorkflowDefinition>& workflows, Diagnostics& out) {
  std::map<std::string, std::vector<const model::WorkflowDefinition*>> names;
  std::map<std::string, const model::WorkflowDefinition*> prefixes;
  for (const auto& w : workflows) {
    auto& versions = names[w.name];
    versions.push_back(&w);
    if (versions.size() > 1) {
      if (w.id_prefix != versions.front()->id_prefix) {
        out.push_back(make_error(
            "E-DUPLICATE-PREFIX", w.location,
            model::say("id_prefix '{}' of workflow '{}' version {} differs from '{}' of its "
                       "version {}; expected one id_prefix for every version",
                       w.id_prefix, w.name, w.version, versions.front()->id_prefix,
                       versions.front()->version)));
      }
    } else if (auto [pit, pfresh] = prefixes.emplace(w.id_prefix, &w); !pfresh) {
      out.push_back(make_error("E-DUPLICATE-PREFIX", w.location,
                               model::say("id_prefix '{}' of workflow '{}' is already used by '{}'",
                                          w.id_prefix, w.name, pit->second->name)));
    }
  }
  for (auto& [name, versions] : names) {
    if (versions.size() > 1) check_versions(versions, out);
  }
}

}  // namespace regflow::check
