#include "engine/rules/parser.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace regflow::rules;

namespace {

// The tree as a fully parenthesised string, to pin precedence.
std::string shape(const Node& node) {
  if (const auto* name = std::get_if<Name>(&node.kind)) return name->name;
  if (const auto* literal = std::get_if<Literal>(&node.kind)) {
    return regflow::model::to_text(literal->value);
  }
  if (const auto* list = std::get_if<ListLiteral>(&node.kind)) {
    return "[" + std::to_string(list->items.size()) + "]";
  }
  if (const auto* reached = std::get_if<Reached>(&node.kind)) return "reached:" + reached->step;
  if (const auto* negation = std::get_if<Not>(&node.kind)) {
    return "(not " + shape(*negation->operand) + ")";
  }
  const auto& binary = std::get<Binary>(node.kind);
  return "(" + shape(*binary.left) + " " + spelling(binary.op) + " " + shape(*binary.right) + ")";
}

}  // namespace

TEST_CASE("operators bind: or < and < not < comparison and in", "[rules][parser]") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"a or b and c", "(a or (b and c))"},
      {"a and b or c", "((a and b) or c)"},
      {"not a and b", "((not a) and b)"},
      {"not a == b", "(not (a == b))"},
      {"not not a", "(not (not a))"},
      {"a == 1 or b != 'x'", "((a == 1) or (b != x))"},
      {"k in ['a', 'b'] and n >= 10", "((k in [2]) and (n >= 10))"},
      {"(a or b) and c", "((a or b) and c)"},
      {"a or b or c", "((a or b) or c)"},
      {"d < 2026-03-21", "(d < 2026-03-21)"},
      {"reached('fasilitasi') and true", "(reached:fasilitasi and true)"},
      {"n <= 2.5", "(n <= 2.5)"},
      {"k in []", "(k in [0])"},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    auto result = parse(text);
    REQUIRE_FALSE(result.error);
    CHECK(shape(*result.root) == expected);
  }
}

TEST_CASE("syntax errors name what was found and point at it", "[rules][parser]") {
  const std::vector<std::tuple<std::string, std::size_t, std::string>> cases{
      {"a and", 5, "expected a value, a name or '(', found end of expression"},
      {"(a or b", 7, "expected ')' to close the '(' at column 1, found end of expression"},
      {"a == b == c", 7, "comparisons do not chain: use 'and' between them, or parentheses"},
      {"a b", 2, "expected 'and', 'or' or the end of the expression, found 'b'"},
      {"a = 'x'", 2, "unexpected character '=' (write '==' to compare)"},
      {"a && b", 2, "unexpected character '&' (write 'and')"},
      {"k == 'apbd", 5, "unterminated text: no closing '"},
      {"k in ['a', 3]", 11,
       "a list holds text in quotes, e.g. ['apbd', 'pajak_daerah']; found '3'"},
      {"k in ['a' 'b']", 10, "expected ',' or ']' in the list, found text 'b'"},
      {"reached(x)", 8,
       "reached() takes one step name in quotes, e.g. reached('persetujuan_bersama')"},
      {"count('x')", 0, "unknown function 'count'; the only function is 'reached'"},
      {"d == 2026-02-30", 5, "'2026-02-30' is not a calendar date"},
      {"n > 12abc", 4, "malformed number '12a'"},
  };
  for (const auto& [text, offset, message] : cases) {
    INFO(text);
    auto result = parse(text);
    REQUIRE(result.error);
    CHECK(result.error->message == message);
    CHECK(result.error->offset == offset);
    CHECK(result.root == nullptr);
  }
}

TEST_CASE("deep nesting is an error, not a crash", "[rules][parser]") {
  SECTION("10,000 nested parentheses") {
    const std::string text = std::string(10000, '(') + "a" + std::string(10000, ')');
    auto result = parse(text);
    REQUIRE(result.error);
    CHECK(result.error->message == "expression is nested too deeply (more than 64 levels)");
    CHECK(result.error->offset == 64);
  }
  SECTION("10,000 nots") {
    std::string text;
    for (int i = 0; i < 10000; ++i) text += "not ";
    auto result = parse(text + "a");
    REQUIRE(result.error);
    CHECK(result.error->message == "expression is nested too deeply (more than 64 levels)");
  }
  SECTION("a chain of 10,000 ors") {
    std::string text = "a";
    for (int i = 0; i < 10000; ++i) text += " or a";
    auto result = parse(text);
    REQUIRE(result.error);
    CHECK(result.error->message ==
          "expression is too long (more than 256 operators deep); split it into named rules");
  }
  SECTION("64 levels are fine") {
    const std::string text = std::string(64, '(') + "a" + std::string(64, ')');
    CHECK_FALSE(parse(text).error);
  }
}
