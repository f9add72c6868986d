// Refusals in words: what was wrong and what would be accepted, in the current language
// (cli/render/translate.hpp; English message ids here, Indonesian in po/id.po).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/runtime/refusal.hpp"

namespace regflow::cli::render {

std::string refusal_text(const runtime::Refusal& refusal);

/// For a guard that is false: "requires kategori in ['apbd', 'pajak'] — kategori is 'umum'".
std::string guard_text(const std::string& guard,
                       const std::vector<std::pair<std::string, std::string>>& reads);

}  // namespace regflow::cli::render
