// rules, eval: the named rules and decision tables, for the analyst who writes guards.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/render/diagnostic.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/rules.hpp"
#include "cli/render/suggestion.hpp"
#include "cli/render/translate.hpp"
#include "engine/check/rule_uses.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"
#include "engine/rules/expression.hpp"
#include "engine/runtime/decide.hpp"

namespace regflow::cli {
namespace {

struct EvalArgs {
  std::string expression;
  std::string dossier;
  std::string workflow;
  std::vector<std::string> sets;
  std::vector<std::string> reached;
};

/// What the expression is checked against and the facts it reads.
struct EvalSubject {
  rules::Scope scope;
  rules::EvalInput input;
};

void run_rules(Context& ctx) {
  const auto& config = ctx.config();
  const auto uses = check::rule_uses(config.workflows, config.rules);
  if (ctx.options.json) {
    print_json(render::rules_json(config, uses));
  } else {
    std::cout << render::rules_text(config, uses);
  }
}

const model::WorkflowDefinition& workflow_named(const load::ConfigSet& config,
                                                const std::string& name) {
  const auto* def = config.find(name);
  if (def == nullptr) {
    throw InputError(render::unknown_workflow_text(name, config.workflow_names()));
  }
  return *def;
}

/// A workflow without a dossier: its defaults, its roles' default agencies, its initial step.
EvalSubject workflow_subject(Context& ctx, const model::WorkflowDefinition& def) {
  EvalSubject subject{runtime::scope_of(def), {}};
  auto& input = subject.input;
  for (const auto& variable : def.variables) {
    if (variable.default_value) input.variables[variable.name] = *variable.default_value;
  }
  for (const auto& role : def.roles) {
    if (!role.default_agency.empty()) input.bindings[role.name] = role.default_agency;
  }
  input.workflow = def.name;
  input.step = def.initial;
  input.today = ctx.today();
  input.started = input.today;
  input.reached.insert(def.initial);
  return subject;
}

/// Applies `--set name=value` to a declared variable, a role binding or a built-in, typed by
/// its declaration; false (with the refusal printed) when one does not fit.
bool apply_sets(Context& ctx, const std::vector<std::string>& sets, EvalSubject& subject) {
  auto& input = subject.input;
  for (const auto& item : sets) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw InputError(
          render::trf("--set '{}' must look like name=value, e.g. --set kategori=apbd", item));
    }
    const std::string name = item.substr(0, eq);
    const std::string text = item.substr(eq + 1);
    std::optional<model::ValueType> type;
    std::vector<std::string> values;
    if (auto it = subject.scope.variables.find(name); it != subject.scope.variables.end()) {
      type = it->second.type;
      values = it->second.values;
    } else if (std::find(subject.scope.roles.begin(), subject.scope.roles.end(), name) !=
               subject.scope.roles.end()) {
      if (!ctx.config().agencies.contains(text)) {
        ctx.refuse(
            {runtime::RefusalKind::UnknownAgency, text, {}, {}, ctx.config().agencies.codes(), {}});
        return false;
      }
      input.bindings[name] = text;
      continue;
    } else {
      type = rules::builtin_type(name);
    }
    if (!type) {
      std::vector<std::string> names;
      for (const auto& [variable, info] : subject.scope.variables) names.push_back(variable);
      names.insert(names.end(), subject.scope.roles.begin(), subject.scope.roles.end());
      for (const auto& builtin : rules::builtin_names()) names.push_back(builtin.first);
      std::cerr << render::trf(
          "regflow: refused: --set: unknown name '{}'{}; it may set a variable, role or "
          "built-in: {}\n",
          name, render::did_you_mean(name, names), model::quoted_list(names));
      return false;
    }
    const auto value = model::parse_value(text, *type, values);
    if (!value) {
      ctx.refuse({runtime::RefusalKind::BadValue, name, text, model::type_name(*type), values, {}});
      return false;
    }
    if (name == "workflow" || name == "step") {
      (name == "workflow" ? input.workflow : input.step) = model::to_text(*value);
    } else if (name == "today" || name == "started") {
      (name == "today" ? input.today : input.started) = std::get<time::Date>(*value);
    } else if (name == "days_in_step" || name == "working_days_in_step") {
      (name == "days_in_step" ? input.days_in_step : input.working_days_in_step) =
          std::get<double>(*value);
    } else {
      input.variables[name] = *value;
    }
  }
  return true;
}

