// regflow: one executable, many subcommands. main() sets up the command line and maps every
// outcome to the exit codes (cli/exit_code.hpp) in the one try/catch.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/exit_code.hpp"
#include "cli/language.hpp"
#include "cli/render/suggestion.hpp"
#include "cli/render/translate.hpp"
#include "cli/terminal_guard.hpp"
#include "cli/usage_words.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"
#include "engine/model/utf8.hpp"

namespace {

namespace render = regflow::cli::render;

// The first word on the command line that is not a global option, if it names no subcommand.
// CLI11 would only say "A subcommand is required"; a clerk who typed "advnace" deserves better.
std::optional<std::string> unknown_command(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind('-', 0) == 0) {
      auto* option = app.get_option_no_throw(arg.substr(0, arg.find('=')));
      if (option != nullptr && option->get_items_expected_min() > 0 &&
          arg.find('=') == std::string::npos)
        ++i;
      continue;
    }
    for (const auto* sub : app.get_subcommands({})) {
      if (sub->check_name(arg)) return std::nullopt;
    }
    return arg;
  }
  return std::nullopt;
}

// Every value given on the command line, checked once at the boundary: text that is not UTF-8
// would be refused by the store's encoder half-way through a command, or worse, kept and then
// break every later listing. The option's own name goes into the message.
void refuse_invalid_utf8(const CLI::App& app) {
  for (const auto* option : app.get_options()) {
    for (const auto& value : option->results()) {
      if (const auto at = regflow::model::invalid_utf8_at(value)) {
        const std::string name =
            option->get_name().empty() ? option->get_name(true, true) : option->get_name();
        throw regflow::InputError(render::trf(
            "refused: {} is not valid UTF-8 (byte {} of the value is 0x{:02x}); give the text "
            "in UTF-8",
            name, *at + 1, static_cast<unsigned char>(value[*at])));
      }
    }
  }
  for (const auto* sub : app.get_subcommands()) refuse_invalid_utf8(*sub);
}

void refuse_invalid_utf8_environment() {
  for (const char* name :
       {"REGFLOW_DB", "REGFLOW_USER", "REGFLOW_NOW", "REGFLOW_CONFIG", "REGFLOW_LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr) continue;
    if (const auto at = regflow::model::invalid_utf8_at(value)) {
      throw regflow::InputError(render::trf(
          "refused: the environment variable {} is not valid UTF-8 (byte {}); give the text "
          "in UTF-8",
          name, *at + 1));
    }
  }
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

}  // namespace

int main(int argc, char** argv) {
  using regflow::cli::ExitCode;
  regflow::cli::TerminalGuard terminal;
  regflow::cli::Context ctx;
  ctx.terminal = &terminal;
  // Descriptions are given as the command line is built, so its language comes first.
  regflow::cli::choose_language_early(argc, argv);
  // Named, so that --help says "regflow", not the path it was started by.
  CLI::App app{render::tr("regflow — deadlines and procedures for regional legal products (Perda, "
                          "Pergub, kerja sama)"),
               "regflow"};

  app.formatter(regflow::cli::translated_formatter());
  app.failure_message(regflow::cli::usage_error_message);
  regflow::cli::translate_builtin_flags(app, REGFLOW_VERSION);
  app.require_subcommand(1);
  app.add_option("--db", ctx.options.db, render::tr("Database file (or REGFLOW_DB)"));
  app.add_option(
      "--config", ctx.options.config,
      render::tr(
          "Folder holding workflows/ and rules/ (or REGFLOW_CONFIG; default: the shipped ones)"));
  app.add_option("--as", ctx.options.as, render::tr("Acting user (or REGFLOW_USER)"));
  app.add_option(
      "--now", ctx.options.now,
      render::tr("Pretend it is this date/time, YYYY-MM-DD[THH:MM] local (or REGFLOW_NOW)"));
  app.add_flag("--json", ctx.options.json, render::tr("Machine-readable output"));
  regflow::cli::add_language_option(app);
  app.add_flag("-v", ctx.options.verbosity, render::tr("More log output on stderr (-vv for more)"));
  app.fallthrough();

  regflow::cli::add_definition_commands(app, ctx);
  regflow::cli::add_setup_commands(app, ctx);
  regflow::cli::add_dossier_commands(app, ctx);
  regflow::cli::add_report_commands(app, ctx);
  regflow::cli::add_stats_command(app, ctx);
  regflow::cli::add_maintenance_commands(app, ctx);
  regflow::cli::add_rules_commands(app, ctx);
  regflow::cli::add_ics_command(app, ctx);
  regflow::cli::add_archive_commands(app, ctx);
  regflow::cli::add_document_commands(app, ctx);
  regflow::cli::add_publish_command(app, ctx);
  regflow::cli::add_trust_commands(app, ctx);
  regflow::cli::add_web_commands(app, ctx);
  regflow::cli::add_correction_commands(app, ctx);
  regflow::cli::add_admin_commands(app, ctx);

  // Checked before any command runs, so a bad --now is refused even by commands that never
  // read the clock (rather than silently ignored).
  app.parse_complete_callback([&ctx, &app] {
    refuse_invalid_utf8_environment();
    refuse_invalid_utf8(app);
    if (ctx.options.json) ctx.terminal->raw_stdout();
    regflow::cli::apply_language(ctx);
    ctx.check_now_syntax();
  });

  spdlog::set_level(spdlog::level::warn);
  if (auto word = unknown_command(app, argc, argv)) {
    std::cerr << "regflow: "
              << render::trf("unknown command '{}'{}; commands: {}", *word,
                             render::did_you_mean(*word, command_names(app)),
                             regflow::model::quoted_list(command_names(app)))
              << "\n"
              << render::tr("Run with --help for more information.") << "\n";
    return static_cast<int>(ExitCode::Usage);
  }
  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      // CLI11 reports --help and --version as "errors" with exit code 0.
      const int code = app.exit(e);
      return code == 0 ? 0 : static_cast<int>(ExitCode::Usage);
    }
    ctx.finish();
    return static_cast<int>(ctx.exit_code);
  } catch (const regflow::ConflictError& e) {
    std::cerr << "regflow: " << render::trf("conflict: {}", render::words(e.said())) << "\n";
    return static_cast<int>(ExitCode::Refused);
  } catch (const regflow::Error& e) {
    std::cerr << "regflow: " << render::words(e.said()) << "\n";
    return static_cast<int>(ExitCode::Refused);
  } catch (const std::exception& e) {
    std::cerr << "regflow: " << render::trf("internal error: {} (please report)", e.what()) << "\n";

    return static_cast<int>(ExitCode::Internal);
  }
}
