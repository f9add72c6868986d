// Every error of the rules language (lexer, parser, type checker, decision tables, rule sets)
// says its words as message ids with values, so that `regflow --lang id` words them in
// Indonesian (issue #17). The corpus is the bad input of the other tests of this folder, and
// more: each case must fail, and what it says must be in po/id.po.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "engine/rules/expression.hpp"
#include "engine/rules/parser.hpp"
#include "tests/engine/rules/said_in_catalog.hpp"

using namespace regflow;
using namespace regflow::rules;
using model::ValueType;

namespace {

RuleSet finalized_rules() {
  RuleSet rules;
  model::Diagnostics out;
  rules.add_input(RuleInput{"kategori",
                            VariableInfo{ValueType::Enum, {"umum", "apbd", "pajak_daerah"}},
                            "",
                            {"rules/r.yaml", 3, 3}},
                  out);
  rules.add_input(
      RuleInput{"nilai", VariableInfo{ValueType::Number, {}}, "", {"rules/r.yaml", 5, 3}}, out);
  NamedRule rule;
  rule.name = "perlu_evaluasi";
  rule.text = "kategori in ['apbd', 'pajak_daerah']";
  rule.location = {"rules/r.yaml", 9, 12};
  rules.add_rule(rule, out);
  rule.name = "besar";
  rule.text = "nilai > 1000";
  rule.location = {"rules/r.yaml", 11, 12};
  rules.add_rule(rule, out);
  rules.finalize(out);
  REQUIRE(out.empty());
  return rules;
}

Scope workflow_scope() {
  Scope scope;
  scope.variables["kategori"] = VariableInfo{ValueType::Enum, {"umum", "apbd"}};
  scope.variables["nilai"] = VariableInfo{ValueType::Number, {}};
  scope.variables["judul"] = VariableInfo{ValueType::Text, {}};
  scope.variables["mendesak"] = VariableInfo{ValueType::Bool, {}};
  scope.variables["tanggal_nota"] = VariableInfo{ValueType::Date, {}};
  scope.roles = {"pemrakarsa"};
  scope.steps = {"fasilitasi", "persetujuan_bersama", "penetapan"};
  scope.in_workflow = true;
  return scope;
}

std::string repeated(const std::string& part, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += part;
  return out;
}

}  // namespace

TEST_CASE("syntax errors are words to translate", "[rules][lang]") {
  const std::vector<std::string> bad{
      "a and",
      "(a or b",
      "a == b == c",
      "a b",
      "a = 'x'",
      "a && b",
      "a || b",
      "!a",
      "a # b",
      std::string("a \x01 b"),
      "k == 'apbd",
      "k == \"apbd",
      "k in ['a', 3]",
      "k in ['a' 'b']",
      "reached(x)",
      "count('x')",
      "d == 2026-02-30",
      "n > 12abc",
      "n > " + repeated("9", 400),
      repeated("(", 70) + "a" + repeated(")", 70),
      repeated("a or ", 300) + "a",
      ")",
  };
  for (const auto& text : bad) {
    INFO(text);
    auto parsed = parse(text);
    REQUIRE(parsed.error);
    CHECK_FALSE(parsed.error->said.verbatim);
    CHECK(parsed.error->message == model::english(parsed.error->said));
    test::check_formats_in_catalog(parsed.error->said);
    model::Diagnostics out;
    CHECK_FALSE(compile(text, {"w.yaml", 3, 5}, workflow_scope(), RuleSet{}, out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].code == "E-RULE-SYNTAX");
    test::check_said(out[0]);
  }
}

TEST_CASE("type errors are words to translate", "[rules][lang]") {
  static const RuleSet rules = finalized_rules();
  const std::vector<std::string> bad{
      "kategory == 'apbd'",
      "nilai > \"a\"",
      "kategori == \"apdb\"",
      "kategori in ['apbd', 'pajak']",
      "nilai and mendesak",
      "mendesak or judul",
      "not judul",
      "judul < 'b'",
      "tanggal_nota > 5",
      "nilai in ['a']",
      "judul in 'a'",
      "reached('fasilitas')",
      "kategori",
      "nilai",
      "perlu_evaluasi",
      "nilai > (1",
      "(nilai + 1) > 2",
  };
  for (const auto& text : bad) {
    INFO(text);
    model::Diagnostics out;
    // A rule whose inputs the workflow declares otherwise still compiles, with its error.
    (void)compile_condition(text, {"w.yaml", 3, 5}, workflow_scope(), rules, out);
    CHECK_FALSE(out.empty());
    for (const auto& d : out) test::check_said(d);
  }
  model::Diagnostics unknown = check_rule_inputs(rules, "perlu_evaluas", Scope{}, {"w.yaml", 2, 9});
  model::Diagnostics undeclared = check_rule_inputs(rules, "besar", Scope{}, {"w.yaml", 2, 9});
  REQUIRE(unknown.size() == 1);
  REQUIRE(undeclared.size() == 1);
  test::check_said(unknown[0]);
  test::check_said(undeclared[0]);
}

