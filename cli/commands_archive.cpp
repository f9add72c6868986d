// export and import: moving dossiers between installations as archive files.
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "cli/render/archive.hpp"
#include "engine/app/archive_exchange.hpp"
#include "engine/archive/codec.hpp"
#include "engine/model/error.hpp"

namespace regflow::cli {
namespace {

// An archive of every dossier of a large installation stays well under this; a bigger file is
// not one regflow wrote, and reading it whole would only exhaust memory.
constexpr std::uint64_t kArchiveLimit = std::uint64_t{256} << 20;

struct ExportArgs {
  std::vector<std::string> ids;
  std::string output;
  bool all = false, closed = false, open = false;
};

void run_export(Context& ctx, const ExportArgs& a) {
  if (a.ids.empty() && !a.all) throw CLI::RequiredError("dossier ids (or --all)");
  if (!a.ids.empty() && a.all) {
    throw CLI::ValidationError("export", "give dossier ids or --all, not both");
  }
  if ((a.closed || a.open) && !a.all) {
    throw CLI::ValidationError("export", "--closed and --open select among --all");
  }
  app::ExportSelection selection;
  selection.ids = a.ids;
  selection.all = a.all;
  if (a.closed) selection.closed = true;
  if (a.open) selection.closed = false;
  auto outcome = app::export_dossiers(ctx.installation(), selection, ctx.now());
  if (const auto* refusal = std::get_if<app::ExportRefusal>(&outcome)) {
    std::cerr << "regflow: refused: " << render::export_refusal_text(*refusal) << "\n";
    ctx.exit_code = ExitCode::Refused;
    return;
  }
  const auto& archive = std::get<archive::Archive>(outcome);
  write_output_file(a.output, archive::encode(archive), database_companions(ctx.db_path()), "-o");
  if (ctx.options.json) {
    print_json(render::export_json(archive, a.output));
  } else {
    std::cout << render::export_text(archive, a.output);
  }
}

struct ImportArgs {
  std::string file;
  bool dry_run = false, rename = false;
};

void run_import(Context& ctx, const ImportArgs& a) {
  const std::string bytes = read_input_file(a.file, kArchiveLimit, "archive");
  if (!a.dry_run) ctx.check_clock_for_writing();
  auto decoded = archive::decode(bytes);
  if (const auto* defect = std::get_if<archive::ArchiveDefect>(&decoded)) {
    std::cerr << "regflow: refused: " << render::defect_text(*defect, a.file)
              << "; nothing was imported\n";
    ctx.exit_code = ExitCode::Refused;
    return;
  }
  const auto& archive = std::get<archive::Archive>(decoded);
  app::ImportOptions options;
  options.rename = a.rename;
  // Only a renumbering is recorded under a name; a plain import must not need the importer to
  // be registered in the database that receives the dossiers.
  if (a.rename) options.actor = ctx.actor_if_given();
  const auto plan = app::plan_import(ctx.installation(), archive, options, ctx.now());
  if (plan.refused()) {
    if (ctx.options.json) {
      print_json(render::import_json(plan, archive, a.file, a.dry_run));
    } else {
      std::cerr << fmt::format("regflow: refused: {} cannot be imported; nothing was written:\n",
                               a.file);
      for (const auto& problem : plan.problems) {
        std::cerr << "  " << render::problem_text(problem, archive) << "\n";
      }
    }
    ctx.exit_code = ExitCode::Refused;
    return;
  }
  if (!a.dry_run) app::apply_import(ctx.installation(), plan);
  if (ctx.options.json) {
    print_json(render::import_json(plan, archive, a.file, a.dry_run));
  } else {
    std::cout << render::import_text(plan, a.file, a.dry_run);
  }
}

}  // namespace

void add_archive_commands(CLI::App& app, Context& ctx) {
  auto export_args = std::make_shared<ExportArgs>();
  auto* exp =
      app.add_subcommand("export", "Write dossiers to an archive file for another installation")
          ->group("Archives");
  exp->add_option("ids", export_args->ids, "Dossier ids");
  exp->add_option("-o,--output", export_args->output, "Archive file to write")->required();
  exp->add_flag("--all", export_args->all, "Every dossier (with --closed or --open: only those)");
  exp->add_flag("--closed", export_args->closed, "With --all: only closed dossiers");
  exp->add_flag("--open", export_args->open, "With --all: only open dossiers")
      ->excludes("--closed");
  exp->footer(
      "Examples: regflow export PERDA-2026-0004 PERGUB-2026-0001 -o babel-2026.rfa\n"
      "          regflow export --all --closed -o arsip-2025.rfa");
  exp->callback([&ctx, export_args] { run_export(ctx, *export_args); });

  auto import_args = std::make_shared<ImportArgs>();
  auto* imp =
      app.add_subcommand("import", "Read dossiers from an archive file, after checking all of it")
          ->group("Archives");
  imp->add_option("file", import_args->file, "Archive file written by 'regflow export'")
      ->required();
  imp->add_flag("--dry-run", import_args->dry_run, "Say what would be imported; write nothing");
  imp->add_flag(
      "--rename", import_args->rename,
      "Give dossiers whose id is taken here new ids (the old id is recorded; needs --as)");
  imp->footer("Example: regflow import babel-2026.rfa --dry-run");
  imp->callback([&ctx, import_args] { run_import(ctx, *import_args); });
}

}  // namespace regflow::cli
