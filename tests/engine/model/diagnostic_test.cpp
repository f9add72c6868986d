#include "engine/model/diagnostic.hpp"

#include <catch2/catch.hpp>

using namespace regflow::model;

TEST_CASE("a diagnostic prints as path:line:col: severity: message and code", "[model][diagnostic]") {
  auto d = make_error("E-UNKNOWN-KEY", {"workflows/pergub.yaml", 12, 5}, say("unknown key '{}'", "ownr"));
  d.notes.push_back(say("accepted keys: {}", "'title', 'owner'"));
  CHECK(format_diagnostic(d) ==
        "workflows/pergub.yaml:12:5: error: unknown key 'ownr' [E-UNKNOWN-KEY]\n"
        "  note: accepted keys: 'title', 'owner'");
}

TEST_CASE("a diagnostic with an excerpt puts the caret under the column", "[model][diagnostic]") {
  auto d = make_error("E-RULE-SYNTAX", {"r.yaml", 3, 14}, say("expected an operand"));
  d.source_line = "guard: a == ";
  d.caret_column = 13;
  CHECK(format_diagnostic(d) ==
        "r.yaml:3:14: error: expected an operand [E-RULE-SYNTAX]\n"
        "    guard: a == \n"
        "                ^");
}

TEST_CASE("diagnostics sort by file, line and column, and warnings alone are not errors",
          "[model][diagnostic]") {
  Diagnostics ds{make_warning("W-B", {"b.yaml", 1, 1}, verbatim("b")), make_warning("W-A", {"a.yaml", 9, 2}, verbatim("a")),
                 make_warning("W-A2", {"a.yaml", 2, 7}, verbatim("a2"))};
  sort_diagnostics(ds);
  CHECK(ds[0].code == "W-A2");
  CHECK(ds[1].code == "W-A");
  CHECK(ds[2].code == "W-B");
  CHECK_FALSE(has_errors(ds));
  ds.push_back(make_error("E-X", {}, verbatim("x")));
  CHECK(has_errors(ds));
}

TEST_CASE("what the engine says keeps its format and values apart until it is worded",
          "[model][message]") {
  const Message hint = say(" (did you mean '{}'?)", "owner");
  const Message said = say("unknown key '{}' in {} at line {}{}", "ownr", say("step '{}'", "draf"),
                           12, hint);
  CHECK(english(said) == "unknown key 'ownr' in step 'draf' at line 12 (did you mean 'owner'?)");
  // Names and numbers are values never translated; the hint and the step's words are.
  REQUIRE(said.values.size() == 4);
  CHECK(said.values[0] == verbatim("ownr"));
  CHECK(said.values[2] == verbatim("12"));
  CHECK_FALSE(said.values[1].verbatim);
  CHECK(said.values[3] == hint);
  CHECK(english(joined({say("a {}", 1), verbatim("; "), say("b")})) == "a 1; b");
  // A diagnostic keeps both: the English text and what was said.
  const auto d = make_error("E-UNKNOWN-KEY", {"w.yaml", 1, 1}, said);
  CHECK(d.message == english(d.said));
}
