// start, advance, show, history, list, extend: the legal bureau's daily work on dossiers.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/output_format.hpp"
#include "cli/render/dossier.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/table.hpp"
#include "cli/render/translate.hpp"
#include "engine/model/error.hpp"
#include "engine/time/day_unit.hpp"

namespace regflow::cli {
namespace {

std::map<std::string, std::string> pairs(const std::vector<std::string>& items,
                                         const char* option) {
  std::map<std::string, std::string> out;
  for (const auto& item : items) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw InputError(render::trf("{} '{}' must look like name=value", option, item));
    }
    out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

struct StartArgs {
  std::string workflow, title, target, within;
  std::vector<std::string> sets, binds;
};

void run_start(Context& ctx, const StartArgs& a) {
  runtime::StartCommand command;
  command.title = a.title;
  command.sets = pairs(a.sets, "--set");
  command.bindings = pairs(a.binds, "--bind");
  if (!a.target.empty()) {
    command.target = accepted_option_date(a.target, "--target");
  }
  if (!a.within.empty()) {
    command.within = time::parse_duration(a.within);
    if (!command.within) {
      throw InputError(render::trf(
          "--within '{}' is not a duration; expected e.g. 14d, 10wd, 2w or '10 hari kerja'",
          a.within));
    }
  }
  auto actor = ctx.actor();
  auto outcome = ctx.installation().start(a.workflow, command, actor, ctx.now());
  if (auto* r = std::get_if<runtime::Refusal>(&outcome)) {
    ctx.refuse(*r);
    return;
  }
  const auto& id = std::get<std::string>(outcome);
  if (ctx.options.json) {
    print_json(nlohmann::json{{"id", id}});
  } else {
    std::cout << id << "\n";
  }
}

struct AdvanceArgs {
  std::string id, action, note;
  std::vector<std::string> sets;
  std::int64_t expect_version = -1;
};

void run_advance(Context& ctx, const AdvanceArgs& a) {
  runtime::AdvanceCommand command;
  command.action = a.action;
  command.note = a.note;
  command.sets = pairs(a.sets, "--set");
  if (a.expect_version >= 0) command.expect_version = a.expect_version;
  auto& installation = ctx.installation_for(a.id);
  auto actor = ctx.actor();
  auto outcome = installation.advance(a.id, command, actor, ctx.now());
  if (auto* r = std::get_if<runtime::Refusal>(&outcome)) {
    ctx.refuse(*r);
    return;
  }
  const auto& events = std::get<std::vector<runtime::Event>>(outcome);
  auto dossier = installation.read(a.id);
  if (ctx.options.json) {
    print_json(render::dossier_json(*dossier, installation.config(), ctx.today(), actor));
    return;
  }
  for (const auto& e : events) std::cout << render::event_line(e, *dossier->definition) << "\n";
}

void run_show(Context& ctx, const std::string& id) {
  auto& installation = ctx.installation_for(id);
  auto dossier = installation.read(id);
  if (!dossier) {
    ctx.refuse(runtime::Refusal{runtime::RefusalKind::UnknownDossier, id, {}, {}, {}, {}});
    return;
  }
  const auto actor = ctx.actor_if_given();
  if (ctx.options.json) {
    print_json(render::dossier_json(*dossier, installation.config(), ctx.today(), actor));
  } else {
    std::cout << render::dossier_text(*dossier, installation, ctx.today(), ctx.now(), actor);
  }
}

void run_history(Context& ctx, const std::string& id) {
  auto& installation = ctx.installation_for(id);
  auto dossier = installation.read(id);
  if (!dossier) {
    ctx.refuse(runtime::Refusal{runtime::RefusalKind::UnknownDossier, id, {}, {}, {}, {}});
    return;
  }
  if (ctx.options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : dossier->events) out.push_back(render::event_json(e));
    print_json(out);
    return;
  }
  std::cout << render::history_text(*dossier, installation.config().settings.offset);
}

struct ListArgs {
  std::string workflow, agency, step;
  bool open = false, closed = false;
};

void run_list(Context& ctx, const ListArgs& a) {
  store::ListFilter filter;
  if (!a.workflow.empty()) filter.workflow = a.workflow;
  if (!a.agency.empty()) filter.agency = a.agency;
  if (!a.step.empty()) filter.step = a.step;
  if (a.open) filter.closed = false;
  if (a.closed) filter.closed = true;
  const auto rows = ctx.store().list(filter);
  if (ctx.options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& row : rows) out.push_back(render::row_json(row));
    print_json(out);
    return;
  }
  render::Table table({render::tr("ID"), render::tr("STEP"), render::tr("HELD BY"),
                       render::tr("STATE"), render::tr("TITLE")});
  table.limit(4, 40);
  for (const auto& row : rows) {
    table.add({row.id, row.step, row.owner_agency.empty() ? "-" : row.owner_agency,
               row.cancelled ? render::tr("cancelled")
               : row.closed  ? render::tr("closed")
                             : render::tr("open"),
               row.title});
  }
  std::cout << table.str();
}

struct ExtendArgs {
  std::string id, deadline, to, reason;
};

