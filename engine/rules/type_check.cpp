#include "engine/rules/type_check.hpp"

#include <algorithm>
#include <utility>

#include "engine/model/spelling.hpp"
#include "engine/rules/compiled_expression.hpp"
#include "engine/rules/rule_set.hpp"

namespace regflow::rules {
namespace {

using model::ValueType;

constexpr std::size_t kMaxDescribed = 40;

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool is_ordered(ValueType type) {
  return type == ValueType::Number || type == ValueType::Date;
}
bool is_textual(ValueType type) {
  return type == ValueType::Text || type == ValueType::Enum;
}

class Checker {
 public:
  Checker(const CheckContext& context, model::Diagnostics& out) : context_(context), out_(out) {}

  std::optional<ExpressionType> check(Node& node) {
    auto result = std::visit([&](auto& kind) { return check_kind(node, kind); }, node.kind);
    if (result) node.type = result->type;
    return result;
  }

 private:
  void error(std::string code, std::size_t offset, model::Message said) {
    out_.push_back(
        expression_error(std::move(code), context_.text, context_.where, offset, std::move(said)));
  }

  // "number 'nilai'" for a name; "text \"a\"" or "bool (a and b)" as written otherwise.
  model::Message describe(const Node& node, ValueType type) const {
    std::string written;
    if (const auto* name = std::get_if<Name>(&node.kind)) {
      written = "'" + name->name + "'";
    } else {
      written = std::string(context_.text.substr(node.offset, node.length));
      if (written.size() > kMaxDescribed) written = written.substr(0, kMaxDescribed - 3) + "...";
    }
    return model::joined({model::type_word(type), model::verbatim(" " + written)});
  }

  std::optional<ExpressionType> check_kind(Node&, Literal& literal) {
    struct TypeOf {
      ValueType operator()(const std::string&) const { return ValueType::Text; }
      ValueType operator()(double) const { return ValueType::Number; }
      ValueType operator()(bool) const { return ValueType::Bool; }
      ValueType operator()(time::Date) const { return ValueType::Date; }
      ValueType operator()(const std::vector<std::string>&) const { return ValueType::List; }
    };
    return ExpressionType{std::visit(TypeOf{}, literal.value), {}};
  }

  std::optional<ExpressionType> check_kind(Node&, ListLiteral& list) {
    return ExpressionType{ValueType::List, list.items};
  }

  std::optional<ExpressionType> check_kind(Node& node, Name& name) {
    const Scope& scope = context_.scope;
    if (auto it = scope.variables.find(name.name); it != scope.variables.end()) {
      name.kind = NameKind::Variable;
      return ExpressionType{it->second.type, it->second.values};
    }
    if (scope.in_workflow && contains(scope.roles, name.name)) {
      name.kind = NameKind::Binding;
      return ExpressionType{ValueType::Text, {}};
    }
    if (auto type = builtin_type(name.name)) {
      name.kind = NameKind::Builtin;
      return ExpressionType{*type, {}};
    }
    if (const NamedRule* rule = context_.rules.find_rule(name.name)) {
      name.kind = NameKind::Rule;
      // A rule that failed to compile has been reported where it is defined.
      if (!rule->expression) return std::nullopt;
      if (scope.in_workflow) {
        model::SourceLocation use = context_.where;
        use.column = use.column > 0 ? use.column + static_cast<int>(node.offset) : 0;
        auto problems = check_rule_inputs(context_.rules, name.name, scope, use);
        out_.insert(out_.end(), problems.begin(), problems.end());
      }
      return ExpressionType{rule->expression->type(), rule->expression->enum_values()};
    }
    std::vector<std::string> candidates;
    for (const auto& [variable, info] : scope.variables) candidates.push_back(variable);
    if (scope.in_workflow)
      candidates.insert(candidates.end(), scope.roles.begin(), scope.roles.end());
    for (const auto& [builtin, type] : builtin_names()) candidates.push_back(builtin);
    for (const auto& rule : context_.rules.rule_names()) candidates.push_back(rule);
    error("E-RULE-UNKNOWN-NAME", node.offset,
          model::say("unknown name '{}'{}; not a variable, role, built-in or rule", name.name,
                     model::suggestion(name.name, candidates)));
    return std::nullopt;
  }

  std::optional<ExpressionType> check_kind(Node& node, Reached& reached) {
    if (!context_.scope.in_workflow) {
      error("E-RULE-UNKNOWN-STEP", node.offset,
            model::say("reached() cannot be used in a named rule: steps belong to a workflow"));
      return std::nullopt;
    }
    if (!contains(context_.scope.steps, reached.step)) {
      error("E-RULE-UNKNOWN-STEP", reached.argument_offset + 1,
            model::say("unknown step '{}' in reached(){}; steps: {}", reached.step,
                       model::suggestion(reached.step, context_.scope.steps),
                       model::quoted_list(context_.scope.steps)));
      return std::nullopt;
    }
    return ExpressionType{ValueType::Bool, {}};
  }

  std::optional<ExpressionType> check_kind(Node&, Not& negation) {
    auto operand = check(*negation.operand);
    if (!operand) return std::nullopt;
    if (operand->type != ValueType::Bool) {
      error("E-RULE-TYPE", negation.operand->offset,
            model::say("'not' needs a bool operand; found {}",
                       describe(*negation.operand, operand->type)));
      return std::nullopt;
    }
    return ExpressionType{ValueType::Bool, {}};
  }

