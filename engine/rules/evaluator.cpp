#include "engine/rules/evaluator.hpp"

#include <algorithm>

#include "engine/rules/rule_set.hpp"

namespace regflow::rules {
namespace {

using Result = std::optional<model::Value>;

class Evaluator {
 public:
  Evaluator(const EvalInput& input, const RuleSet& rules, std::vector<NameRead>& reads)
      : input_(input), rules_(rules), reads_(reads) {}

  Result eval(const Node& node) {
    return std::visit([&](const auto& kind) { return eval_kind(kind); }, node.kind);
  }

 private:
  bool truth(const Node& node) {
    const Result value = eval(node);
    const bool* b = value ? std::get_if<bool>(&*value) : nullptr;
    return b != nullptr && *b;
  }

  // Records the first read of a name; returns the index of its entry, or nullopt if already read.
  std::optional<std::size_t> record(const std::string& name) {
    const bool seen = std::any_of(reads_.begin(), reads_.end(),
                                  [&](const NameRead& read) { return read.name == name; });
    if (seen) return std::nullopt;
    reads_.push_back(NameRead{name, std::nullopt});
    return reads_.size() - 1;
  }

  Result remember(const std::string& name, Result value) {
    if (auto index = record(name)) reads_[*index].value = value;
    return value;
  }

  Result eval_kind(const Literal& literal) { return literal.value; }
  Result eval_kind(const ListLiteral& list) { return model::Value{list.items}; }

  Result eval_kind(const Name& name) {
    switch (name.kind) {
      case NameKind::Variable: {
        auto it = input_.variables.find(name.name);
        return remember(name.name, it == input_.variables.end() ? Result{} : Result{it->second});
      }
      case NameKind::Binding: {
        auto it = input_.bindings.find(name.name);
        return remember(name.name, it == input_.bindings.end() ? Result{} : Result{it->second});
      }
      case NameKind::Builtin:
        return remember(name.name, builtin(name.name));
      case NameKind::Rule: {
        const NamedRule* rule = rules_.find_rule(name.name);
        if (rule == nullptr || !rule->expression) return remember(name.name, Result{});
        const auto index = record(name.name);
        Result value = eval(rule->expression->root());
        if (index) reads_[*index].value = value;
        return value;
      }
      case NameKind::Unresolved:
        break;
    }
    return Result{};
  }

  Result builtin(const std::string& name) const {
    if (name == "workflow") return model::Value{input_.workflow};
    if (name == "step") return model::Value{input_.step};
    if (name == "today") return model::Value{input_.today};
    if (name == "started") return model::Value{input_.started};
    if (name == "days_in_step") return model::Value{input_.days_in_step};
    if (name == "working_days_in_step") return model::Value{input_.working_days_in_step};
    return Result{};
  }

  Result eval_kind(const Reached& reached) {
    return remember("reached('" + reached.step + "')",
                    model::Value{input_.reached.count(reached.step) > 0});
  }

  Result eval_kind(const Not& negation) { return model::Value{!truth(*negation.operand)}; }

  Result eval_kind(const Binary& binary) {
    switch (binary.op) {
      case BinaryOp::And:
        return model::Value{truth(*binary.left) && truth(*binary.right)};
      case BinaryOp::Or:
        return model::Value{truth(*binary.left) || truth(*binary.right)};
      case BinaryOp::Equal:
      case BinaryOp::NotEqual:
      case BinaryOp::Less:
      case BinaryOp::LessEqual:
      case BinaryOp::Greater:
      case BinaryOp::GreaterEqual:
      case BinaryOp::In:
        break;
    }
    const Result left = eval(*binary.left);
    const Result right = eval(*binary.right);
    if (!left || !right) return model::Value{false};
    return model::Value{compare(binary.op, *left, *right)};
  }

  static bool compare(BinaryOp op, const model::Value& left, const model::Value& right) {
    switch (op) {
      case BinaryOp::Equal:
        return left == right;
      case BinaryOp::NotEqual:
        return left.index() == right.index() && left != right;
      case BinaryOp::Less:
        return ordered(left, right, [](auto a, auto b) { return a < b; });
      case BinaryOp::LessEqual:
        return ordered(left, right, [](auto a, auto b) { return a <= b; });
      case BinaryOp::Greater:
        return ordered(left, right, [](auto a, auto b) { return a > b; });
      case BinaryOp::GreaterEqual:
        return ordered(left, right, [](auto a, auto b) { return a >= b; });
      case BinaryOp::In: {
        const auto* item = std::get_if<std::string>(&left);
        const auto* list = std::get_if<std::vector<std::string>>(&right);
        return item != nullptr && list != nullptr &&
               std::find(list->begin(), list->end(), *item) != list->end();
      }
      case BinaryOp::And:
      case BinaryOp::Or:
        break;
    }
    return false;
  }

  template <typename Less>
  static bool ordered(const model::Value& left, const model::Value& right, Less less) {
    if (const auto* a = std::get_if<double>(&left)) {
      const auto* b = std::get_if<double>(&right);
      return b != nullptr && less(*a, *b);
    }
    if (const auto* a = std::get_if<time::Date>(&left)) {
      const auto* b = std::get_if<time::Date>(&right);
      return b != nullptr && less(*a, *b);
    }
    return false;
  }

  const EvalInput& input_;
  const RuleSet& rules_;
  std::vector<NameRead>& reads_;
};

}  // namespace

bool Evaluation::is_true() const {
  const bool* b = value ? std::get_if<bool>(&*value) : nullptr;
  return b != nullptr && *b;
}

Evaluation evaluate(const CompiledExpression& expression, const EvalInput& input,
                    const RuleSet& rules) {
  Evaluation evaluation;
  Evaluator evaluator(input, rules, evaluation.inputs);
  evaluation.value = evaluator.eval(expression.root());
  if (expression.type() == model::ValueType::Bool && !evaluation.value) {
    evaluation.value = model::Value{false};
  }
  return evaluation;
}

}  // namespace regflow::rules
