// Refusals in words: what was wrong and what would be accepted, in the current language
// (cli/render/translate.hpp; English message ids here, Indonesian in po/id.po).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/runtime/refusal.hpp"

namespace regflow::cli::render {

std::string refusal_text(const runtime::Refusal& refusal);

/// An --agency or ?agency= that names no agency, with a suggestion among `codes`: the same words
/// as the engine's refusal, for the commands and pages that filter by agency.
std::string unknown_agency_text(const std::string& code, const std::vector<std::string>& codes);
/// A --workflow or ?workflow= that names no loaded workflow, with the names loaded.
std::string unknown_workflow_text(const std::string& name, const std::vector<std::string>& names);

/// For a guard that is false: "requires kategori in ['apbd', 'pajak'] — kategori is 'umum'".
std::string guard_text(const std::string& guard,
                       const std::vector<std::pair<std::string, std::string>>& reads);

}  // namespace regflow::cli::render
