#include "engine/rules/expression.hpp"

#include <algorithm>
#include <memory>
#include <utility>

#include "engine/rules/parser.hpp"
#include "engine/rules/type_check.hpp"

namespace regflow::rules {
namespace {

void collect(const Node& node, std::vector<std::string>& variables,
             std::vector<std::string>& rules) {
  if (const auto* name = std::get_if<Name>(&node.kind)) {
    if (name->kind == NameKind::Variable) variables.push_back(name->name);
    if (name->kind == NameKind::Rule) rules.push_back(name->name);
  } else if (const auto* negation = std::get_if<Not>(&node.kind)) {
    collect(*negation->operand, variables, rules);
  } else if (const auto* binary = std::get_if<Binary>(&node.kind)) {
    collect(*binary->left, variables, rules);
    collect(*binary->right, variables, rules);
  }
}

void sort_unique(std::vector<std::string>& names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
}

}  // namespace

std::optional<CompiledExpression> compile(std::string_view text, const model::SourceLocation& where,
                                          const Scope& scope, const RuleSet& rules,
                                          model::Diagnostics& out) {
  ParseResult parsed = parse(text);
  if (parsed.error) {
    out.push_back(
        expression_error("E-RULE-SYNTAX", text, where, parsed.error->offset, parsed.error->said));
    return std::nullopt;
  }
  const CheckContext context{text, where, scope, rules};
  auto type = type_check(*parsed.root, context, out);
  if (!type) return std::nullopt;
  std::vector<std::string> variables;
  std::vector<std::string> used_rules;
  collect(*parsed.root, variables, used_rules);
  sort_unique(variables);
  sort_unique(used_rules);
  return CompiledExpression(std::shared_ptr<const Node>(std::move(parsed.root)), type->type,
                            std::move(type->values), std::string(text), where, std::move(variables),
                            std::move(used_rules));
}

std::optional<CompiledExpression> compile_condition(std::string_view text,
                                                    const model::SourceLocation& where,
                                                    const Scope& scope, const RuleSet& rules,
                                                    model::Diagnostics& out) {
  auto compiled = compile(text, where, scope, rules, out);
  if (compiled && compiled->type() != model::ValueType::Bool) {
    out.push_back(expression_error(
        "E-RULE-NOT-BOOL", text, where, compiled->root().offset,
        model::say("a condition must be true or false; found {} '{}' (compare it, e.g. with '==' "
                   "or 'in')",
                   model::type_word(compiled->type()), text)));
    return std::nullopt;
  }
  return compiled;
}

}  // namespace regflow::rules
