#include <catch2/catch.hpp>
#include <string>

#include "engine/rules/expression.hpp"

using namespace regflow;
using namespace regflow::rules;
using model::ValueType;

namespace {

NamedRule rule(const std::string& name, const std::string& text, int line) {
  NamedRule r;
  r.name = name;
  r.text = text;
  r.location = {"rules/x.yaml", line, 11};
  r.name_location = {"rules/x.yaml", line - 1, 3};
  return r;
}

}  // namespace

TEST_CASE("rules may use other rules, in any order", "[rules][rule_set]") {
  RuleSet rules;
  model::Diagnostics out;
  rules.add_input({"a", {ValueType::Bool, {}}, "", {}}, out);
  rules.add_input({"n", {ValueType::Number, {}}, "", {}}, out);
  rules.add_rule(rule("top", "middle and a", 2), out);
  rules.add_rule(rule("middle", "n > 3", 5), out);
  rules.finalize(out);
  REQUIRE(out.empty());
  const NamedRule* top = rules.find_rule("top");
  REQUIRE(top);
  REQUIRE(top->expression);
  CHECK(top->inputs == std::vector<std::string>{"a", "n"});
  EvalInput input;
  input.variables["a"] = true;
  input.variables["n"] = 4.0;
  CHECK(evaluate(*top->expression, input, rules).is_true());
}

TEST_CASE("a cycle between rules is an error naming the cycle", "[rules][rule_set]") {
  RuleSet rules;
  model::Diagnostics out;
  rules.add_input({"x", {ValueType::Bool, {}}, "", {}}, out);
  rules.add_rule(rule("a", "x and b", 2), out);
  rules.add_rule(rule("b", "c or x", 5), out);
  rules.add_rule(rule("c", "not a", 8), out);
  rules.add_rule(rule("d", "a", 11), out);
  rules.add_rule(rule("self", "x or self", 14), out);
  rules.finalize(out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].code == "E-RULE-CYCLE");
  CHECK(out[0].message == "rule cycle: a -> b -> c -> a");
  CHECK(out[0].location == model::SourceLocation{"rules/x.yaml", 8, 15});
  CHECK(out[0].caret_column == 5);
  CHECK(out[1].message == "rule cycle: self -> self");
  CHECK_FALSE(rules.find_rule("a")->expression);
  CHECK_FALSE(rules.find_rule("d")->expression);
}

TEST_CASE("names are declared once", "[rules][rule_set]") {
  RuleSet rules;
  model::Diagnostics out;
  CHECK(rules.add_input({"k", {ValueType::Bool, {}}, "", {"a.yaml", 2, 3}}, out));
  CHECK_FALSE(rules.add_input({"k", {ValueType::Text, {}}, "", {"b.yaml", 4, 3}}, out));
  CHECK(rules.add_rule(rule("r", "k", 6), out));
  CHECK_FALSE(rules.add_rule(rule("r", "k", 9), out));
  CHECK(rules.add_rule(rule("k", "true", 12), out));
  CHECK(rules.add_rule(rule("today", "true", 15), out));
  rules.finalize(out);
  REQUIRE(out.size() == 4);
  CHECK(out[0].message == "input 'k' is declared twice");
  REQUIRE(out[0].notes.size() == 1);
  CHECK(model::english(out[0].notes[0]) == "first declared at a.yaml:2");
  CHECK(out[1].message == "rule 'r' is defined twice");
  CHECK(out[2].message == "rule 'k' has the same name as an input");
  CHECK(out[3].message == "rule 'today' has the same name as a built-in name");
}

TEST_CASE("named rules cannot use workflow-only names", "[rules][rule_set]") {
  RuleSet rules;
  model::Diagnostics out;
  rules.add_rule(rule("r", "reached('fasilitasi')", 2), out);
  rules.finalize(out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].message == "reached() cannot be used in a named rule: steps belong to a workflow");
}
