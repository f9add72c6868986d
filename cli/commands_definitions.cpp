// check, workflows, graph: the definitions, for the analyst who edits them.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/render/dates.hpp"
#include "cli/render/diagnostic.hpp"
#include "cli/render/dot.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/suggestion.hpp"
#include "cli/render/table.hpp"
#include "cli/render/translate.hpp"
#include "cli/render/workflows_json.hpp"
#include "cli/terminal_guard.hpp"
#include "engine/app/definition_acceptance.hpp"
#include "engine/check/checker.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::cli {
namespace {

nlohmann::json diagnostic_json(const model::Diagnostic& d) {
  nlohmann::json notes = nlohmann::json::array();
  for (const auto& note : d.notes) notes.push_back(model::english(note));
  return {{"code", d.code},
          {"severity", d.severity == model::Severity::Error ? "error" : "warning"},
          {"file", d.location.file},
          {"line", d.location.line},
          {"column", d.location.column},
          {"message", d.message},
          {"notes", notes}};
}

void run_check(Context& ctx, const std::vector<std::string>& paths) {
  const auto& config = ctx.config_for_check(paths);
  if (ctx.options.json) {
    nlohmann::json out = {{"diagnostics", nlohmann::json::array()},
                          {"workflows", nlohmann::json::array()}};
    for (const auto& d : config.diagnostics) out["diagnostics"].push_back(diagnostic_json(d));
    for (const auto& w : config.workflows) {
      out["workflows"].push_back({{"name", w.name},
                                  {"version", w.version},
                                  {"hash", w.content_hash},
                                  {"steps", w.steps.size()},
                                  {"file", w.source_path}});
    }
    print_json(out);
  } else {
    for (const auto& d : config.diagnostics) std::cerr << render::diagnostic_text(d) << "\n";
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const auto& d : config.diagnostics) {
      (d.severity == model::Severity::Error ? errors : warnings) += 1;
    }
    if (errors == 0) {
      for (const auto& w : config.workflows) {
        std::cout << render::trf("ok  {} v{}  {} steps  {}\n", w.name, w.version, w.steps.size(),
                                 w.source_path);
      }
    }
    if (errors + warnings > 0) {
      std::cerr << render::trf("{} error(s), {} warning(s)\n", errors, warnings);
    }
  }
  if (model::has_errors(config.diagnostics)) ctx.exit_code = ExitCode::Refused;
}

void run_workflows(Context& ctx) {
  const auto& config = ctx.config();
  render::Table table({render::tr("WORKFLOW"), render::tr("VERSION"), render::tr("IN FORCE"),
                       render::tr("HASH"), render::tr("STEPS"), render::tr("EARLIEST"),
                       render::tr("LONGEST PATH"), render::tr("TITLE")});
  for (const auto& w : config.workflows) {
    const auto facts = check::workflow_facts(w, config.rules);
    const std::string earliest = facts.shortest_working_days
                                     ? render::trf("{} hari kerja", *facts.shortest_working_days)
                                     : std::string("-");
    std::string period = "-";
    if (w.effective && w.until) {
      period =
          render::trf("{} to {}", render::date_text(*w.effective), render::date_text(*w.until));
    } else if (w.effective) {
      period = render::trf("from {}", render::date_text(*w.effective));
    } else if (w.until) {
      period = render::trf("until {}", render::date_text(*w.until));
    }

    table.add({w.name, std::to_string(w.version), period, w.content_hash.substr(0, 12),
               std::to_string(w.steps.size()), earliest,
               render::trf("{} steps, {} hari kerja", facts.longest_path_steps,
                           facts.longest_path_working_days),
               w.title});
  }
  // One builder for `--json workflows` and /api/workflows, so the two shapes cannot drift.
  if (ctx.options.json) {
    print_json(render::workflows_json(config));
  } else {
    std::cout << table.str();
  }
}

