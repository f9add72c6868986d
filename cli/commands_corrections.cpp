// correct, cancel, kendala: putting right a mistake made at start, and saying why a dossier is
// stuck. Each is one audited event, decided by runtime/decide_correction.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/render/dossier.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/translate.hpp"
#include "engine/model/error.hpp"

namespace regflow::cli {
namespace {

struct CorrectArgs {
  std::string id, title, reason, text;
  std::vector<std::string> binds;
  bool clear = false;
};

std::map<std::string, std::string> bindings(const std::vector<std::string>& items) {
  std::map<std::string, std::string> out;
  for (const auto& item : items) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw InputError(render::trf("--bind '{}' must look like role=agency", item));
    }
    out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

/// Prints the events written, or the refusal (exit 1).
void report(Context& ctx, app::Installation& installation, const std::string& id,
            const app::AdvanceOutcome& outcome) {
  if (const auto* r = std::get_if<runtime::Refusal>(&outcome)) {
    ctx.refuse(*r);
    return;
  }
  const auto dossier = installation.read(id);
  for (const auto& e : std::get<std::vector<runtime::Event>>(outcome)) {
    std::cout << render::event_line(e, *dossier->definition) << "\n";
  }
}

void run_correct(Context& ctx, const CorrectArgs& a, bool title_given) {
  runtime::CorrectCommand command;
  if (title_given) command.title = a.title;
  command.bindings = bindings(a.binds);
  if (!command.title && command.bindings.empty()) {
    throw InputError(render::tr("say what to correct: --title TEXT and/or --bind role=AGENCY"));
  }
  auto& installation = ctx.installation_for(a.id);
  const auto actor = ctx.actor();
  report(ctx, installation, a.id, installation.correct(a.id, command, actor, ctx.now()));
}

void run_cancel(Context& ctx, const CorrectArgs& a) {
  auto& installation = ctx.installation_for(a.id);
  const auto actor = ctx.actor();
  report(ctx, installation, a.id,
         installation.cancel(a.id, runtime::CancelCommand{a.reason}, actor, ctx.now()));
}

void run_kendala(Context& ctx, const CorrectArgs& a) {
  if (a.clear == !a.text.empty()) {
    throw InputError(render::tr("give the kendala as TEXT, or --clear to remove it (not both)"));
  }
  auto& installation = ctx.installation_for(a.id);
  const auto actor = ctx.actor();
  report(ctx, installation, a.id,
         installation.record_kendala(a.id, runtime::KendalaCommand{a.text, a.clear}, actor,
                                     ctx.now()));
}

}  // namespace

void add_correction_commands(CLI::App& app, Context& ctx) {
  auto correct_args = std::make_shared<CorrectArgs>();
  auto* correct =
      app.add_subcommand(
             "correct",
             render::tr("Correct a dossier's title or a role binding while it is in its first "
                        "step (the starting agency only; audited)"))
          ->group(render::tr("Dossiers"));
  correct->add_option("id", correct_args->id, render::tr("Dossier id"))->required();
  auto* title = correct->add_option("--title", correct_args->title, render::tr("The right title"));
  correct->add_option("--bind", correct_args->binds,
                      render::tr("The right binding, role=agency (repeatable)"));
  correct->footer(render::tr(
      "Example: regflow correct PERDA-2021-0004 --bind pemrakarsa=bapenda --title \"Perda Pajak "
      "Daerah\" --as sari"));
  correct->callback(
      [&ctx, correct_args, title] { run_correct(ctx, *correct_args, title->count() > 0); });

  auto cancel_args = std::make_shared<CorrectArgs>();
  auto* cancel =
      app.add_subcommand(
             "cancel",
             render::tr("Cancel a dossier started by mistake, in its first step (the starting "
                        "agency only; audited, stays in the history)"))
          ->group(render::tr("Dossiers"));
  cancel->add_option("id", cancel_args->id, render::tr("Dossier id"))->required();
  cancel->add_option("--reason", cancel_args->reason, render::tr("Why it was a mistake"))
      ->required();
  cancel->footer(render::tr(
      "Example: regflow cancel PERDA-2021-0004 --reason \"dibuat dua kali; lihat PERDA-2021-0005\" "
      "--as sari"));
  cancel->callback([&ctx, cancel_args] { run_cancel(ctx, *cancel_args); });

  auto kendala_args = std::make_shared<CorrectArgs>();
  auto* kendala =
      app.add_subcommand(
             "kendala",
             render::tr("Record why a dossier is stuck (shown on the board), or --clear it; any "
                        "agency involved in the dossier"))
          ->group(render::tr("Dossiers"));
  kendala->add_option("id", kendala_args->id, render::tr("Dossier id"))->required();
  kendala->add_option("text", kendala_args->text, render::tr("The obstacle, in a sentence"));
  kendala->add_flag("--clear", kendala_args->clear, render::tr("Remove the kendala recorded"));
  kendala->footer(render::tr(
      "Examples: regflow kendala PERDA-2021-0002 \"menunggu fasilitasi Kemendagri\" --as sari\n"
      "          regflow kendala PERDA-2021-0002 --clear --as sari"));
  kendala->callback([&ctx, kendala_args] { run_kendala(ctx, *kendala_args); });
}

}  // namespace regflow::cli
