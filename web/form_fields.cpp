#include "web/form_fields.hpp"

#include "cli/render/variable_facts.hpp"
#include "engine/model/value.hpp"

namespace regflow::web {

nlohmann::json variable_field(const model::VariableDecl& variable, const std::string& value,
                              bool start_form, bool use_default) {
  using T = model::ValueType;
  // A checkbox cannot say "not known yet": only a yes/no with a declared default is one (a
  // workflow may leave a fact unset on purpose, and its rules read that as unknown).
  const bool checkbox = variable.type == T::Bool && start_form && variable.default_value;
  std::string shown = value;
  if (shown.empty() && use_default && variable.default_value) {
    shown = model::to_text(*variable.default_value);
  }
  nlohmann::json options = nlohmann::json::array();
  for (const auto& v : variable.values) {
    options.push_back(
        {{"value", v}, {"label", cli::render::enum_label(v)}, {"selected", v == shown}});
  }
  return {{"name", variable.name},
          {"field", std::string(kSetPrefix) + variable.name},
          {"bool_field", std::string(kBoolPrefix) + variable.name},
          {"title", variable.title.empty() ? variable.name : variable.title},
          {"required", variable.required},
          {"value", shown},
          {"checked", shown == "true"},
          {"is_enum", variable.type == T::Enum},
          {"is_date", variable.type == T::Date},
          {"is_bool", checkbox},
          {"is_yes_no", variable.type == T::Bool && !checkbox},
          {"yes", shown == "true"},
          {"no", shown == "false"},
          {"is_number", variable.type == T::Number},
          {"is_text", variable.type == T::Text || variable.type == T::List},
          {"options", options}};
}

std::map<std::string, std::string> posted_sets(const std::map<std::string, std::string>& form) {
  const std::string set_prefix = kSetPrefix;
  const std::string bool_prefix = kBoolPrefix;
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : form) {
    if (key.rfind(set_prefix, 0) == 0 && !value.empty()) out[key.substr(set_prefix.size())] = value;
  }
  for (const auto& [key, value] : form) {
    if (key.rfind(bool_prefix, 0) != 0) continue;
    const std::string name = key.substr(bool_prefix.size());
    if (out.count(name) == 0) out[name] = "false";
  }
  return out;
}

}  // namespace regflow::web