void run_eval(Context& ctx, const EvalArgs& a) {
  const auto& config = ctx.config();
  EvalSubject subject;
  if (!a.dossier.empty()) {
    auto dossier = ctx.installation().read(a.dossier);
    if (!dossier) {
      ctx.refuse({runtime::RefusalKind::UnknownDossier, a.dossier, {}, {}, {}, {}});
      return;
    }
    if (!a.workflow.empty() && a.workflow != dossier->definition->name) {
      throw InputError(
          render::trf("dossier '{}' runs workflow '{}', not '{}'; leave out --workflow", a.dossier,
                      dossier->definition->name, a.workflow));
    }
    subject.scope = runtime::scope_of(*dossier->definition);
    subject.input = runtime::eval_input(ctx.installation().context(*dossier->workflow, ctx.now()),
                                        dossier->state);
  } else if (!a.workflow.empty()) {
    subject = workflow_subject(ctx, workflow_named(config, a.workflow));
  } else {
    // No workflow: the names the rules files declare, as a named rule would see them.
    subject.scope = config.rules.scope();
    subject.input.today = ctx.today();
    subject.input.started = subject.input.today;
  }
  for (const auto& step : a.reached) {
    if (!subject.scope.in_workflow) {
      throw InputError(render::tr("--reached needs a workflow: give --workflow W or --dossier ID"));
    }
    if (std::find(subject.scope.steps.begin(), subject.scope.steps.end(), step) ==
        subject.scope.steps.end()) {
      throw InputError(render::trf("--reached '{}' is not a step of this workflow{}; steps: {}",
                                   step, render::did_you_mean(step, subject.scope.steps),
                                   model::quoted_list(subject.scope.steps)));
    }
    subject.input.reached.insert(step);
  }
  if (!apply_sets(ctx, a.sets, subject)) {
    ctx.exit_code = ExitCode::Refused;
    return;
  }
  model::Diagnostics problems;
  const auto compiled = rules::compile(a.expression, model::SourceLocation{"expression", 1, 1},
                                       subject.scope, config.rules, problems);
  if (!compiled) {
    for (auto d : problems) {
      if (!subject.scope.in_workflow) {
        d.notes.push_back(model::say(
            "checked against the inputs of rules/*.yaml; give --workflow W or --dossier ID for a "
            "workflow's variables, roles and steps"));
      }
      std::cerr << render::diagnostic_text(d) << "\n";
    }
    ctx.exit_code = ExitCode::Refused;
    return;
  }
  const auto evaluation = rules::evaluate(*compiled, subject.input, config.rules);
  if (ctx.options.json) {
    print_json(render::evaluation_json(a.expression, evaluation, compiled->type()));
  } else {
    std::cout << render::evaluation_text(evaluation, compiled->type());
  }
}

}  // namespace

void add_rules_commands(CLI::App& app, Context& ctx) {
  app.add_subcommand("rules",
                     render::tr("List the named rules and decision tables, and where each is used"))
      ->group(render::tr("Definitions"))
      ->footer(render::tr("Example: regflow rules --json"))
      ->callback([&ctx] { run_rules(ctx); });

  auto* eval = app.add_subcommand("eval", render::tr("Type-check and evaluate a rules expression"))
                   ->group(render::tr("Definitions"));
  auto args = std::make_shared<EvalArgs>();
  eval->add_option("expression", args->expression,
                   render::tr("The expression, e.g. \"kategori in ['apbd']\""))
      ->required();
  eval->add_option("--dossier", args->dossier, render::tr("Read the names from this dossier"));
  eval->add_option("--workflow", args->workflow,
                   render::tr("Check against this workflow's variables, roles and steps"));
  eval->add_option("--set", args->sets,
                   render::tr("name=value for a variable, role or built-in (repeatable)"));
  eval->add_option("--reached", args->reached,
                   render::tr("A step reached('...') counts as reached (repeatable)"));
  eval->footer(
      render::tr("Example: regflow eval \"perlu_evaluasi and reached('persetujuan_bersama')\" "
                 "--dossier PERDA-2026-0001"));
  eval->callback([&ctx, args] { run_eval(ctx, *args); });
}

}  // namespace regflow::cli
