#include "cli/render/suggestion.hpp"

#include "cli/render/translate.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::cli::render {

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const auto match = model::closest_match(word, candidates);
  return match ? trf(" (did you mean '{}'?)", *match) : std::string{};
}

}  // namespace regflow::cli::render
