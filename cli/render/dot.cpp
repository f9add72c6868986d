#include "cli/render/dot.hpp"

#include <fmt/format.h>

#include "cli/render/translate.hpp"

namespace regflow::cli::render {
namespace {

// A DOT string: quotes and backslashes from the YAML are escaped, and a newline becomes DOT's
// own line break "\n" (a centred line in the node).
std::string quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string workflow_dot(const model::WorkflowDefinition& def, const check::RouteTargets& routes,
                         const std::string& current_step, const std::set<std::string>& reached,
                         bool current_late) {
  std::string out = fmt::format(
      "digraph {} {{\n  label={};\n  rankdir=TB;\n  node [shape=box, "
      "style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n",
      quote(def.name), quote(def.title + " (v" + std::to_string(def.version) + ")"));
  for (const auto& step : def.steps) {
    std::string label = step.title;
    if (step.kind == model::StepKind::SignOff)
      label += "\n" + trf("[paraf: {} signers]", step.signers.size());
    if (!step.owner.empty())
      label += "\n(" + step.owner + (step.with.empty() ? "" : " → " + step.with) + ")";
    if (step.limit && step.limit->within_table) {
      label += "\n≤ " + step.limit->within_table->table + "." + step.limit->within_table->output;
    } else if (step.limit) {
      label += "\n≤ " + std::to_string(step.limit->within.amount) + " " +
               time::unit_name(step.limit->within.unit);
    }
    std::string attributes = "label=" + quote(label);
    if (step.kind == model::StepKind::Final) attributes += ", shape=doubleoctagon";
    if (step.kind == model::StepKind::Waiting) attributes += ", style=\"rounded,dashed\"";
    if (step.id == current_step && current_late) {
      attributes += ", style=\"rounded,filled,bold\", fillcolor=\"#f4a3a3\", color=\"#b00020\"";
    } else if (step.id == current_step) {
      attributes += ", style=\"rounded,filled\", fillcolor=\"gold\"";
    } else if (reached.count(step.id) > 0) {
      attributes += ", style=\"rounded,filled\", fillcolor=\"lightgrey\"";
    }
    if (step.id == def.initial) attributes += ", penwidth=2";
    out += fmt::format("  {} [{}];\n", quote(step.id), attributes);
  }
  for (const auto& step : def.steps) {
    for (const auto& action : step.actions) {
      std::string label = action.name + (action.guard ? " [" + action.guard->text + "]" : "");
      const std::string style = action.is_return ? ", style=dashed" : "";
      if (!action.target.empty()) {
        out += fmt::format("  {} -> {} [label={}{}];\n", quote(step.id), quote(action.target),
                           quote(label), style);
      } else if (auto it = routes.find(action.route_table); it != routes.end()) {
        for (const auto& target : it->second) {
          out += fmt::format("  {} -> {} [label={}{}];\n", quote(step.id), quote(target),
                             quote(label + " (" + action.route_table + ")"), style);
        }
      }
    }
    if (step.kind == model::StepKind::SignOff && !step.next.empty()) {
      out += fmt::format("  {} -> {} [label={}];\n", quote(step.id), quote(step.next),
                         quote(tr("sign")));
    }
  }
  for (const auto* deadline : def.all_deadlines()) {
    for (const auto& timer : deadline->timers) {
      if (timer.kind != model::TimerKind::Transition) continue;
      const std::string from =
          deadline->kind == model::DeadlineKind::StepLimit ? deadline->id : deadline->from;
      out += fmt::format("  {} -> {} [label={}, style=dotted, color=red];\n", quote(from),
                         quote(timer.target), quote(trf("automatic: {}", deadline->id)));
    }
  }
  return out + "}\n";
}

}  // namespace regflow::cli::render
