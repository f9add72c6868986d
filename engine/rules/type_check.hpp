// The type checker of the rules language: resolves every name of a parsed expression (variable,
// role binding, built-in or named rule), gives every node a type, and reports each problem — an
// unknown name, a type mismatch, an enum value that does not exist — as a Diagnostic whose caret
// points inside the expression. It keeps going after an error, but does not report follow-on
// errors of one it has already reported.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/diagnostic.hpp"
#include "engine/model/value.hpp"
#include "engine/rules/ast.hpp"
#include "engine/rules/scope.hpp"

namespace regflow::rules {

class RuleSet;

/// The type of an expression; for Enum, the accepted values.
struct ExpressionType {
  model::ValueType type = model::ValueType::Bool;
  std::vector<std::string> values;
};

/// What the checker needs besides the tree: the text and its position for diagnostics, and the
/// names it may resolve.
struct CheckContext {
  std::string_view text;
  model::SourceLocation where;  ///< the expression's first character in its file
  const Scope& scope;
  const RuleSet& rules;
};

/// Types `root` in place (Node::type, Name::kind) and appends problems to `out`. Returns the
/// expression's type, or nullopt when it has an error.
std::optional<ExpressionType> type_check(Node& root, const CheckContext& context,
                                         model::Diagnostics& out);

}  // namespace regflow::rules
