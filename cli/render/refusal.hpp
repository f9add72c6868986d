// Refusals in words: what was wrong and what would be accepted. The one place their English
// text lives, so that a translation replaces this file only.
#pragma once

#include <string>

#include "engine/runtime/refusal.hpp"

namespace regflow::cli::render {

std::string refusal_text(const runtime::Refusal& refusal);

}  // namespace regflow::cli::render
