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
#include "cli/render/translate.hpp"
#include "engine/app/archive_exchange.hpp"
#include "engine/app/archive_trust.hpp"
#include "engine/archive/codec.hpp"
#include "engine/archive/signature.hpp"
#include "engine/model/error.hpp"
#include "engine/seal/key_files.hpp"

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
  if (a.ids.empty() && !a.all) throw CLI::RequiredError(render::tr("dossier ids (or --all)"));
  if (!a.ids.empty() && a.all) {
    throw CLI::ValidationError("export", render::tr("give dossier ids or --all, not both"));
  }
  if ((a.closed || a.open) && !a.all) {
    throw CLI::ValidationError("export", render::tr("--closed and --open select among --all"));
  }
  app::ExportSelection selection;
  selection.ids = a.ids;
  selection.all = a.all;
  if (a.closed) selection.closed = true;
  if (a.open) selection.closed = false;
  auto outcome = app::export_dossiers(ctx.installation(), selection, ctx.now());
  if (const auto* refusal = std::get_if<app::ExportRefusal>(&outcome)) {
    std::cerr << "regflow: " << render::trf("refused: {}", render::export_refusal_text(*refusal))
              << "\n";
    ctx.exit_code = ExitCode::Refused;
    return;
  }
  const auto& archive = std::get<archive::Archive>(outcome);
  // Signed with the installation's key (made on first use), so that the receiving installation
  // can tell an archive of ours from one edited or made elsewhere.
  bool created = false;
  const auto key = seal::load_signing_key(seal::trust_files(ctx.db_path()), true, created);
  write_output_file(a.output, archive::sign(archive::encode(archive), key),
                    database_companions(ctx.db_path()), "-o");
  if (ctx.options.json) {
    print_json(render::export_json(archive, a.output));
  } else {
    std::cout << render::export_text(archive, a.output);
  }
}

struct ImportArgs {
  std::string file;
  bool dry_run = false, rename = false, allow_unsigned = false;
};

// Why an archive's signature does not let it in, or "" when it does.
std::string trust_refusal(const app::ArchiveTrust& trust, const std::string& file,
                          const archive::ArchiveHeader& header, bool allow_unsigned) {
  using K = app::ArchiveTrustKind;
  switch (trust.kind) {
    case K::Own:
    case K::Trusted:
      return {};
    case K::Unsigned:
      if (allow_unsigned) return {};
      return render::trf(
          "'{}' is a format {} archive, written before archives were signed: nothing proves which "
          "installation wrote it; if you know where it came from, import it with --allow-unsigned",
          file, header.format_version);
    case K::Missing:
      return render::trf(
          "'{}' is a format {} archive without its signature line (cut short, or the signature "
          "was removed); ask for a fresh export",
          file, header.format_version);
    case K::Malformed:
      return render::trf("'{}' has a signature line that cannot be read; ask for a fresh export",
                         file);
    case K::BadSignature:
      return render::trf(
          "'{}' was changed after it was signed (its signature by key {} does not match its "
          "bytes); ask for a fresh export",
          file, trust.fingerprint);
    case K::Untrusted:
      return render::trf(
          "'{}' is signed by key {}, which this installation does not trust; if that is the key "
          "of installation '{}' (compare with 'regflow key show' there), trust it with "
          "'regflow trust add KEY --name NAME' (KEY: its .key.pub file or the line 'key show' "
          "prints)",
          file, trust.fingerprint, header.installation);
  }
  return "?";
}

std::string trust_text(const app::ArchiveTrust& trust) {
  if (trust.kind == app::ArchiveTrustKind::Own) {
    return render::tr("signed by this installation's own key");
  }
  if (trust.kind == app::ArchiveTrustKind::Trusted) {
    return render::trf("signed by trusted installation '{}'", trust.name);
  }
  return render::tr("unsigned (format 1), accepted with --allow-unsigned");
}

