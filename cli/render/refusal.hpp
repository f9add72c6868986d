// Refusals in words: what was wrong and what would be accepted. The one place their English
// text lives, so that a translation replaces this file only.
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
