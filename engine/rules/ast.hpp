// The syntax tree of a rules expression. The parser builds it; the type checker fills in each
// node's type and what each name refers to; after that it is shared read-only by the evaluator.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "engine/model/value.hpp"

namespace regflow::rules {

struct Node;
using NodePtr = std::unique_ptr<Node>;

enum class BinaryOp { Or, And, Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, In };

/// What a name refers to; set by the type checker.
enum class NameKind { Unresolved, Variable, Binding, Builtin, Rule };

/// A number, text, date or boolean written in the expression.
struct Literal {
  model::Value value;
};

/// ['apbd', 'pajak_daerah']: a list of text.
struct ListLiteral {
  std::vector<std::string> items;
  std::vector<std::size_t> offsets;  ///< where each item starts, for errors about one item
};

/// A dossier variable, a role binding, a built-in or a named rule.
struct Name {
  std::string name;
  NameKind kind = NameKind::Unresolved;
};

/// reached('step'): true once the dossier has been in that step.
struct Reached {
  std::string step;
  std::size_t argument_offset = 0;
};

struct Not {
  NodePtr operand;
};

struct Binary {
  BinaryOp op = BinaryOp::And;
  NodePtr left;
  NodePtr right;
  std::size_t operator_offset = 0;
};

struct Node {
  std::variant<Literal, ListLiteral, Name, Reached, Not, Binary> kind;
  std::size_t offset = 0;  ///< 0-based byte offset of the node's first character
  std::size_t length = 0;  ///< bytes the node spans in the expression
  int height = 1;          ///< levels of nodes from here down, bounded by the parser
  model::ValueType type = model::ValueType::Bool;  ///< set by the type checker
};

/// "==", "and", "in", … as written in the language.
const char* spelling(BinaryOp op);

}  // namespace regflow::rules