  std::optional<ExpressionType> check_kind(Node&, Binary& binary) {
    auto left = check(*binary.left);
    auto right = check(*binary.right);
    if (!left || !right) return std::nullopt;
    const bool ok = [&] {
      switch (binary.op) {
        case BinaryOp::And:
        case BinaryOp::Or:
          return check_logical(binary, *left, *right);
        case BinaryOp::Equal:
        case BinaryOp::NotEqual:
          return check_equality(binary, *left, *right);
        case BinaryOp::Less:
        case BinaryOp::LessEqual:
        case BinaryOp::Greater:
        case BinaryOp::GreaterEqual:
          return check_ordering(binary, *left, *right);
        case BinaryOp::In:
          return check_in(binary, *left, *right);
      }
      return false;
    }();
    if (!ok) return std::nullopt;
    return ExpressionType{ValueType::Bool, {}};
  }

  bool check_logical(const Binary& binary, const ExpressionType& left,
                     const ExpressionType& right) {
    bool ok = true;
    for (const auto& [node, type] :
         {std::pair{binary.left.get(), left.type}, std::pair{binary.right.get(), right.type}}) {
      if (type != ValueType::Bool) {
        error("E-RULE-TYPE", node->offset,
              model::say("'{}' needs bool operands; found {}", spelling(binary.op),
                         describe(*node, type)));
        ok = false;
      }
    }
    return ok;
  }

  void mismatch(const Binary& binary, const ExpressionType& left, const ExpressionType& right) {
    error("E-RULE-TYPE", binary.right->offset,
          model::say("cannot compare {} with {}", describe(*binary.left, left.type),
                     describe(*binary.right, right.type)));
  }

  // An enum compared with text written in the expression: the text must be one of its values.
  bool check_enum_literal(const Node& enum_node, const ExpressionType& enum_type,
                          const Node& other) {
    const auto* literal = std::get_if<Literal>(&other.kind);
    if (literal == nullptr) return true;
    const auto* text = std::get_if<std::string>(&literal->value);
    if (text == nullptr) return true;
    return check_enum_value(enum_node, enum_type, *text, other.offset);
  }

  bool check_enum_value(const Node& enum_node, const ExpressionType& enum_type,
                        const std::string& value, std::size_t offset) {
    if (contains(enum_type.values, value)) return true;
    const auto* name = std::get_if<Name>(&enum_node.kind);
    model::Message what = name != nullptr ? model::verbatim("'" + name->name + "'")
                                          : describe(enum_node, ValueType::Enum);
    error("E-RULE-ENUM-VALUE", offset,
          model::say("'{}' is not a value of enum {}{}; accepted values: {}", value,
                     std::move(what), model::suggestion(value, enum_type.values),
                     model::quoted_list(enum_type.values)));
    return false;
  }

  bool check_equality(const Binary& binary, const ExpressionType& left,
                      const ExpressionType& right) {
    if (left.type == ValueType::Enum && is_textual(right.type)) {
      return check_enum_literal(*binary.left, left, *binary.right);
    }
    if (right.type == ValueType::Enum && is_textual(left.type)) {
      return check_enum_literal(*binary.right, right, *binary.left);
    }
    if (left.type != right.type) {
      mismatch(binary, left, right);
      return false;
    }
    return true;
  }

  bool check_ordering(const Binary& binary, const ExpressionType& left,
                      const ExpressionType& right) {
    if (left.type == right.type && is_ordered(left.type)) return true;
    if (left.type == right.type) {
      const bool left_bad = !is_ordered(left.type);
      const Node& bad = left_bad ? *binary.left : *binary.right;
      error("E-RULE-TYPE", bad.offset,
            model::say("'{}' compares numbers or dates; found {}", spelling(binary.op),
                       describe(bad, left_bad ? left.type : right.type)));
      return false;
    }
    mismatch(binary, left, right);
    return false;
  }

  bool check_in(const Binary& binary, const ExpressionType& left, const ExpressionType& right) {
    bool ok = true;
    if (!is_textual(left.type)) {
      error("E-RULE-TYPE", binary.left->offset,
            model::say("'in' tests a text or enum value; found {}",
                       describe(*binary.left, left.type)));
      ok = false;
    }
    if (right.type != ValueType::List) {
      error("E-RULE-TYPE", binary.right->offset,
            model::say("'in' needs a list on its right, e.g. ['apbd', 'pajak_daerah']; found {}",
                       describe(*binary.right, right.type)));
      return false;
    }
    if (ok && left.type == ValueType::Enum) {
      if (const auto* list = std::get_if<ListLiteral>(&binary.right->kind)) {
        for (std::size_t i = 0; i < list->items.size(); ++i) {
          ok = check_enum_value(*binary.left, left, list->items[i], list->offsets[i]) && ok;
        }
      }
    }
    return ok;
  }

  const CheckContext& context_;
  model::Diagnostics& out_;
};

}  // namespace

std::optional<ExpressionType> type_check(Node& root, const CheckContext& context,
                                         model::Diagnostics& out) {
  return Checker(context, out).check(root);
}

}  // namespace regflow::rules
