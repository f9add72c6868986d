// A dossier's documents for people (a table) and programs (--json), and a paragraph diff as
// text: what `documents` and `diff` print.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/document/paragraph_diff.hpp"
#include "engine/model/document_policy.hpp"
#include "engine/runtime/documents.hpp"
#include "engine/time/date.hpp"

namespace regflow::cli::render {

/// "1.5 MiB", "340 KiB", "12 bytes".
std::string byte_size(std::int64_t bytes);

/// One line per version: kind (and its title), version, step, who, when, size, SHA-256.
std::string documents_text(const std::string& dossier_id,
                           const std::vector<runtime::DocumentVersion>& documents,
                           const model::DocumentPolicy& policy, time::UtcOffset offset);

nlohmann::json document_json(const runtime::DocumentVersion& document);

/// The paragraphs removed ("- ") and added ("+ ") with their numbers, and a count of each;
/// unchanged paragraphs are left out, except as "…" between changes.
std::string diff_text(const runtime::DocumentVersion& before, const runtime::DocumentVersion& after,
                      const std::vector<document::DiffLine>& lines);

}  // namespace regflow::cli::render
