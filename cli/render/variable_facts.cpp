#include "cli/render/variable_facts.hpp"

#include <algorithm>
#include <set>

#include "cli/render/dates.hpp"
#include "cli/render/printable.hpp"
#include "cli/render/translate.hpp"

namespace regflow::cli::render {
namespace {

std::string value_words(const model::Value& value, model::ValueType type) {
  if (const auto* yes = std::get_if<bool>(&value)) return *yes ? tr("yes") : tr("no");
  if (const auto* day = std::get_if<time::Date>(&value)) return date_text(*day);
  std::string text = printable(model::to_text(value));
  return type == model::ValueType::Enum ? enum_label(text) : text;
}

}  // namespace

std::string enum_label(const std::string& value) {
  std::string out = value;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::vector<VariableFact> variable_facts(const model::WorkflowDefinition& definition,
                                         const runtime::DossierState& state) {
  std::vector<VariableFact> out;
  std::set<std::string> declared;
  for (const auto& v : definition.variables) {
    declared.insert(v.name);
    VariableFact fact{v.name, v.title.empty() ? v.name : v.title, tr("not yet filled"), false};
    if (const auto it = state.variables.find(v.name); it != state.variables.end()) {
      fact.value = value_words(it->second, v.type);
      fact.filled = true;
    }
    out.push_back(std::move(fact));
  }
  for (const auto& [name, value] : state.variables) {
    if (!declared.contains(name))
      out.push_back({name, name, value_words(value, model::ValueType::Text), true});
  }
  return out;
}

}  // namespace regflow::cli::render
