#include "engine/rules/token.hpp"

#include <array>
#include <utility>

namespace regflow::rules {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) {
  return is_name_start(c) || is_digit(c);
}

bool digits_at(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return false;
  for (std::size_t i = at; i < at + count; ++i) {
    if (!is_digit(text[i])) return false;
  }
  return true;
}

TokenKind keyword_or_identifier(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, TokenKind>, 6> kKeywords{{
      {"and", TokenKind::And},
      {"or", TokenKind::Or},
      {"not", TokenKind::Not},
      {"in", TokenKind::In},
      {"true", TokenKind::True},
      {"false", TokenKind::False},
  }};
  for (const auto& [keyword, kind] : kKeywords) {
    if (word == keyword) return kind;
  }
  return TokenKind::Identifier;
}

// Analysts who know other languages will type `&&`, `=` or `!`; tell them our word for it.
model::Message unexpected_character(char c) {
  std::string found = c >= 0x20 && c < 0x7f ? std::string(1, c) : "\\x" + [c] {
    static constexpr std::string_view kHex = "0123456789abcdef";
    const auto byte = static_cast<unsigned char>(c);
    return std::string{kHex[byte >> 4], kHex[byte & 0xf]};
  }();
  switch (c) {
    case '&':
      return model::say("unexpected character '{}' (write 'and')", found);
    case '|':
      return model::say("unexpected character '{}' (write 'or')", found);
    case '!':
      return model::say("unexpected character '{}' (write 'not' or '!=')", found);
    case '=':
      return model::say("unexpected character '{}' (write '==' to compare)", found);
    default:
      return model::say("unexpected character '{}'", found);
  }
}

LexError lex_error(std::size_t offset, model::Message said) {
  std::string message = model::english(said);
  return LexError{offset, std::move(message), std::move(said)};
}

}  // namespace

LexResult tokenize(std::string_view text) {
  LexResult result;
  std::size_t i = 0;
  auto push = [&](TokenKind kind, std::size_t start, std::size_t length, std::string value) {
    result.tokens.push_back(Token{kind, std::move(value), start, length});
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (is_digit(c)) {
      if (digits_at(text, i, 4) && i + 10 <= text.size() && text[i + 4] == '-' &&
          digits_at(text, i + 5, 2) && text[i + 7] == '-' && digits_at(text, i + 8, 2) &&
          (i + 10 == text.size() || !is_name_char(text[i + 10]))) {
        push(TokenKind::Date, start, 10, std::string(text.substr(start, 10)));
        i += 10;
        continue;
      }
      while (i < text.size() && is_digit(text[i])) ++i;
      if (i + 1 < text.size() && text[i] == '.' && is_digit(text[i + 1])) {
        ++i;
        while (i < text.size() && is_digit(text[i])) ++i;
      }
      if (i < text.size() && is_name_char(text[i])) {
        result.error = lex_error(
            start, model::say("malformed number '{}'", text.substr(start, i + 1 - start)));
        return result;
      }
      push(TokenKind::Number, start, i - start, std::string(text.substr(start, i - start)));
      continue;
    }
    if (is_name_start(c)) {
      while (i < text.size() && is_name_char(text[i])) ++i;
      const auto word = text.substr(start, i - start);
      push(keyword_or_identifier(word), start, i - start, std::string(word));
      continue;
    }
    if (c == '\'' || c == '"') {
      std::string value;
      ++i;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == c || text[i + 1] == '\\')) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        if (text[i] == c) {
          closed = true;
          ++i;
          break;
        }
        value += text[i++];
      }
      if (!closed) {
        result.error = lex_error(
            start, model::say("unterminated text: no closing {}", c == '\'' ? "'" : "\""));
        return result;
      }
      push(TokenKind::String, start, i - start, std::move(value));
      continue;
    }
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    auto two = [&](TokenKind kind, const char* spelled) {
      push(kind, start, 2, spelled);
      i += 2;
    };
    auto one = [&](TokenKind kind) {
      push(kind, start, 1, std::string(1, c));
      i += 1;
    };
    if (c == '=' && next == '=') {
      two(TokenKind::Equal, "==");
    } else if (c == '!' && next == '=') {
      two(TokenKind::NotEqual, "!=");
    } else if (c == '<' && next == '=') {
      two(TokenKind::LessEqual, "<=");
    } else if (c == '>' && next == '=') {
      two(TokenKind::GreaterEqual, ">=");
    } else if (c == '<') {
      one(TokenKind::Less);
    } else if (c == '>') {
      one(TokenKind::Greater);
    } else if (c == '(') {
      one(TokenKind::LeftParen);
    } else if (c == ')') {
      one(TokenKind::RightParen);
    } else if (c == '[') {
      one(TokenKind::LeftBracket);
    } else if (c == ']') {
      one(TokenKind::RightBracket);
    } else if (c == ',') {
      one(TokenKind::Comma);
    } else {
      result.error = lex_error(start, unexpected_character(c));
      return result;
    }
  }
  push(TokenKind::End, text.size(), 0, {});
  return result;
}

model::Message describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::End:
      return model::say("end of expression");
    case TokenKind::String:
      return model::say("text '{}'", token.value);
    case TokenKind::Number:
    case TokenKind::Date:
    case TokenKind::Identifier:
    case TokenKind::True:
    case TokenKind::False:
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
    case TokenKind::LeftParen:
    case TokenKind::RightParen:
    case TokenKind::LeftBracket:
    case TokenKind::RightBracket:
    case TokenKind::Comma:
      return model::verbatim("'" + token.value + "'");
  }
  return model::verbatim("'" + token.value + "'");
}

}  // namespace regflow::rules
