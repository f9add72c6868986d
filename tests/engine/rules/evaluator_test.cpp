#include <catch2/catch.hpp>
#include <string>

#include "engine/rules/expression.hpp"

using namespace regflow;
using namespace regflow::rules;
using model::ValueType;

namespace {

struct Fixture {
  RuleSet rules;
  Scope scope;

  Fixture() {
    model::Diagnostics out;
    rules.add_input({"kategori", {ValueType::Enum, {"umum", "apbd", "pajak_daerah"}}, "", {}}, out);
    NamedRule rule;
    rule.name = "perlu_evaluasi";
    rule.text = "kategori in ['apbd', 'pajak_daerah']";
    rules.add_rule(rule, out);
    rules.finalize(out);
    REQUIRE(out.empty());
    scope.variables["kategori"] = {ValueType::Enum, {"umum", "apbd", "pajak_daerah"}};
    scope.variables["nilai"] = {ValueType::Number, {}};
    scope.variables["mendesak"] = {ValueType::Bool, {}};
    scope.variables["tanggal_nota"] = {ValueType::Date, {}};
    scope.roles = {"pemrakarsa"};
    scope.steps = {"fasilitasi", "persetujuan_bersama"};
  }

  Evaluation run(const std::string& text, const EvalInput& input) const {
    model::Diagnostics out;
    auto compiled = compile(text, {"t.yaml", 1, 1}, scope, rules, out);
    INFO(text);
    REQUIRE(out.empty());
    REQUIRE(compiled);
    return evaluate(*compiled, input, rules);
  }
};

EvalInput facts() {
  EvalInput input;
  input.variables["kategori"] = std::string("apbd");
  input.variables["nilai"] = 150.0;
  input.variables["mendesak"] = false;
  input.variables["tanggal_nota"] = *time::parse_date("2026-03-02");
  input.bindings["pemrakarsa"] = "dinas-kukm";
  input.workflow = "perda";
  input.step = "penetapan";
  input.today = *time::parse_date("2026-03-21");
  input.started = *time::parse_date("2026-01-05");
  input.days_in_step = 12;
  input.working_days_in_step = 8;
  input.reached = {"fasilitasi"};
  return input;
}

}  // namespace

TEST_CASE("expressions evaluate against the dossier's facts", "[rules][evaluator]") {
  const Fixture fixture;
  const std::vector<std::pair<std::string, bool>> cases{
      {"kategori == 'apbd'", true},
      {"kategori != 'apbd'", false},
      {"kategori in ['umum', 'pajak_daerah']", false},
      {"perlu_evaluasi", true},
      {"nilai > 100 and nilai <= 150", true},
      {"nilai < 100 or mendesak", false},
      {"not mendesak", true},
      {"false or true and false", false},
      {"(false or true) and true", true},
      {"not kategori == 'umum'", true},
      {"tanggal_nota < 2026-03-21 and today == 2026-03-21", true},
      {"started >= today", false},
      {"pemrakarsa == 'dinas-kukm'", true},
      {"workflow == 'perda' and step == 'penetapan'", true},
      {"days_in_step == 12 and working_days_in_step < 10", true},
      {"reached('fasilitasi') and not reached('persetujuan_bersama')", true},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    const auto evaluation = fixture.run(text, facts());
    CHECK(evaluation.is_true() == expected);
  }
}

TEST_CASE("an evaluation lists every name it read, once, in order", "[rules][evaluator]") {
  const Fixture fixture;
  EvalInput input = facts();
  input.variables["kategori"] = std::string("umum");
  const auto evaluation =
      fixture.run("perlu_evaluasi or kategori == 'umum' and reached('fasilitasi')", input);
  CHECK(evaluation.is_true());
  const std::vector<NameRead> expected{
      {"perlu_evaluasi", model::Value{false}},
      {"kategori", model::Value{std::string("umum")}},
      {"reached('fasilitasi')", model::Value{true}},
  };
  CHECK(evaluation.inputs == expected);

  SECTION("short-circuiting skips what is not needed") {
    const auto shortcut = fixture.run("mendesak and nilai > 1", facts());
    REQUIRE(shortcut.inputs.size() == 1);
    CHECK(shortcut.inputs[0].name == "mendesak");
  }
}

TEST_CASE("an unset variable makes comparisons false and is listed as unset",
          "[rules][evaluator]") {
  const Fixture fixture;
  EvalInput input;
  const std::vector<std::pair<std::string, bool>> cases{
      {"kategori == 'apbd'", false},
      {"kategori != 'apbd'", false},
      {"kategori in ['apbd']", false},
      {"not (kategori == 'apbd')", true},
      {"mendesak", false},
      {"not mendesak", true},
      {"nilai < 5", false},
      {"pemrakarsa == 'x'", false},
      {"perlu_evaluasi", false},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    const auto evaluation = fixture.run(text, input);
    CHECK(evaluation.is_true() == expected);
    REQUIRE_FALSE(evaluation.inputs.empty());
  }
  const auto evaluation = fixture.run("kategori == 'apbd'", input);
  CHECK(evaluation.inputs == std::vector<NameRead>{{"kategori", std::nullopt}});
  const auto value = fixture.run("nilai", input);
  CHECK_FALSE(value.value);
}