void run_import(Context& ctx, const ImportArgs& a) {
  const std::string whole = read_input_file(a.file, kArchiveLimit, render::tr("archive"));
  if (!a.dry_run) ctx.check_clock_for_writing();
  const auto signed_bytes = archive::split_signature(whole);
  auto decoded = archive::decode(signed_bytes.body);
  if (const auto* defect = std::get_if<archive::ArchiveDefect>(&decoded)) {
    std::cerr << "regflow: "
              << render::trf("refused: {}; nothing was imported",
                             render::defect_text(*defect, a.file))
              << "\n";
    ctx.exit_code = ExitCode::Refused;
    return;
  }
  const auto& archive = std::get<archive::Archive>(decoded);
  // Who wrote it, before anything in it is believed.
  const auto files = seal::trust_files(ctx.db_path());
  const auto trust =
      app::judge_archive(signed_bytes, archive.header.format_version, seal::load_public_key(files),
                         seal::read_trusted(files.trusted));
  if (const auto why = trust_refusal(trust, a.file, archive.header, a.allow_unsigned);
      !why.empty()) {
    std::cerr << "regflow: " << render::trf("refused: {}; nothing was imported", why) << "\n";
    ctx.exit_code = ExitCode::Refused;
    return;
  }
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
      std::cerr << "regflow: "
                << render::trf("refused: {} cannot be imported; nothing was written:", a.file)
                << "\n";

      for (const auto& problem : plan.problems) {
        std::cerr << "  " << render::problem_text(problem, archive) << "\n";
      }
    }
    ctx.exit_code = ExitCode::Refused;
    return;
  }
  if (!a.dry_run) app::apply_import(ctx.installation(), plan);
  if (ctx.options.json) {
    auto out = render::import_json(plan, archive, a.file, a.dry_run);
    out["signature"] = {
        {"accepted_as", trust.kind == app::ArchiveTrustKind::Own       ? "own"
                        : trust.kind == app::ArchiveTrustKind::Trusted ? "trusted"
                                                                       : "unsigned"},
        {"name", trust.name},
        {"key", trust.fingerprint}};
    print_json(out);
  } else {
    // Who signed it goes under the line that names the archive.
    const std::string text = render::import_text(plan, a.file, a.dry_run);
    const std::size_t first = text.find('\n') + 1;
    std::cout << text.substr(0, first) << trust_text(trust) << "\n" << text.substr(first);
  }
}

}  // namespace

void add_archive_commands(CLI::App& app, Context& ctx) {
  auto export_args = std::make_shared<ExportArgs>();
  auto* exp =
      app.add_subcommand("export",
                         render::tr("Write dossiers to an archive file for another installation"))
          ->group(render::tr("Archives"));
  exp->add_option("ids", export_args->ids, render::tr("Dossier ids"));
  exp->add_option("-o,--output", export_args->output, render::tr("Archive file to write"))
      ->required();
  exp->add_flag("--all", export_args->all,
                render::tr("Every dossier (with --closed or --open: only those)"));
  exp->add_flag("--closed", export_args->closed, render::tr("With --all: only closed dossiers"));
  exp->add_flag("--open", export_args->open, render::tr("With --all: only open dossiers"))
      ->excludes("--closed");
  exp->footer(
      render::tr("Examples: regflow export PERDA-2026-0004 PERGUB-2026-0001 -o babel-2026.rfa\n"
                 "          regflow export --all --closed -o arsip-2025.rfa"));
  exp->callback([&ctx, export_args] { run_export(ctx, *export_args); });

  auto import_args = std::make_shared<ImportArgs>();
  auto* imp =
      app.add_subcommand("import",
                         render::tr("Read dossiers from an archive file, after checking all of it"))
          ->group(render::tr("Archives"));
  imp->add_option("file", import_args->file, render::tr("Archive file written by 'regflow export'"))
      ->required();
  imp->add_flag("--dry-run", import_args->dry_run,
                render::tr("Say what would be imported; write nothing"));
  imp->add_flag(
      "--rename", import_args->rename,
      render::tr(
          "Give dossiers whose id is taken here new ids (the old id is recorded; needs --as)"));
  imp->add_flag("--allow-unsigned", import_args->allow_unsigned,
                render::tr("Accept a format-1 archive, written before archives were signed"));
  imp->footer(render::tr(
      "Example: regflow import babel-2026.rfa --dry-run\n"
      "An archive is accepted when it is signed by this installation's key or one trusted here\n"
      "('regflow trust add'); a format-1 archive only with --allow-unsigned."));
  imp->callback([&ctx, import_args] { run_import(ctx, *import_args); });
}

}  // namespace regflow::cli
