#include "engine/rules/rule_set.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <utility>

#include "engine/model/spelling.hpp"
#include "engine/rules/expression.hpp"
#include "engine/rules/parser.hpp"

namespace regflow::rules {
namespace {

constexpr int kUnvisited = 0;
constexpr int kInProgress = 1;
constexpr int kDone = 2;

void collect_names(const Node& node, std::vector<std::pair<std::string, std::size_t>>& out) {
  if (const auto* name = std::get_if<Name>(&node.kind)) {
    out.emplace_back(name->name, node.offset);
  } else if (const auto* negation = std::get_if<Not>(&node.kind)) {
    collect_names(*negation->operand, out);
  } else if (const auto* binary = std::get_if<Binary>(&node.kind)) {
    collect_names(*binary->left, out);
    collect_names(*binary->right, out);
  }
}

model::Message describe_info(const VariableInfo& info) {
  if (info.values.empty()) return model::type_word(info.type);
  return model::say("{} with values {}", model::type_word(info.type),
                    model::quoted_list(info.values));
}

}  // namespace

bool RuleSet::add_input(RuleInput input, model::Diagnostics& out) {
  if (auto it = inputs_.find(input.name); it != inputs_.end()) {
    auto d = model::make_error("E-DUPLICATE-INPUT", input.location,
                               model::say("input '{}' is declared twice", input.name));
    d.notes.push_back(
        model::say("first declared at {}:{}", it->second.location.file, it->second.location.line));
    out.push_back(std::move(d));
    return false;
  }
  const std::string name = input.name;
  inputs_.emplace(name, std::move(input));
  return true;
}

bool RuleSet::add_rule(NamedRule rule, model::Diagnostics& out) {
  if (auto it = rules_.find(rule.name); it != rules_.end()) {
    auto d = model::make_error("E-DUPLICATE-RULE", rule.name_location,
                               model::say("rule '{}' is defined twice", rule.name));
    d.notes.push_back(model::say("first defined at {}:{}", it->second.name_location.file,
                                 it->second.name_location.line));
    out.push_back(std::move(d));
    return false;
  }
  const std::string name = rule.name;
  rules_.emplace(name, std::move(rule));
  return true;
}

bool RuleSet::add_table(TableSource table, model::Diagnostics& out) {
  if (auto it = table_sources_.find(table.name); it != table_sources_.end()) {
    auto d = model::make_error("E-DUPLICATE-TABLE", table.location,
                               model::say("table '{}' is defined twice", table.name));
    d.notes.push_back(
        model::say("first defined at {}:{}", it->second.location.file, it->second.location.line));
    out.push_back(std::move(d));
    return false;
  }
  const std::string name = table.name;
  table_sources_.emplace(name, std::move(table));
  return true;
}

void RuleSet::finalize(model::Diagnostics& out) {
  for (auto& [name, rule] : rules_) {
    std::optional<model::Message> clash;
    if (inputs_.count(name) > 0) {
      clash = model::say("rule '{}' has the same name as an input", name);
    } else if (table_sources_.count(name) > 0) {
      clash = model::say("rule '{}' has the same name as a table", name);
    } else if (builtin_type(name)) {
      clash = model::say("rule '{}' has the same name as a built-in name", name);
    }
    if (clash) out.push_back(model::make_error("E-DUPLICATE-RULE", rule.name_location, *clash));
  }
  std::map<std::string, int> state;
  std::vector<std::string> path;
  for (const auto& [name, rule] : rules_) {
    if (state[name] == kUnvisited) compile_rule(name, state, path, out);
  }
  std::map<std::string, VariableInfo> declared;
  for (const auto& [name, input] : inputs_) declared.emplace(name, input.info);
  for (const auto& [name, source] : table_sources_) {
    if (auto table = build_table(source, declared, out)) tables_.emplace(name, std::move(*table));
  }
}

void RuleSet::compile_rule(const std::string& name, std::map<std::string, int>& state,
                           std::vector<std::string>& path, model::Diagnostics& out) {
  state[name] = kInProgress;
  path.push_back(name);
  NamedRule& rule = rules_.find(name)->second;
  // Rules used by this one are compiled first, so the type checker knows their types.
  if (ParseResult parsed = parse(rule.text); parsed.root) {
    std::vector<std::pair<std::string, std::size_t>> names;
    collect_names(*parsed.root, names);
    for (const auto& [used, offset] : names) {
      if (inputs_.count(used) > 0 || builtin_type(used) || rules_.count(used) == 0) continue;
      if (state[used] == kInProgress) {
        std::string cycle;
        const auto first = std::find(path.begin(), path.end(), used);
        for (auto it = first; it != path.end(); ++it) cycle += *it + " -> ";
        out.push_back(expression_error("E-RULE-CYCLE", rule.text, rule.location, offset,
                                       model::say("rule cycle: {}", cycle + used)));
      } else if (state[used] == kUnvisited) {
        compile_rule(used, state, path, out);
      }
    }
  }
  rule.expression = compile(rule.text, rule.location, scope(), *this, out);
  if (rule.expression) {
    std::set<std::string> inputs(rule.expression->variables().begin(),
                                 rule.expression->variables().end());
    for (const auto& used : rule.expression->rules()) {
      const NamedRule* other = find_rule(used);
      if (other != nullptr) inputs.insert(other->inputs.begin(), other->inputs.end());
    }
    rule.inputs.assign(inputs.begin(), inputs.end());
  }
  path.pop_back();
  state[name] = kDone;
}

const NamedRule* RuleSet::find_rule(std::string_view name) const {
  auto it = rules_.find(name);
  return it == rules_.end() ? nullptr : &it->second;
}

const DecisionTable* RuleSet::find_table(std::string_view name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

std::vector<std::string> RuleSet::rule_names() const {
  std::vector<std::string> names;
  for (const auto& [name, rule] : rules_) names.push_back(name);
  return names;
}

std::vector<std::string> RuleSet::table_names() const {
  std::vector<std::string> names;
  for (const auto& [name, table] : tables_) names.push_back(name);
  return names;
}

Scope RuleSet::scope() const {
  Scope scope;
  for (const auto& [name, input] : inputs_) scope.variables.emplace(name, input.info);
  scope.in_workflow = false;
  return scope;
}

model::Diagnostics check_rule_inputs(const RuleSet& rules, const std::string& name,
                                     const Scope& scope, const model::SourceLocation& use) {
  model::Diagnostics out;
  std::vector<std::string> reads;
  model::Message what;
  if (const NamedRule* rule = rules.find_rule(name)) {
    reads = rule->inputs;
    what = model::say("rule '{}'", name);
  } else if (const DecisionTable* table = rules.find_table(name)) {
    for (const auto& input : table->inputs) reads.push_back(input.name);
    what = model::say("table '{}'", name);
  } else {
    auto candidates = rules.rule_names();
    for (const auto& table_name : rules.table_names()) candidates.push_back(table_name);
    out.push_back(model::make_error(
        "E-RULE-UNKNOWN", use,
        model::say("unknown rule or table '{}'{}", name, model::suggestion(name, candidates))));
    return out;
  }
  for (const auto& input_name : reads) {
    const auto declared = rules.inputs().find(input_name);
    if (declared == rules.inputs().end()) continue;
    const VariableInfo& expected = declared->second.info;
    const auto found = scope.variables.find(input_name);
    if (found == scope.variables.end()) {
      out.push_back(model::make_error(
          "E-RULE-INPUT", use,
          model::say("{} reads '{}', which this workflow does not declare; declare it as {}", what,
                     input_name, describe_info(expected))));
      continue;
    }
    const VariableInfo& actual = found->second;
    auto sorted = [](std::vector<std::string> values) {
      std::sort(values.begin(), values.end());
      return values;
    };
    if (actual.type != expected.type || sorted(actual.values) != sorted(expected.values)) {
      out.push_back(model::make_error(
          "E-RULE-INPUT", use,
          model::say("{} reads '{}' as {}; this workflow declares it as {}", what, input_name,
                     describe_info(expected), describe_info(actual))));
    }
  }
  return out;
}

}  // namespace regflow::rules
