#include "engine/rules/parser.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

#include "engine/rules/token.hpp"

namespace regflow::rules {

const char* spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Or:
      return "or";
    case BinaryOp::And:
      return "and";
    case BinaryOp::Equal:
      return "==";
    case BinaryOp::NotEqual:
      return "!=";
    case BinaryOp::Less:
      return "<";
    case BinaryOp::LessEqual:
      return "<=";
    case BinaryOp::Greater:
      return ">";
    case BinaryOp::GreaterEqual:
      return ">=";
    case BinaryOp::In:
      return "in";
  }
  return "?";
}

namespace {

std::optional<BinaryOp> comparison_op(TokenKind kind) {
  switch (kind) {
    case TokenKind::Equal:
      return BinaryOp::Equal;
    case TokenKind::NotEqual:
      return BinaryOp::NotEqual;
    case TokenKind::Less:
      return BinaryOp::Less;
    case TokenKind::LessEqual:
      return BinaryOp::LessEqual;
    case TokenKind::Greater:
      return BinaryOp::Greater;
    case TokenKind::GreaterEqual:
      return BinaryOp::GreaterEqual;
    case TokenKind::In:
      return BinaryOp::In;
    case TokenKind::Number:
    case TokenKind::String:
    case TokenKind::Date:
    case TokenKind::Identifier:
    case TokenKind::True:
    case TokenKind::False:
    case TokenKind::And:
    case TokenKind::Or:
    case TokenKind::Not:
    case TokenKind::LeftParen:
    case TokenKind::RightParen:
    case TokenKind::LeftBracket:
    case TokenKind::RightBracket:
    case TokenKind::Comma:
    case TokenKind::End:
      return std::nullopt;
  }
  return std::nullopt;
}

// Thrown inside the parser only, to unwind to parse(); never escapes it.
struct Failure {
  ParseError error;
};

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  NodePtr parse_all() {
    NodePtr root = parse_or();
    if (peek().kind != TokenKind::End) {
      if (comparison_op(peek().kind)) {
        fail(peek().offset,
             model::say("comparisons do not chain: use 'and' between them, or parentheses"));
      }
      fail(peek().offset, model::say("expected 'and', 'or' or the end of the expression, found {}",
                                     describe(peek())));
    }
    return root;
  }

 private:
  [[noreturn]] static void fail(std::size_t offset, model::Message said) {
    std::string message = model::english(said);
    throw Failure{ParseError{offset, std::move(message), std::move(said)}};
  }

  const Token& peek() const { return tokens_[position_]; }
  // Never moves past the End token, so a truncated expression cannot read beyond the tokens.
  const Token& advance() {
    const Token& token = tokens_[position_];
    if (token.kind != TokenKind::End) ++position_;
    return token;
  }

  // Counts one level of nesting for the duration of a scope.
  class DepthGuard {
   public:
    DepthGuard(Parser& parser, std::size_t offset) : parser_(parser) {
      if (++parser_.depth_ > kMaxDepth) {
        fail(offset,
             model::say("expression is nested too deeply (more than {} levels)", kMaxDepth));
      }
    }
    ~DepthGuard() { --parser_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser& parser_;
  };

  static NodePtr make(std::size_t offset, std::size_t end, auto kind) {
    auto node = std::make_unique<Node>();
    node->kind = std::move(kind);
    node->offset = offset;
    node->length = end - offset;
    return node;
  }

  static std::size_t end_of(const Node& node) { return node.offset + node.length; }

  NodePtr binary(BinaryOp op, std::size_t operator_offset, NodePtr left, NodePtr right) {
    const std::size_t offset = left->offset;
    const std::size_t end = end_of(*right);
    const int height = std::max(left->height, right->height) + 1;
    if (height > kMaxHeight) {
      fail(operator_offset,
           model::say("expression is too long (more than {} operators deep); split it into named "
                      "rules",
                      kMaxHeight));
    }
    NodePtr node =
        make(offset, end, Binary{op, std::move(left), std::move(right), operator_offset});
    node->height = height;
    return node;
  }

  NodePtr parse_or() {
    NodePtr left = parse_and();
    while (peek().kind == TokenKind::Or) {
      const std::size_t at = advance().offset;
      left = binary(BinaryOp::Or, at, std::move(left), parse_and());
    }
    return left;
  }

  NodePtr parse_and() {
    NodePtr left = parse_not();
    while (peek().kind == TokenKind::And) {
      const std::size_t at = advance().offset;
      left = binary(BinaryOp::And, at, std::move(left), parse_not());
    }
    return left;
  }

  NodePtr parse_not() {
    if (peek().kind == TokenKind::Not) {
      DepthGuard guard(*this, peek().offset);
      const std::size_t at = advance().offset;
      NodePtr operand = parse_not();
      const std::size_t end = end_of(*operand);
      const int height = operand->height + 1;
      NodePtr node = make(at, end, Not{std::move(operand)});
      node->height = height;
      return node;
    }
    return parse_comparison();
  }

