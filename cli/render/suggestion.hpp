// The hint after a misspelt name, in the reader's language: " (did you mean 'advance'?)".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace regflow::cli::render {

/// " (did you mean 'x'?)" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace regflow::cli::render
