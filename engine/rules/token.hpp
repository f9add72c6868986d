// The lexer of the rules language: turns an expression such as
// `kategori in ['apbd', 'pajak_daerah'] and not reached('fasilitasi')` into tokens, each with its
// byte offset in the expression so that every later error can point a caret at it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/message.hpp"

namespace regflow::rules {

enum class TokenKind {
  Number,      ///< 42, 3.5
  String,      ///< 'text' or "text"; Token::value holds the text without quotes
  Date,        ///< 2026-03-21
  Identifier,  ///< kategori, reached
  True,
  False,
  And,
  Or,
  Not,
  In,
  Equal,         ///< ==
  NotEqual,      ///< !=
  Less,          ///< <
  LessEqual,     ///< <=
  Greater,       ///< >
  GreaterEqual,  ///< >=
  LeftParen,
  RightParen,
  LeftBracket,
  RightBracket,
  Comma,
  End,  ///< the end of the expression
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::string value;  ///< identifier or keyword as written, number/date as written, unquoted text
  std::size_t offset = 0;  ///< 0-based byte offset of the first character in the expression
  std::size_t length = 0;  ///< bytes in the expression, quotes included
};

/// A character the language does not know, or an unterminated string.
struct LexError {
  std::size_t offset = 0;
  std::string message;  ///< english(said)
  model::Message said;  ///< what went wrong, for a renderer to word
};

struct LexResult {
  std::vector<Token> tokens;  ///< always ends with an End token when there is no error
  std::optional<LexError> error;
};

/// Splits `text` into tokens; stops at the first error.
LexResult tokenize(std::string_view text);

/// How a token is named in an error message: "')'", "'and'", "end of expression".
model::Message describe(const Token& token);

}  // namespace regflow::rules