  NodePtr parse_comparison() {
    NodePtr left = parse_primary();
    if (auto op = comparison_op(peek().kind)) {
      const std::size_t at = advance().offset;
      left = binary(*op, at, std::move(left), parse_primary());
    }
    return left;
  }

  NodePtr parse_primary() {
    const Token& token = advance();
    const std::size_t end = token.offset + token.length;
    switch (token.kind) {
      case TokenKind::Number: {
        double number = 0;
        const char* first = token.value.data();
        const char* last = first + token.value.size();
        auto [ptr, ec] = std::from_chars(first, last, number);
        if (ec != std::errc{} || ptr != last || !std::isfinite(number)) {
          fail(token.offset, model::say("number '{}' is too large", token.value));
        }
        return make(token.offset, end, Literal{number});
      }
      case TokenKind::String:
        return make(token.offset, end, Literal{token.value});
      case TokenKind::True:
        return make(token.offset, end, Literal{true});
      case TokenKind::False:
        return make(token.offset, end, Literal{false});
      case TokenKind::Date: {
        auto date = time::parse_date(token.value);
        if (!date) fail(token.offset, model::say("'{}' is not a calendar date", token.value));
        return make(token.offset, end, Literal{*date});
      }
      case TokenKind::Identifier:
        if (peek().kind == TokenKind::LeftParen) return parse_call(token);
        return make(token.offset, end, Name{token.value, NameKind::Unresolved});
      case TokenKind::LeftParen: {
        DepthGuard guard(*this, token.offset);
        NodePtr inner = parse_or();
        if (peek().kind != TokenKind::RightParen) {
          fail(peek().offset, model::say("expected ')' to close the '(' at column {}, found {}",
                                         token.offset + 1, describe(peek())));
        }
        const Token& close = advance();
        // The parentheses belong to the node's span, so carets and descriptions include them.
        inner->offset = token.offset;
        inner->length = close.offset + 1 - token.offset;
        return inner;
      }
      case TokenKind::LeftBracket:
        return parse_list(token);
      case TokenKind::End:
      case TokenKind::And:
      case TokenKind::Or:
      case TokenKind::Not:
      case TokenKind::In:
      case TokenKind::Equal:
      case TokenKind::NotEqual:
      case TokenKind::Less:
      case TokenKind::LessEqual:
      case TokenKind::Greater:
      case TokenKind::GreaterEqual:
      case TokenKind::RightParen:
      case TokenKind::RightBracket:
      case TokenKind::Comma:
        break;
    }
    fail(token.offset, model::say("expected a value, a name or '(', found {}", describe(token)));
  }

  NodePtr parse_call(const Token& name) {
    if (name.value != "reached") {
      fail(name.offset,
           model::say("unknown function '{}'; the only function is 'reached'", name.value));
    }
    advance();  // (
    const Token& argument = advance();
    if (argument.kind != TokenKind::String || peek().kind != TokenKind::RightParen) {
      fail(argument.offset,
           model::say(
               "reached() takes one step name in quotes, e.g. reached('persetujuan_bersama')"));
    }
    const Token& close = advance();
    return make(name.offset, close.offset + 1, Reached{argument.value, argument.offset});
  }

  NodePtr parse_list(const Token& open) {
    ListLiteral list;
    if (peek().kind != TokenKind::RightBracket) {
      while (true) {
        const Token& item = advance();
        if (item.kind != TokenKind::String) {
          fail(item.offset,
               model::say("a list holds text in quotes, e.g. ['apbd', 'pajak_daerah']; found {}",
                          describe(item)));
        }
        list.items.push_back(item.value);
        list.offsets.push_back(item.offset);
        if (peek().kind == TokenKind::Comma) {
          advance();
          continue;
        }
        if (peek().kind != TokenKind::RightBracket) {
          fail(peek().offset,
               model::say("expected ',' or ']' in the list, found {}", describe(peek())));
        }
        break;
      }
    }
    const Token& close = advance();
    return make(open.offset, close.offset + 1, std::move(list));
  }

  std::vector<Token> tokens_;
  std::size_t position_ = 0;
  int depth_ = 0;
};

}  // namespace

ParseResult parse(std::string_view text) {
  LexResult lexed = tokenize(text);
  if (lexed.error) {
    return ParseResult{nullptr,
                       ParseError{lexed.error->offset, lexed.error->message, lexed.error->said}};
  }
  try {
    Parser parser(std::move(lexed.tokens));
    return ParseResult{parser.parse_all(), std::nullopt};
  } catch (const Failure& failure) {
    return ParseResult{nullptr, failure.error};
  }
}

}  // namespace regflow::rules
