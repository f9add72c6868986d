#include "engine/rules/scope.hpp"

#include <algorithm>
#include <utility>

#include "engine/model/spelling.hpp"

namespace regflow::rules {

const std::vector<std::pair<std::string, model::ValueType>>& builtin_names() {
  static const std::vector<std::pair<std::string, model::ValueType>> kBuiltins{
      {"workflow", model::ValueType::Text},
      {"step", model::ValueType::Text},
      {"today", model::ValueType::Date},
      {"started", model::ValueType::Date},
      {"days_in_step", model::ValueType::Number},
      {"working_days_in_step", model::ValueType::Number},
  };
  return kBuiltins;
}

std::optional<model::ValueType> builtin_type(std::string_view name) {
  for (const auto& [builtin, type] : builtin_names()) {
    if (builtin == name) return type;
  }
  return std::nullopt;
}

}  // namespace regflow::rules
