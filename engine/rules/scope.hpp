// What an expression may name: the variables a workflow (or the rule files) declare, the role
// bindings of a dossier, and the steps that reached('…') may ask about. The built-in names
// (`workflow`, `step`, `today`, `started`, `days_in_step`, `working_days_in_step`) are always
// there.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/value.hpp"

namespace regflow::rules {

/// A declared variable: its type, and for an enum (or a list of enum values) the accepted values.
struct VariableInfo {
  model::ValueType type = model::ValueType::Text;
  std::vector<std::string> values;

  friend bool operator==(const VariableInfo&, const VariableInfo&) = default;
};

/// The names an expression may use in one workflow.
struct Scope {
  std::map<std::string, VariableInfo> variables;
  std::vector<std::string> roles;  ///< role binding names; typed text (the bound agency code)
  std::vector<std::string> steps;  ///< the workflow's steps, for reached('…')
  /// False for named rules in rules/*.yaml: they belong to no workflow, so reached() and role
  /// bindings mean nothing there.
  bool in_workflow = true;
};

/// The built-in names and their types, in the order documented in docs/rules-language.md.
const std::vector<std::pair<std::string, model::ValueType>>& builtin_names();

/// The type of a built-in name; nullopt when `name` is not one.
std::optional<model::ValueType> builtin_type(std::string_view name);

}  // namespace regflow::rules