TEST_CASE("rule set errors are words to translate", "[rules][lang]") {
  auto rule = [](const std::string& name, const std::string& text, int line) {
    NamedRule r;
    r.name = name;
    r.text = text;
    r.location = {"rules/x.yaml", line, 11};
    r.name_location = {"rules/x.yaml", line - 1, 3};
    return r;
  };
  RuleSet rules;
  model::Diagnostics out;
  rules.add_input({"k", {ValueType::Bool, {}}, "", {"a.yaml", 2, 3}}, out);
  rules.add_input({"k", {ValueType::Text, {}}, "", {"b.yaml", 4, 3}}, out);
  rules.add_rule(rule("r", "k", 6), out);
  rules.add_rule(rule("r", "k", 9), out);
  rules.add_rule(rule("k", "true", 12), out);
  rules.add_rule(rule("today", "true", 15), out);
  rules.add_rule(rule("t", "true", 18), out);
  rules.add_rule(rule("a", "k and b", 21), out);
  rules.add_rule(rule("b", "a", 24), out);
  rules.add_rule(rule("steps", "reached('fasilitasi')", 27), out);
  TableSource table;
  table.name = "t";
  table.location = {"t.yaml", 3, 3};
  rules.add_table(table, out);
  rules.add_table(table, out);
  rules.finalize(out);
  std::set<std::string> codes;
  for (const auto& d : out) {
    test::check_said(d);
    codes.insert(d.code);
  }
  CHECK(codes == std::set<std::string>{"E-DUPLICATE-INPUT", "E-DUPLICATE-RULE", "E-DUPLICATE-TABLE",
                                       "E-RULE-CYCLE", "E-RULE-UNKNOWN-STEP", "E-TABLE-EMPTY"});
}

namespace {

const std::map<std::string, VariableInfo> kInputs{
    {"kategori", {ValueType::Enum, {"umum", "apbd", "pajak_daerah"}}},
    {"mendesak", {ValueType::Bool, {}}},
    {"nilai", {ValueType::Number, {}}},
    {"judul", {ValueType::Text, {}}},
    {"daftar", {ValueType::List, {}}},
    {"tahap", {ValueType::Enum, {"a", "b", "c", "d"}}},
};

CellSource cell(const std::string& input, std::vector<std::string> items, bool list = true) {
  return CellSource{input, std::move(items), list, {"t.yaml", 1, 1}};
}

RowSource row(int line, std::vector<CellSource> when, const std::string& jalur) {
  RowSource r;
  r.location = {"t.yaml", line, 9};
  r.when = std::move(when);
  r.then = {OutputCellSource{"jalur", jalur, {"t.yaml", line + 1, 11}}};
  return r;
}

TableSource table(std::vector<std::string> inputs, std::vector<RowSource> rows,
                  HitPolicy hit = HitPolicy::Unique) {
  TableSource t;
  t.name = "jalur";
  t.location = {"t.yaml", 3, 3};
  t.hit = hit;
  for (auto& input : inputs) t.inputs.emplace_back(input, model::SourceLocation{"t.yaml", 5, 14});
  t.outputs = {OutputSource{"jalur", ValueType::Text, {"t.yaml", 6, 14}}};
  t.rows = std::move(rows);
  return t;
}

}  // namespace

TEST_CASE("decision table errors and warnings are words to translate", "[rules][lang]") {
  std::vector<TableSource> bad{
      table({"kategori", "nilai"},
            {row(10, {cell("kategori", {"apbd", "pajak_daerah"})}, "a"),
             row(12, {cell("kategori", {"umum"})}, "b"),
             row(14, {cell("kategori", {"umum", "apbd"}), cell("nilai", {">= 100"}, false)}, "c"),
             row(16, {cell("nilai", {"< 100"}, false)}, "d")}),
      table({"kategori"}, {row(10, {}, "a"), row(12, {}, "b")}),
      table({"kategori", "mendesak"},
            {row(10, {cell("kategori", {"apbd", "pajak_daerah"})}, "a"),
             row(12, {cell("kategori", {"umum"}), cell("mendesak", {"true"}, false)}, "b")}),
      table({"nilai"}, {row(10, {cell("nilai", {"< 5"}, false)}, "a"),
                        row(12, {cell("nilai", {"> 5 and <= 9"}, false)}, "b")}),
      table({"judul"}, {row(10, {cell("judul", {"a"}, false)}, "a")}),
      table({"kategori", "mendesak", "judul"}, {row(10, {cell("judul", {"a"}, false)}, "a")}),
      table({"kategori", "nilai"},
            {row(10, {cell("kategori", {"apdb"})}, "a"),
             row(12, {cell("nilai", {"lots"}, false)}, "b"),
             row(14, {cell("kategory", {"umum"})}, "c"), row(16, {cell("kategori", {})}, "d"),
             row(18, {cell("mendesak", {"ya"}, false)}, "e")}),
      table({"kategorii", "daftar"}, {}),
      table({"mendesak"}, {row(10, {cell("mendesak", {"ya"}, false)}, "a")}),
      table({"kategori", "tahap"},
            {row(10, {cell("kategori", {"umum"}), cell("tahap", {"a"})}, "a")}),
  };
  bad[6].rows[3].then.clear();
  bad[6].rows[4].then.push_back(OutputCellSource{"jalurr", "x", {"t.yaml", 19, 11}});
  auto typed = table({"kategori"}, {row(10, {cell("kategori", {"*"}, false)}, "a")});
  typed.outputs.push_back(OutputSource{"pilihan", ValueType::Enum, {"t.yaml", 7, 14}});
  bad.push_back(typed);
  auto numbered = table({"kategori"}, {row(10, {cell("kategori", {"*"}, false)}, "a")});
  numbered.outputs = {OutputSource{"jalur", ValueType::Number, {"t.yaml", 6, 14}}};
  bad.push_back(numbered);
  std::set<std::string> codes;
  for (const auto& source : bad) {
    model::Diagnostics out;
    build_table(source, kInputs, out);
    CHECK_FALSE(out.empty());
    for (const auto& d : out) {
      test::check_said(d);
      codes.insert(d.code);
    }
  }
  CHECK(codes == std::set<std::string>{"E-TABLE-OVERLAP", "W-TABLE-GAP", "E-TABLE-CELL",
                                       "E-TABLE-INPUT", "E-TABLE-EMPTY", "E-TABLE-OUTPUT"});
}
