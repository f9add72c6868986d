// The parser of the rules language: precedence climbing over the lexer's tokens.
//
// Precedence, loosest first: `or`, `and`, `not`, then comparisons (`== != < <= > >=`) and `in`,
// which do not chain. Nesting (parentheses, `not`) is bounded so that no input can exhaust the
// stack: deeper input is an error, not a crash.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "engine/rules/ast.hpp"

namespace regflow::rules {

/// The deepest nesting of parentheses and `not` that an expression may use.
inline constexpr int kMaxDepth = 64;
/// The tallest tree an expression may make, e.g. `a or b or c …` with this many operators; it
/// bounds the recursion of the type checker and the evaluator.
inline constexpr int kMaxHeight = 256;

struct ParseError {
  std::size_t offset = 0;  ///< 0-based byte offset where the caret goes
  std::string message;     ///< english(said)
  model::Message said;     ///< what went wrong, for a renderer to word
};

struct ParseResult {
  NodePtr root;  ///< null when there is an error
  std::optional<ParseError> error;
};

/// Parses one expression; the tree is untyped until the type checker runs.
ParseResult parse(std::string_view text);

}  // namespace regflow::rules
