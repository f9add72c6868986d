// regflow: one executable, many subcommands. main() sets up the command line and maps every
// outcome to the exit codes of design.md in the one try/catch.
#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "cli/exit_code.hpp"
#include "engine/model/error.hpp"

int main(int argc, char** argv) {
  using regflow::cli::ExitCode;
  regflow::cli::Context ctx;
  CLI::App app{"regflow — deadlines and procedures for regional legal products (Perda, Pergub, kerja sama)"};
  app.set_version_flag("--version", REGFLOW_VERSION);
  app.require_subcommand(1);
  app.add_option("--db", ctx.options.db, "Database file (or REGFLOW_DB)");
  app.add_option("--config", ctx.options.config, "Folder holding workflows/ and rules/ (or REGFLOW_CONFIG; default: the shipped ones)");
  app.add_option("--as", ctx.options.as, "Acting user (or REGFLOW_USER)");
  app.add_option("--now", ctx.options.now, "Pretend it is this date/time, YYYY-MM-DD[THH:MM] local (or REGFLOW_NOW)");
  app.add_flag("--json", ctx.options.json, "Machine-readable output");
  app.add_flag("-v", ctx.options.verbosity, "More log output on stderr (-vv for more)");
  app.fallthrough();

  regflow::cli::add_definition_commands(app, ctx);
  regflow::cli::add_setup_commands(app, ctx);
  regflow::cli::add_dossier_commands(app, ctx);
  regflow::cli::add_report_commands(app, ctx);
  regflow::cli::add_maintenance_commands(app, ctx);

  spdlog::set_level(spdlog::level::warn);
  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      // CLI11 reports --help and --version as "errors" with exit code 0.
      const int code = app.exit(e);
      return code == 0 ? 0 : static_cast<int>(ExitCode::Usage);
    }
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
