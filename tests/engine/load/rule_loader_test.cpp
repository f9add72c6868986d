#include "engine/load/rule_loader.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "engine/model/error.hpp"
#include "engine/rules/expression.hpp"

using namespace regflow;

namespace {

std::vector<std::string> formatted(const model::Diagnostics& out) {
  std::vector<std::string> lines;
  for (const auto& d : out) lines.push_back(model::format_diagnostic(d));
  return lines;
}

model::Diagnostics read(const std::string& text) {
  rules::RuleSet set;
  model::Diagnostics out;
  load::read_rules(text, "r.yaml", set, out);
  set.finalize(out);
  return out;
}

}  // namespace

TEST_CASE("the shipped rules load with zero diagnostics", "[load][rules]") {
  auto load = load::load_rules(REGFLOW_SOURCE_DIR "/rules");
  CHECK(formatted(load.diagnostics) == std::vector<std::string>{});
  for (const char* name :
       {"perlu_evaluasi", "perlu_fasilitasi", "perlu_persetujuan_dprd", "pergub_perlu_evaluasi"}) {
    INFO(name);
    const auto* rule = load.rules.find_rule(name);
    REQUIRE(rule);
    REQUIRE(rule->expression);
    CHECK_FALSE(rule->basis.empty());
  }
  const auto* table = load.rules.find_table("tenggat_evaluasi");
  REQUIRE(table);
  rules::EvalInput input;
  input.variables["kategori"] = std::string("pajak_daerah");
  auto outputs = rules::decide(*table, input);
  REQUIRE(outputs);
  CHECK(model::to_text(outputs->at("evaluasi")) == "12wd");
  input.variables["kategori"] = std::string("rtrw");
  CHECK(rules::decide(*table, input)->empty());

  rules::EvalInput ksdpk;
  ksdpk.variables["membebani_masyarakat"] = false;
  ksdpk.variables["anggaran_tersedia"] = true;
  const auto* dprd = load.rules.find_rule("perlu_persetujuan_dprd");
  CHECK_FALSE(rules::evaluate(*dprd->expression, ksdpk, load.rules).is_true());
  ksdpk.variables["anggaran_tersedia"] = false;
  CHECK(rules::evaluate(*dprd->expression, ksdpk, load.rules).is_true());
}

TEST_CASE("a rules folder loads every yaml file and skips calendars/", "[load][rules]") {
  auto load = load::load_rules(REGFLOW_TEST_DATA_DIR "/rules/valid");
  CHECK(formatted(load.diagnostics) == std::vector<std::string>{});
  CHECK(load.rules.rule_names() == std::vector<std::string>{"besar", "perlu_evaluasi"});
  CHECK(load.rules.find_rule("perlu_evaluasi")->location.line == 5);
  CHECK(load.rules.find_rule("perlu_evaluasi")->location.column == 12);
  CHECK(load.rules.find_rule("besar")->location.column == 10);
  const auto* table = load.rules.find_table("tenggat");
  REQUIRE(table);
  rules::EvalInput input;
  input.variables["kategori"] = std::string("apbd");
  CHECK(std::get<double>(rules::decide(*table, input)->at("hari")) == 15.0);
}

TEST_CASE("a missing rules folder is a load error", "[load][rules]") {
  CHECK_THROWS_AS(load::load_rules(REGFLOW_TEST_DATA_DIR "/rules/absent"), LoadError);
}

TEST_CASE("duplicates across files are reported, and loading goes on", "[load][rules]") {
  auto load = load::load_rules(REGFLOW_TEST_DATA_DIR "/rules/duplicates");
  const std::string b = REGFLOW_TEST_DATA_DIR "/rules/duplicates/b.yaml";
  const std::string a = REGFLOW_TEST_DATA_DIR "/rules/duplicates/a.yaml";
  REQUIRE(load.diagnostics.size() == 3);
  CHECK(model::format_diagnostic(load.diagnostics[0]) ==
        b +
            ":2:3: error: input 'kategori' is declared twice [E-DUPLICATE-INPUT]\n  note: first "
            "declared at " +
            a + ":2");
  CHECK(load.diagnostics[1].message == "rule 'r' is defined twice");
  CHECK(model::format_diagnostic(load.diagnostics[2]) ==
        b + ":5:26: error: expected a value, a name or '(', found end of expression "
            "[E-RULE-SYNTAX]\n    kategori == 'x' and\n                       ^");
}

