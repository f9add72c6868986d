#include "cli/render/rules.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <optional>

#include "cli/render/table.hpp"
#include "cli/render/translate.hpp"
#include "engine/rules/rule_set.hpp"

namespace regflow::cli::render {
namespace {

// Rules files are read from the config folder; show them relative to it, as `check` does.
std::string place(const load::ConfigSet& config, const model::SourceLocation& where) {
  std::error_code ec;
  auto relative = std::filesystem::relative(where.file, config.root, ec);
  std::string file = where.file;
  if (!ec && !relative.empty() && relative.native().rfind("..", 0) != 0) file = relative.string();
  return where.line > 0 ? fmt::format("{}:{}", file, where.line) : file;
}

std::string type_text(const rules::VariableInfo& info) {
  if (info.type == model::ValueType::Enum) {
    return fmt::format("enum [{}]", fmt::join(info.values, ", "));
  }
  return model::type_name(info.type);
}

std::string where_used(const check::RuleUse& use) {
  switch (use.kind) {
    case check::UseKind::Guard:
    case check::UseKind::Route:
      return use.kind == check::UseKind::Guard
                 ? trf("{}: guard of {}/{}", use.workflow, use.step, use.action)
                 : trf("{}: route of {}/{}", use.workflow, use.step, use.action);
    case check::UseKind::Period:
      return trf("{}: '{}' is the period of deadline {}", use.workflow, use.output, use.deadline);
    case check::UseKind::Rule:
      return trf("rule {}", use.rule);
  }
  return {};
}

std::string hit_name(rules::HitPolicy hit) {
  return hit == rules::HitPolicy::First ? "first" : "unique";
}

std::string value_text(const std::optional<model::Value>& value) {
  return value ? model::to_text(*value) : tr("not set");
}

nlohmann::json value_json(const std::optional<model::Value>& value) {
  if (!value) return nullptr;
  if (const auto* b = std::get_if<bool>(&*value)) return *b;
  if (const auto* d = std::get_if<double>(&*value)) return *d;
  if (const auto* l = std::get_if<std::vector<std::string>>(&*value)) return *l;
  return model::to_text(*value);
}

nlohmann::json uses_json(const load::ConfigSet& config, const RuleUses& uses,
                         const std::string& name) {
  nlohmann::json out = nlohmann::json::array();
  auto it = uses.find(name);
  if (it == uses.end()) return out;
  for (const auto& use : it->second) {
    nlohmann::json entry = {{"kind", check::use_kind_name(use.kind)},
                            {"at", place(config, use.location)}};
    if (!use.workflow.empty()) entry["workflow"] = use.workflow;
    if (!use.step.empty()) entry["step"] = use.step;
    if (!use.action.empty()) entry["action"] = use.action;
    if (!use.deadline.empty()) entry["deadline"] = use.deadline;
    if (!use.output.empty()) entry["output"] = use.output;
    if (!use.rule.empty()) entry["rule"] = use.rule;
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

std::string rules_text(const load::ConfigSet& config, const RuleUses& uses) {
  const auto& set = config.rules;
  std::string out;
  Table rules({tr("RULE"), tr("TYPE"), tr("READS"), tr("DEFINED AT")});
  for (const auto& name : set.rule_names()) {
    const auto* rule = set.find_rule(name);
    const std::string type =
        rule->expression ? type_text({rule->expression->type(), rule->expression->enum_values()})
                         : tr("(error)");
    rules.add({name, type, fmt::format("{}", fmt::join(rule->inputs, ", ")),
               place(config, rule->name_location)});
  }
  out += rules.empty() ? tr("no named rules") + "\n" : rules.str();

  Table tables({tr("TABLE"), tr("HIT"), tr("INPUTS -> OUTPUTS"), tr("ROWS"), tr("DEFINED AT")});
  for (const auto& name : set.table_names()) {
    const auto* table = set.find_table(name);
    std::vector<std::string> inputs;
    std::vector<std::string> outputs;
    for (const auto& input : table->inputs) inputs.push_back(input.name);
    for (const auto& output : table->outputs) {
      outputs.push_back(output.type == model::ValueType::Text
                            ? output.name
                            : output.name + " (" + model::type_name(output.type) + ")");
    }
    tables.add({name, hit_name(table->hit),
                fmt::format("{} -> {}", fmt::join(inputs, ", "), fmt::join(outputs, ", ")),
                std::to_string(table->rows.size()), place(config, table->location)});
  }
  out += "\n";
  out += tables.empty() ? tr("no decision tables") + "\n" : tables.str();

  Table used({tr("NAME"), tr("USED BY"), tr("AT")});
  std::vector<std::string> names = set.rule_names();
  for (const auto& name : set.table_names()) names.push_back(name);
  for (const auto& name : names) {
    auto it = uses.find(name);
    if (it == uses.end()) {
      used.add({name, tr("not used"), "-"});
      continue;
    }
    for (const auto& use : it->second) {
      used.add({name, where_used(use), place(config, use.location)});
    }
  }
  if (!used.empty()) out += "\n" + used.str();
  return out;
}

nlohmann::json rules_json(const load::ConfigSet& config, const RuleUses& uses) {
  const auto& set = config.rules;
  nlohmann::json out = {{"rules", nlohmann::json::array()}, {"tables", nlohmann::json::array()}};
  for (const auto& name : set.rule_names()) {
    const auto* rule = set.find_rule(name);
    nlohmann::json entry = {
        {"name", name},
        {"at", place(config, rule->name_location)},
        {"expression", rule->text},
        {"type", rule->expression ? model::type_name(rule->expression->type()) : "error"},
        {"reads", rule->inputs},
        {"description", rule->description},
        {"basis", rule->basis},
        {"used_by", uses_json(config, uses, name)}};
    if (rule->expression && !rule->expression->enum_values().empty()) {
      entry["values"] = rule->expression->enum_values();
    }
    out["rules"].push_back(std::move(entry));
  }
  for (const auto& name : set.table_names()) {
    const auto* table = set.find_table(name);
    nlohmann::json inputs = nlohmann::json::array();
    nlohmann::json outputs = nlohmann::json::array();
    for (const auto& input : table->inputs) {
      inputs.push_back({{"name", input.name}, {"type", model::type_name(input.info.type)}});
    }
    for (const auto& output : table->outputs) {
      outputs.push_back({{"name", output.name}, {"type", model::type_name(output.type)}});
    }
    out["tables"].push_back({{"name", name},
                             {"at", place(config, table->location)},
                             {"hit", hit_name(table->hit)},
                             {"inputs", inputs},
                             {"outputs", outputs},
                             {"rows", table->rows.size()},
                             {"description", table->description},
                             {"basis", table->basis},
                             {"used_by", uses_json(config, uses, name)}});
  }
  return out;
}

std::string evaluation_text(const rules::Evaluation& evaluation, model::ValueType type) {
  std::string out = fmt::format("{} ({})\n", value_text(evaluation.value), model::type_name(type));
  if (evaluation.inputs.empty()) return out;
  Table reads({tr("READ"), tr("VALUE")});

  for (const auto& read : evaluation.inputs) reads.add({read.name, value_text(read.value)});
  return out + "\n" + reads.str();
}

nlohmann::json evaluation_json(const std::string& expression, const rules::Evaluation& evaluation,
                               model::ValueType type) {
  nlohmann::json reads = nlohmann::json::array();
  for (const auto& read : evaluation.inputs) {
    reads.push_back({{"name", read.name}, {"value", value_json(read.value)}});
  }
  return {{"expression", expression},
          {"type", model::type_name(type)},
          {"value", value_json(evaluation.value)},
          {"reads", reads}};
}

}  // namespace regflow::cli::render
