// Words for a comparison that cannot be made (app::compare_versions): `regflow diff` and the
// web's comparison page say the same.
#pragma once

#include <cstdint>
#include <string>

#include "engine/app/document_comparison.hpp"

namespace regflow::cli::render {

/// Why versions `from` and `to` of `kind` cannot be compared, and what can be.
std::string comparison_refusal_text(const app::ComparisonRefusal& refusal, const std::string& kind,
                                    std::int64_t from, std::int64_t to);

}  // namespace regflow::cli::render
