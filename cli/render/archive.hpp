// Archives in words: what an export wrote, what an import did or would do, and why a file or
// an import was refused. The one place their English text lives.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/app/archive_exchange.hpp"
#include "engine/archive/codec.hpp"

namespace regflow::cli::render {

std::string export_text(const archive::Archive& archive, const std::string& file);
nlohmann::json export_json(const archive::Archive& archive, const std::string& file);

std::string export_refusal_text(const app::ExportRefusal& refusal);

/// Why `file` is not a readable archive (one sentence, without "refused:").
std::string defect_text(const archive::ArchiveDefect& defect, const std::string& file);

/// One problem, in a sentence.
std::string problem_text(const archive::ImportProblem& problem, const archive::Archive& archive);

/// The plan: the archive's header, each dossier's fate, new definitions, notes on users, and a
/// closing line saying what was (or, with `dry_run`, would be) written.
std::string import_text(const app::ImportPlan& plan, const std::string& file, bool dry_run);
nlohmann::json import_json(const app::ImportPlan& plan, const archive::Archive& archive,
                           const std::string& file, bool dry_run);

}  // namespace regflow::cli::render
