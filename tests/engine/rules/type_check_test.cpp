#include <catch2/catch.hpp>
#include <string>

#include "engine/model/diagnostic.hpp"
#include "engine/rules/expression.hpp"

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
  NamedRule rule;
  rule.name = "perlu_evaluasi";
  rule.text = "kategori in ['apbd', 'pajak_daerah']";
  rule.location = {"rules/r.yaml", 9, 12};
  rules.add_rule(rule, out);
  rules.finalize(out);
  REQUIRE(out.empty());
  return rules;
}

Scope workflow_scope() {
  Scope scope;
  scope.variables["kategori"] = VariableInfo{ValueType::Enum, {"umum", "apbd", "pajak_daerah"}};
  scope.variables["nilai"] = VariableInfo{ValueType::Number, {}};
  scope.variables["judul"] = VariableInfo{ValueType::Text, {}};
  scope.variables["mendesak"] = VariableInfo{ValueType::Bool, {}};
  scope.variables["tanggal_nota"] = VariableInfo{ValueType::Date, {}};
  scope.roles = {"pemrakarsa"};
  scope.steps = {"fasilitasi", "persetujuan_bersama", "penetapan"};
  return scope;
}

// Compiles `text` as if it began at line 7, column 15 of workflows/perda.yaml.
model::Diagnostics errors_of(const std::string& text, bool condition = true) {
  static const RuleSet rules = finalized_rules();
  model::Diagnostics out;
  const model::SourceLocation where{"workflows/perda.yaml", 7, 15};
  if (condition) {
    CHECK_FALSE(compile_condition(text, where, workflow_scope(), rules, out));
  } else {
    CHECK_FALSE(compile(text, where, workflow_scope(), rules, out));
  }
  return out;
}

}  // namespace

TEST_CASE("well-typed expressions compile with their type", "[rules][type]") {
  const RuleSet rules = finalized_rules();
  const std::vector<std::pair<std::string, ValueType>> cases{
      {"kategori == 'apbd'", ValueType::Bool},
      {"'apbd' == kategori", ValueType::Bool},
      {"kategori in ['apbd', 'umum'] and nilai >= 100", ValueType::Bool},
      {"judul == 'x' or not mendesak", ValueType::Bool},
      {"tanggal_nota < 2026-03-21 and today >= started", ValueType::Bool},
      {"pemrakarsa == 'dinas-kukm' and workflow == 'perda' and step != 'x'", ValueType::Bool},
      {"days_in_step > 30 or working_days_in_step >= 15", ValueType::Bool},
      {"reached('fasilitasi') and perlu_evaluasi", ValueType::Bool},
      {"nilai", ValueType::Number},
      {"kategori", ValueType::Enum},
      {"judul in ['a', 'b']", ValueType::Bool},
  };
  for (const auto& [text, type] : cases) {
    INFO(text);
    model::Diagnostics out;
    auto compiled = compile(text, {"f.yaml", 1, 1}, workflow_scope(), rules, out);
    REQUIRE(compiled);
    CHECK(out.empty());
    CHECK(compiled->type() == type);
    CHECK(compiled->text() == text);
  }
}