void run_graph(Context& ctx, const std::string& name, const std::string& dossier_id,
               const std::string& format) {
  const model::WorkflowDefinition* def = nullptr;
  std::string current;
  std::set<std::string> reached;
  if (!dossier_id.empty()) {
    auto dossier = ctx.installation().read(dossier_id);
    if (!dossier) throw InputError(render::trf("no dossier '{}' in this database", dossier_id));
    def = dossier->definition;
    current = dossier->state.step;
    reached = dossier->state.reached;
  } else {
    const auto& config = ctx.config();
    def = config.find(name);
    if (def == nullptr) {
      throw InputError(render::unknown_workflow_text(name, config.workflow_names()));
    }
  }
  const std::string dot =
      render::workflow_dot(*def, check::routes_of(*def, ctx.config().rules), current, reached);
  if (format == "dot") {
    ctx.terminal->raw_stdout();
    std::cout << dot;
    return;
  }
  // SVG: Graphviz's `dot` does the layout; it is optional at run time.
  FILE* pipe = popen("dot -Tsvg 2>/dev/null", "w");
  if (pipe == nullptr)
    throw InputError(render::tr(
        "cannot run Graphviz 'dot'; install the 'graphviz' package or use --format dot"));
  std::fwrite(dot.data(), 1, dot.size(), pipe);
  const int status = pclose(pipe);
  if (status != 0) {
    throw InputError(
        render::tr("Graphviz 'dot' is not installed or failed; install the 'graphviz' package "
                   "(apt-get install graphviz) or use --format dot"));
  }
}

}  // namespace

void add_definition_commands(CLI::App& app, Context& ctx) {
  auto* check =
      app.add_subcommand(
             "check",
             render::tr("Load and validate workflow definitions; every problem as file:line:col"))
          ->group(render::tr("Definitions"));
  auto paths = std::make_shared<std::vector<std::string>>();
  check->add_option("paths", *paths,
                    render::tr("Workflow files to check (default: all under --config)"));
  check->footer(render::tr("Example: regflow check workflows/pergub.yaml"));
  check->callback([&ctx, paths] { run_check(ctx, *paths); });

  app.add_subcommand("workflows", render::tr("List the loaded workflow definitions"))
      ->group(render::tr("Definitions"))
      ->callback([&ctx] { run_workflows(ctx); });

  auto* definitions =
      app.add_subcommand("definitions",
                         render::tr("Decide which workflow definitions govern new dossiers"))
          ->group(render::tr("Definitions"))
          ->require_subcommand(1);
  auto accepted = std::make_shared<std::vector<std::string>>();
  auto* accept = definitions->add_subcommand(
      "accept",
      render::tr("Let the loaded text of workflows govern new dossiers (an administrator's act)"));
  accept->add_option("workflows", *accepted,
                     render::tr("Workflow names (default: every loaded one)"));
  auto accepted_version = std::make_shared<int>(0);
  auto* version_option = accept->add_option(
      "--version", *accepted_version,
      render::tr("Accept this loaded version of the one workflow named (default: the version "
                 "in force today), e.g. an older one for a back-dated start"));
  accept->footer(
      render::tr("Example: regflow definitions accept perda\n"
                 "         regflow definitions accept pergub --version 1"));
  accept->callback([&ctx, accepted, accepted_version, version_option] {
    const auto& config = ctx.config();
    const bool designated = ctx.administrators_designated();
    const auto by = designated ? ctx.actor_if_given() : std::nullopt;
    const auto done = app::accept_definitions(
        config, ctx.store(), *accepted, by, designated,
        version_option->count() > 0 ? std::optional<int>(*accepted_version) : std::nullopt);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : done) {
      out.push_back({{"workflow", a.workflow},
                     {"version", a.version},
                     {"hash", a.hash},
                     {"already", a.already}});
      if (!ctx.options.json) {
        std::cout << (a.already ? render::trf("already governs: {} v{} ({})", a.workflow, a.version,
                                              a.hash.substr(0, 12))
                                : render::trf("accepted: {} v{} ({})", a.workflow, a.version,
                                              a.hash.substr(0, 12)))
                  << "\n";
      }
    }
    if (ctx.options.json) print_json(out);
  });

  auto* graph = app.add_subcommand("graph", render::tr("Print a workflow as a Graphviz graph"))
                    ->group(render::tr("Definitions"));
  auto name = std::make_shared<std::string>();
  auto dossier = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("dot");
  graph->add_option("workflow", *name, render::tr("Workflow name (e.g. pergub)"));
  graph->add_option("--dossier", *dossier, render::tr("Show where this dossier stands"));
  graph->add_option("--format", *format, render::tr("dot or svg"))
      ->check(CLI::IsMember({"dot", "svg"}));
  graph->footer(render::tr("Example: regflow graph pergub --format svg > pergub.svg"));
  graph->callback([&ctx, name, dossier, format] {
    if (name->empty() && dossier->empty())
      throw CLI::RequiredError(render::tr("workflow (or --dossier)"));
    run_graph(ctx, *name, *dossier, *format);
  });
}

void print_json(const nlohmann::json& document) {
  std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace regflow::cli
