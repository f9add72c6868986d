#include "engine/model/diagnostic.hpp"

#include <catch2/catch.hpp>

using namespace regflow::model;

TEST_CASE("a diagnostic prints as path:line:col: severity: message and code", "[model][diagnostic]") {
  auto d = make_error("E-UNKNOWN-KEY", {"workflows/pergub.yaml", 12, 5}, "unknown key 'ownr'");
  d.notes.push_back("accepted keys: 'title', 'owner'");
  CHECK(format_diagnostic(d) ==
        "workflows/pergub.yaml:12:5: error: unknown key 'ownr' [E-UNKNOWN-KEY]\n"
        "  note: accepted keys: 'title', 'owner'");
}

TEST_CASE("a diagnostic with an excerpt puts the caret under the column", "[model][diagnostic]") {
  auto d = make_error("E-RULE-SYNTAX", {"r.yaml", 3, 14}, "expected an operand");
  d.source_line = "guard: a == ";
  d.caret_column = 13;
  CHECK(format_diagnostic(d) ==
        "r.yaml:3:14: error: expected an operand [E-RULE-SYNTAX]\n"
        "    guard: a == \n"
        "                ^");
}

TEST_CASE("diagnostics sort by file, line and column, and warnings alone are not errors",
          "[model][diagnostic]") {
  Diagnostics ds{make_warning("W-B", {"b.yaml", 1, 1}, "b"), make_warning("W-A", {"a.yaml", 9, 2}, "a"),
                 make_warning("W-A2", {"a.yaml", 2, 7}, "a2")};
  sort_diagnostics(ds);
  CHECK(ds[0].code == "W-A2");
  CHECK(ds[1].code == "W-A");
  CHECK(ds[2].code == "W-B");
  CHECK_FALSE(has_errors(ds));
  ds.push_back(make_error("E-X", {}, "x"));
  CHECK(has_errors(ds));
}
