// regflow: one executable, many subcommands. main() sets up the command line and maps every
// outcome to the exit codes of design.md in the one try/catch.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/exit_code.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"

namespace {

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

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

}  // namespace

int main(int argc, char** argv) {
  using regflow::cli::ExitCode;
  regflow::cli::Context ctx;
  CLI::App app{
      "regflow — deadlines and procedures for regional legal products (Perda, Pergub, kerja sama)"};
  app.set_version_flag("--version", REGFLOW_VERSION);
  app.require_subcommand(1);
  app.add_option("--db", ctx.options.db, "Database file (or REGFLOW_DB)");
  app.add_option(
      "--config", ctx.options.config,
      "Folder holding workflows/ and rules/ (or REGFLOW_CONFIG; default: the shipped ones)");
  app.add_option("--as", ctx.options.as, "Acting user (or REGFLOW_USER)");
  app.add_option("--now", ctx.options.now,
                 "Pretend it is this date/time, YYYY-MM-DD[THH:MM] local (or REGFLOW_NOW)");
  app.add_flag("--json", ctx.options.json, "Machine-readable output");
  app.add_flag("-v", ctx.options.verbosity, "More log output on stderr (-vv for more)");
  app.fallthrough();

  regflow::cli::add_definition_commands(app, ctx);
  regflow::cli::add_setup_commands(app, ctx);
  regflow::cli::add_dossier_commands(app, ctx);
  regflow::cli::add_report_commands(app, ctx);
  regflow::cli::add_maintenance_commands(app, ctx);
  regflow::cli::add_rules_commands(app, ctx);
  regflow::cli::add_ics_command(app, ctx);
  regflow::cli::add_archive_commands(app, ctx);
  regflow::cli::add_web_commands(app, ctx);

  // Checked before any command runs, so a bad --now is refused even by commands that never
  // read the clock (rather than silently ignored).
  app.parse_complete_callback([&ctx] { ctx.check_now_syntax(); });

  spdlog::set_level(spdlog::level::warn);
  if (auto word = unknown_command(app, argc, argv)) {
    std::cerr << "regflow: unknown command '" << *word << "'"
              << regflow::model::did_you_mean(*word, command_names(app))
              << "; commands: " << regflow::model::quoted_list(command_names(app))
              << "\nRun with --help for more information.\n";
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
    std::cerr << "regflow: conflict: " << e.what() << "\n";
    return static_cast<int>(ExitCode::Refused);
  } catch (const regflow::Error& e) {
    std::cerr << "regflow: " << e.what() << "\n";
    return static_cast<int>(ExitCode::Refused);
  } catch (const std::exception& e) {
    std::cerr << "regflow: internal error: " << e.what() << " (please report)\n";
    return static_cast<int>(ExitCode::Internal);
  }
}