TEST_CASE("expression errors point inside the expression in the file", "[load][rules]") {
  const auto out = read(
      "inputs:\n"
      "  kategori: { type: enum, values: [umum, apbd] }\n"
      "rules:\n"
      "  a:\n"
      "    when: \"kategori == 'apdb'\"\n"
      "  b:\n"
      "    when: kategori == 'apdb'\n"
      "  c:\n"
      "    when: |\n"
      "      kategori in ['umum',\n"
      "                   'apdb']\n");
  CHECK(formatted(out) ==
        std::vector<std::string>{
            "r.yaml:5:24: error: 'apdb' is not a value of enum 'kategori' (did you mean "
            "'apbd'?); accepted values: 'umum', 'apbd' [E-RULE-ENUM-VALUE]\n"
            "    kategori == 'apdb'\n"
            "                ^",
            "r.yaml:7:23: error: 'apdb' is not a value of enum 'kategori' (did you mean "
            "'apbd'?); accepted values: 'umum', 'apbd' [E-RULE-ENUM-VALUE]\n"
            "    kategori == 'apdb'\n"
            "                ^",
            "r.yaml:11:14: error: 'apdb' is not a value of enum 'kategori' (did you mean "
            "'apbd'?); accepted values: 'umum', 'apbd' [E-RULE-ENUM-VALUE]\n"
            "                 'apdb']\n"
            "                 ^",
        });
}

TEST_CASE("structural mistakes are diagnostics with file:line:col", "[load][rules]") {
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases{
      {"rules:\n  a:\n    wehn: x\n",
       "r.yaml:3:5: error: unknown key 'wehn' in rule 'a' (did you mean 'when'?) "
       "[E-UNKNOWN-KEY]\n  note: accepted keys: 'description', 'basis', 'when'"},
      {"rule:\n  a: x\n",
       "r.yaml:1:1: error: unknown key 'rule' in the rules file (did you mean 'rules'?) "
       "[E-UNKNOWN-KEY]\n  note: accepted keys: 'inputs', 'rules', 'tables'"},
      {"inputs:\n  n: nubmer\n",
       "r.yaml:2:6: error: unknown type 'nubmer' for input 'n' (did you mean 'number'?); "
       "accepted types: 'text', 'number', 'bool', 'date', 'enum' [E-UNKNOWN-TYPE]"},
      {"inputs:\n  k: { type: enum }\n",
       "r.yaml:2:3: error: enum input 'k' has no 'values' [E-MISSING-KEY]"},
      {"inputs:\n  k: { values: [a] }\n",
       "r.yaml:2:3: error: input 'k' has no 'type'; accepted types: 'text', 'number', 'bool', "
       "'date', 'enum' [E-MISSING-KEY]"},
      {"rules:\n  a:\n    description: x\n",
       "r.yaml:2:3: error: rule 'a' has no 'when' (the expression) [E-MISSING-KEY]"},
      {"rules: [a, b]\n",
       "r.yaml:1:8: error: 'rules' must be a map of names; found a list [E-WRONG-TYPE]"},
      {"rules:\n  perlu-evaluasi: x\n",
       "r.yaml:2:3: error: 'perlu-evaluasi' cannot be used in expressions; a name has letters, "
       "digits and '_', and does not start with a digit [E-BAD-NAME]"},
      {"rules:\n  a: [x\n",
       "r.yaml:3:1: error: invalid YAML: end of sequence flow not found [E-YAML-SYNTAX]"},
      {"tables:\n  t:\n    hit: any\n    inputs: []\n    outputs: []\n    rows: []\n",
       "r.yaml:3:10: error: unknown hit policy 'any'; accepted: 'unique', 'first' [E-WRONG-TYPE]"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto out = read(c.text);
    REQUIRE_FALSE(out.empty());
    CHECK(model::format_diagnostic(out.front()) == c.expected);
  }
}

TEST_CASE("table rows in YAML: lists, '*', comparisons and '~'", "[load][rules]") {
  const auto text =
      "inputs:\n"
      "  kategori: { type: enum, values: [umum, apbd] }\n"
      "  nilai: number\n"
      "tables:\n"
      "  t:\n"
      "    inputs: [kategori, nilai]\n"
      "    outputs: [jalur]\n"
      "    rows:\n"
      "      - when: { kategori: [apbd, umum], nilai: '>= 10' }\n"
      "        then: { jalur: a }\n"
      "      - when: { kategori: '*', nilai: '< 20' }\n"
      "        then: { jalur: ~ }\n";
  const auto out = read(text);
  REQUIRE(out.size() == 1);
  CHECK(model::format_diagnostic(out[0]) ==
        "r.yaml:11:9: error: rows 1 (line 9) and 2 (line 11) of table 't' overlap for "
        "kategori='apbd', nilai>=10 and <20 [E-TABLE-OVERLAP]\n"
        "  note: with 'hit: unique' at most one row may match; make the rows exclusive, or use "
        "'hit: first' to let the earlier row win");
}