void run_extend(Context& ctx, const ExtendArgs& a) {
  runtime::ExtendCommand command;
  command.deadline = a.deadline;
  command.reason = a.reason;
  command.to = accepted_option_date(a.to, "--to");
  auto& installation = ctx.installation_for(a.id);
  auto actor = ctx.actor();
  auto outcome = installation.extend(a.id, command, actor, ctx.now());
  if (auto* r = std::get_if<runtime::Refusal>(&outcome)) {
    ctx.refuse(*r);
    return;
  }
  auto dossier = installation.read(a.id);
  for (const auto& e : std::get<std::vector<runtime::Event>>(outcome)) {
    std::cout << render::event_line(e, *dossier->definition) << "\n";
  }
}

}  // namespace

void add_dossier_commands(CLI::App& app, Context& ctx) {
  auto start_args = std::make_shared<StartArgs>();
  auto* start = app.add_subcommand("start", render::tr("Open a dossier; prints its id"))
                    ->group(render::tr("Dossiers"));
  start->add_option("workflow", start_args->workflow, render::tr("Workflow name"))->required();
  start->add_option("--title", start_args->title, render::tr("Title of the draft"))->required();
  start->add_option("--set", start_args->sets,
                    render::tr("Dossier variable, name=value (repeatable)"));
  start->add_option("--bind", start_args->binds,
                    render::tr("Role binding, role=agency (repeatable)"));
  start->add_option("--target", start_args->target,
                    render::tr("Target date for the whole dossier (YYYY-MM-DD)"));
  start->add_option("--within", start_args->within,
                    render::tr("Target as a duration from today: 14d, 10wd, 2w"));
  start->footer(
      render::tr("Example: regflow start pergub --title \"Pergub UMKM\" --bind "
                 "pemrakarsa=dinas-kukm --within 14d --as sari"));
  start->callback([&ctx, start_args] { run_start(ctx, *start_args); });

  auto advance_args = std::make_shared<AdvanceArgs>();
  auto* advance =
      app.add_subcommand("advance",
                         render::tr("Take an action on a dossier (or 'sign' a sign-off step)"))
          ->group(render::tr("Dossiers"));
  advance->add_option("id", advance_args->id, render::tr("Dossier id"))->required();
  advance->add_option("action", advance_args->action, render::tr("Action name"))->required();
  advance->add_option("--note", advance_args->note, render::tr("Why (required for returns)"));
  advance->add_option("--set", advance_args->sets,
                      render::tr("Variable the action may set, name=value"));
  advance
      ->add_option("--expect-version", advance_args->expect_version,
                   render::tr("Refuse if the dossier moved past this version"))
      ->check([](const std::string& text) -> std::string {
        // A version is the number of events, from 1; CLI11 would clamp a huge one silently.
        const bool digits = !text.empty() && text.size() <= 12 &&
                            text.find_first_not_of("0123456789") == std::string::npos &&
                            text != "0" && text.front() != '0';
        if (digits) return "";
        return render::trf(
            "'{}' is not a dossier version: give the version 'regflow show' "
            "printed, a whole number from 1 to 999999999999",
            text);
      });
  advance->footer(
      render::tr("Example: regflow advance PERGUB-2026-0001 kembalikan --note \"pasal 5 belum "
                 "sesuai\" --as sari"));
  advance->callback([&ctx, advance_args] { run_advance(ctx, *advance_args); });

  auto show_id = std::make_shared<std::string>();
  auto* show =
      app.add_subcommand(
             "show",
             render::tr("Where a dossier stands: step, owner, signatures, deadlines, your actions"))
          ->group(render::tr("Dossiers"));
  show->add_option("id", *show_id, render::tr("Dossier id"))->required();
  show->callback([&ctx, show_id] { run_show(ctx, *show_id); });

  auto history_id = std::make_shared<std::string>();
  auto* history = app.add_subcommand("history", render::tr("Every event of a dossier"))
                      ->group(render::tr("Dossiers"));
  history->add_option("id", *history_id, render::tr("Dossier id"))->required();
  history->callback([&ctx, history_id] { run_history(ctx, *history_id); });

  auto list_args = std::make_shared<ListArgs>();
  auto* list =
      app.add_subcommand("list", render::tr("List dossiers"))->group(render::tr("Dossiers"));
  list->add_option("--workflow", list_args->workflow, render::tr("Only this workflow"));
  list->add_option("--agency", list_args->agency,
                   render::tr("Only dossiers held by (or waiting on) this agency"));
  list->add_option("--step", list_args->step, render::tr("Only dossiers in this step"));
  auto* open_flag = list->add_flag("--open", list_args->open, render::tr("Only open dossiers"));
  list->add_flag("--closed", list_args->closed, render::tr("Only closed dossiers"))
      ->excludes(open_flag);
  list->callback([&ctx, list_args] { run_list(ctx, *list_args); });

  auto extend_args = std::make_shared<ExtendArgs>();
  auto* extend =
      app.add_subcommand("extend",
                         render::tr("Move one dossier's deadline, with a reason (audited)"))
          ->group(render::tr("Dossiers"));
  extend->add_option("id", extend_args->id, render::tr("Dossier id"))->required();
  extend->add_option("deadline", extend_args->deadline, render::tr("Deadline id (see 'show')"))
      ->required();
  extend->add_option("--to", extend_args->to, render::tr("New due date, YYYY-MM-DD"))->required();
  extend->add_option("--reason", extend_args->reason, render::tr("Why"))->required();
  extend->callback([&ctx, extend_args] { run_extend(ctx, *extend_args); });
}

}  // namespace regflow::cli