TEST_CASE("type errors carry the exact message and a caret inside the expression",
          "[rules][type]") {
  struct Case {
    std::string text;
    std::string code;
    int caret;
    std::string message;
  };
  const std::vector<Case> cases{
      {"kategory == 'apbd'", "E-RULE-UNKNOWN-NAME", 1,
       "unknown name 'kategory' (did you mean 'kategori'?); not a variable, role, built-in or "
       "rule"},
      {"nilai > \"a\"", "E-RULE-TYPE", 9, "cannot compare number 'nilai' with text \"a\""},
      {"kategori == \"apdb\"", "E-RULE-ENUM-VALUE", 13,
       "'apdb' is not a value of enum 'kategori' (did you mean 'apbd'?); accepted values: "
       "'umum', 'apbd', 'pajak_daerah'"},
      {"kategori in ['apbd', 'pajak']", "E-RULE-ENUM-VALUE", 22,
       "'pajak' is not a value of enum 'kategori'; accepted values: 'umum', 'apbd', "
       "'pajak_daerah'"},
      {"nilai and mendesak", "E-RULE-TYPE", 1, "'and' needs bool operands; found number 'nilai'"},
      {"not judul", "E-RULE-TYPE", 5, "'not' needs a bool operand; found text 'judul'"},
      {"judul < 'b'", "E-RULE-TYPE", 1, "'<' compares numbers or dates; found text 'judul'"},
      {"tanggal_nota > 5", "E-RULE-TYPE", 16, "cannot compare date 'tanggal_nota' with number 5"},
      {"nilai in ['a']", "E-RULE-TYPE", 1, "'in' tests a text or enum value; found number 'nilai'"},
      {"judul in 'a'", "E-RULE-TYPE", 10,
       "'in' needs a list on its right, e.g. ['apbd', 'pajak_daerah']; found text 'a'"},
      {"reached('fasilitas')", "E-RULE-UNKNOWN-STEP", 10,
       "unknown step 'fasilitas' in reached() (did you mean 'fasilitasi'?); steps: "
       "'fasilitasi', 'persetujuan_bersama', 'penetapan'"},
      {"kategori", "E-RULE-NOT-BOOL", 1,
       "a condition must be true or false; found enum 'kategori' (compare it, e.g. with '==' or "
       "'in')"},
      {"nilai > (1", "E-RULE-SYNTAX", 11,
       "expected ')' to close the '(' at column 9, found end of expression"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto out = errors_of(c.text);
    REQUIRE(out.size() == 1);
    CHECK(out[0].code == c.code);
    CHECK(out[0].message == c.message);
    CHECK(out[0].caret_column == c.caret);
    CHECK(out[0].source_line == c.text);
    CHECK(out[0].location == model::SourceLocation{"workflows/perda.yaml", 7, 15 + c.caret - 1});
  }
}

TEST_CASE("independent errors are all reported, follow-on errors are not", "[rules][type]") {
  const auto out = errors_of("kategory == 'x' or nilai > 'a'");
  REQUIRE(out.size() == 2);
  CHECK(out[0].code == "E-RULE-UNKNOWN-NAME");
  CHECK(out[1].code == "E-RULE-TYPE");
  CHECK(model::format_diagnostic(out[1]) ==
        "workflows/perda.yaml:7:42: error: cannot compare number 'nilai' with text 'a' "
        "[E-RULE-TYPE]\n"
        "    kategory == 'x' or nilai > 'a'\n"
        "                               ^");
}

TEST_CASE("a rule used by a workflow needs its inputs declared with the same type",
          "[rules][type]") {
  const RuleSet rules = finalized_rules();
  SECTION("missing input") {
    Scope scope;
    model::Diagnostics out;
    CHECK(compile("perlu_evaluasi", {"w.yaml", 2, 10}, scope, rules, out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].code == "E-RULE-INPUT");
    CHECK(out[0].message ==
          "rule 'perlu_evaluasi' reads 'kategori', which this workflow does not declare; "
          "declare it as enum with values 'umum', 'apbd', 'pajak_daerah'");
  }
  SECTION("different values") {
    Scope scope;
    scope.variables["kategori"] = VariableInfo{ValueType::Enum, {"umum", "apbd"}};
    const auto out = check_rule_inputs(rules, "perlu_evaluasi", scope, {"w.yaml", 2, 10});
    REQUIRE(out.size() == 1);
    CHECK(out[0].message ==
          "rule 'perlu_evaluasi' reads 'kategori' as enum with values 'umum', 'apbd', "
          "'pajak_daerah'; this workflow declares it as enum with values 'umum', 'apbd'");
  }
  SECTION("same declaration, other order") {
    Scope scope;
    scope.variables["kategori"] = VariableInfo{ValueType::Enum, {"pajak_daerah", "apbd", "umum"}};
    CHECK(check_rule_inputs(rules, "perlu_evaluasi", scope, {"w.yaml", 2, 10}).empty());
  }
  SECTION("unknown rule") {
    const auto out = check_rule_inputs(rules, "perlu_evaluas", Scope{}, {"w.yaml", 2, 10});
    REQUIRE(out.size() == 1);
    CHECK(out[0].message ==
          "unknown rule or table 'perlu_evaluas' (did you mean 'perlu_evaluasi'?)");
  }
}
