// A checked expression: the typed syntax tree together with the text it came from and where that
// text sits in its file. Values of this type are immutable and cheap to copy (the tree is shared),
// so definitions can hold them and the runtime can evaluate them from any thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/diagnostic.hpp"
#include "engine/model/value.hpp"
#include "engine/rules/ast.hpp"

namespace regflow::rules {

class CompiledExpression {
 public:
  CompiledExpression(std::shared_ptr<const Node> root, model::ValueType type,
                     std::vector<std::string> enum_values, std::string text,
                     model::SourceLocation location, std::vector<std::string> variables,
                     std::vector<std::string> rules);

  /// The type of the whole expression (Bool for a guard).
  model::ValueType type() const { return type_; }
  /// For an Enum-typed expression, its accepted values; empty otherwise.
  const std::vector<std::string>& enum_values() const { return enum_values_; }
  /// The expression as written.
  const std::string& text() const { return text_; }
  /// Where the expression's first character is in its file.
  const model::SourceLocation& location() const { return location_; }
  /// The typed tree, for the evaluator.
  const Node& root() const { return *root_; }
  /// Declared variables the expression reads directly (not through rules), sorted, unique.
  const std::vector<std::string>& variables() const { return variables_; }
  /// Named rules the expression uses directly, sorted, unique.
  const std::vector<std::string>& rules() const { return rules_; }

 private:
  std::shared_ptr<const Node> root_;
  model::ValueType type_;
  std::vector<std::string> enum_values_;
  std::string text_;
  model::SourceLocation location_;
  std::vector<std::string> variables_;
  std::vector<std::string> rules_;
};

/// A diagnostic about the character at `offset` (0-based) of `text`, an expression whose first
/// character is at `where`: the location is that character in the file, source_line is the
/// expression's line holding it and caret_column the character's 1-based column in that line.
model::Diagnostic expression_error(std::string code, std::string_view text,
                                   const model::SourceLocation& where, std::size_t offset,
                                   model::Message said);

}  // namespace regflow::rules
