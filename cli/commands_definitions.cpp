// check, workflows, graph: the definitions, for the analyst who edits them.
#include <cstdio>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/render/dot.hpp"
#include "cli/render/table.hpp"
#include "cli/render/workflows_json.hpp"
#include "engine/check/checker.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::cli {
namespace {

nlohmann::json diagnostic_json(const model::Diagnostic& d) {
  return {{"code", d.code},
          {"severity", d.severity == model::Severity::Error ? "error" : "warning"},
          {"file", d.location.file},
          {"line", d.location.line},
          {"column", d.location.column},
          {"message", d.message},
          {"notes", d.notes}};
}

void run_check(Context& ctx, const std::vector<std::string>& paths) {
  const auto& config = ctx.config_for_check(paths);
  if (ctx.options.json) {
    nlohmann::json out = {{"diagnostics", nlohmann::json::array()}, {"workflows", nlohmann::json::array()}};
    for (const auto& d : config.diagnostics) out["diagnostics"].push_back(diagnostic_json(d));
    for (const auto& w : config.workflows) {
      out["workflows"].push_back({{"name", w.name}, {"version", w.version}, {"hash", w.content_hash},
                                  {"steps", w.steps.size()}, {"file", w.source_path}});
    }
    print_json(out.dump(2));
  } else {
    for (const auto& d : config.diagnostics) std::cerr << model::format_diagnostic(d) << "\n";
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const auto& d : config.diagnostics) {
      (d.severity == model::Severity::Error ? errors : warnings) += 1;
    }
    if (errors == 0) {
      for (const auto& w : config.workflows) {
        std::cout << fmt::format("ok  {} v{}  {} steps  {}\n", w.name, w.version, w.steps.size(),
                                 w.source_path);
      }
    }
    if (errors + warnings > 0) {
      std::cerr << fmt::format("{} error(s), {} warning(s)\n", errors, warnings);
    }
  }
  if (model::has_errors(config.diagnostics)) ctx.exit_code = ExitCode::Refused;
}

void run_workflows(Context& ctx) {
  const auto& config = ctx.config();
  if (ctx.options.json) {
    print_json(render::workflows_json(config).dump(2));
    return;
  }
  render::Table table({"WORKFLOW", "VERSION", "HASH", "STEPS", "EARLIEST", "LONGEST PATH", "TITLE"});
  for (const auto& w : config.workflows) {
    const auto facts = check::workflow_facts(w, config.rules);
    const std::string earliest =
        facts.shortest_working_days ? std::to_string(*facts.shortest_working_days) + " hari kerja" : "-";
    table.add({w.name, std::to_string(w.version), w.content_hash.substr(0, 12),
               std::to_string(w.steps.size()), earliest,
               fmt::format("{} steps, {} hari kerja", facts.longest_path_steps,
                           facts.longest_path_working_days),
               w.title});
  }
  std::cout << table.str();
}

void run_graph(Context& ctx, const std::string& name, const std::string& dossier_id,
               const std::string& format) {
  const model::WorkflowDefinition* def = nullptr;
  std::string current;
  std::set<std::string> reached;
  if (!dossier_id.empty()) {
    auto dossier = ctx.installation().read(dossier_id);
    if (!dossier) throw InputError(fmt::format("no dossier '{}' in this database", dossier_id));
    def = dossier->definition;
    current = dossier->state.step;
    reached = dossier->state.reached;
  } else {
    const auto& config = ctx.config();
    def = config.find(name);
    if (def == nullptr) {
      throw InputError(fmt::format("unknown workflow '{}'{}; loaded workflows: {}", name,
                                   model::did_you_mean(name, config.workflow_names()),
                                   model::quoted_list(config.workflow_names())));
    }
  }
  const std::string dot =
      render::workflow_dot(*def, check::routes_of(*def, ctx.config().rules), current, reached);
  if (format == "dot") {
    std::cout << dot;
    return;
  }
  // SVG: Graphviz's `dot` does the layout; it is optional at run time.
  FILE* pipe = popen("dot -Tsvg 2>/dev/null", "w");
  if (pipe == nullptr) throw InputError("cannot run Graphviz 'dot'; install the 'graphviz' package or use --format dot");
  std::fwrite(dot.data(), 1, dot.size(), pipe);
  const int status = pclose(pipe);
  if (status != 0) {
    throw InputError("Graphviz 'dot' is not installed or failed; install the 'graphviz' package "
                     "(apt-get install graphviz) or use --format dot");
  }
}

}  // namespace

void add_definition_commands(CLI::App& app, Context& ctx) {
  auto* check = app.add_subcommand("check", "Load and validate workflow definitions; every problem as file:line:col")
                    ->group("Definitions");
  auto paths = std::make_shared<std::vector<std::string>>();
  check->add_option("paths", *paths, "Workflow files to check (default: all under --config)");
  check->footer("Example: regflow check workflows/pergub.yaml");
  check->callback([&ctx, paths] { run_check(ctx, *paths); });

  app.add_subcommand("workflows", "List the loaded workflow definitions")
      ->group("Definitions")
      ->callback([&ctx] { run_workflows(ctx); });

  auto* graph = app.add_subcommand("graph", "Print a workflow as a Graphviz graph")->group("Definitions");
  auto name = std::make_shared<std::string>();
  auto dossier = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("dot");
  graph->add_option("workflow", *name, "Workflow name (e.g. pergub)");
  graph->add_option("--dossier", *dossier, "Show where this dossier stands");
  graph->add_option("--format", *format, "dot or svg")->check(CLI::IsMember({"dot", "svg"}));
  graph->footer("Example: regflow graph pergub --format svg > pergub.svg");
  graph->callback([&ctx, name, dossier, format] {
    if (name->empty() && dossier->empty()) throw CLI::RequiredError("workflow (or --dossier)");
    run_graph(ctx, *name, *dossier, *format);
  });
}

void print_json(const std::string& dumped) { std::cout << dumped << "\n"; }

}  // namespace regflow::cli
