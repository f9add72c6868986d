#include "engine/deadline/table_period.hpp"

#include <cmath>

#include "engine/rules/decision_table.hpp"
#include "engine/rules/rule_set.hpp"

namespace regflow::deadline {

std::optional<time::Duration> period_value(const model::Value& value,
                                           const model::TablePeriod& period) {
  if (const auto* number = std::get_if<double>(&value)) {
    if (!period.unit || *number < 0 || *number > time::kMaxDurationDays ||
        std::floor(*number) != *number) {
      return std::nullopt;
    }
    return time::Duration{static_cast<int>(*number), *period.unit};
  }
  if (const auto* text = std::get_if<std::string>(&value)) return time::parse_duration(*text);
  return std::nullopt;
}

ResolvedPeriod resolve_period(const model::TablePeriod& period, const rules::RuleSet& rules,
                              const rules::EvalInput& input) {
  ResolvedPeriod resolved;
  resolved.within = period.otherwise;
  const auto* table = rules.find_table(period.table);
  if (table == nullptr) return resolved;
  const auto row = rules::match(*table, input);
  if (!row) return resolved;
  const auto& outputs = table->rows[*row].outputs;
  auto it = outputs.find(period.output);
  if (it == outputs.end()) return resolved;
  if (auto within = period_value(it->second, period)) {
    resolved.within = within;
    resolved.basis = table->rows[*row].basis;
    resolved.row = row;
  }
  return resolved;
}

std::string period_key(const std::string& deadline) {
  return "period." + deadline;
}
std::string period_basis_key(const std::string& deadline) {
  return "period_basis." + deadline;
}

}  // namespace regflow::deadline
