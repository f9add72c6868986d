#include "engine/rules/decision_table.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace regflow;
using namespace regflow::rules;
using model::ValueType;

namespace {

const std::map<std::string, VariableInfo> kInputs{
    {"kategori", {ValueType::Enum, {"umum", "apbd", "pajak_daerah"}}},
    {"mendesak", {ValueType::Bool, {}}},
    {"nilai", {ValueType::Number, {}}},
    {"judul", {ValueType::Text, {}}},
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

std::vector<std::string> messages(const model::Diagnostics& out) {
  std::vector<std::string> texts;
  for (const auto& d : out) texts.push_back(d.code + ": " + d.message);
  return texts;
}

}  // namespace

TEST_CASE("a table decides from the matching row", "[rules][table]") {
  model::Diagnostics out;
  auto built = build_table(
      table({"kategori", "nilai"},
            {row(10, {cell("kategori", {"apbd", "pajak_daerah"})}, "evaluasi"),
             row(12, {cell("kategori", {"umum"}, false), cell("nilai", {"< 100"}, false)}, "kecil"),
             row(14, {cell("kategori", {"umum"}), cell("nilai", {">= 100 and < 1000"}, false)},
                 "sedang"),
             row(16, {cell("kategori", {"umum"}), cell("nilai", {">= 1000"}, false)}, "besar")}),
      kInputs, out);
  REQUIRE(built);
  CHECK(out.empty());
  EvalInput input;
  input.variables["kategori"] = std::string("umum");
  input.variables["nilai"] = 100.0;
  auto outputs = decide(*built, input);
  REQUIRE(outputs);
  CHECK(model::to_text(outputs->at("jalur")) == "sedang");
  CHECK(match(*built, input) == std::size_t{2});
  input.variables["kategori"] = std::string("apbd");
  CHECK(model::to_text(decide(*built, input)->at("jalur")) == "evaluasi");
  input.variables.erase("kategori");
  CHECK_FALSE(decide(*built, input));
}

TEST_CASE("under hit: unique, overlapping rows are errors naming both rows", "[rules][table]") {
  model::Diagnostics out;
  auto built = build_table(
      table({"kategori", "nilai"},
            {row(10, {cell("kategori", {"apbd", "pajak_daerah"})}, "a"),
             row(12, {cell("kategori", {"umum"})}, "b"),
             row(14, {cell("kategori", {"umum", "apbd"}), cell("nilai", {">= 100"}, false)}, "c"),
             row(16, {cell("nilai", {"< 100"}, false)}, "d")}),
      kInputs, out);
  REQUIRE(built);
  CHECK(messages(out) ==
        std::vector<std::string>{
            "E-TABLE-OVERLAP: rows 1 (line 10) and 3 (line 14) of table 'jalur' overlap for "
            "kategori='apbd', nilai>=100",
            "E-TABLE-OVERLAP: rows 1 (line 10) and 4 (line 16) of table 'jalur' overlap for "
            "kategori='apbd', nilai<100",
            "E-TABLE-OVERLAP: rows 2 (line 12) and 3 (line 14) of table 'jalur' overlap for "
            "kategori='umum', nilai>=100",
            "E-TABLE-OVERLAP: rows 2 (line 12) and 4 (line 16) of table 'jalur' overlap for "
            "kategori='umum', nilai<100",
        });
  CHECK(out[0].location == model::SourceLocation{"t.yaml", 14, 9});
  REQUIRE(out[0].notes.size() == 1);
  CHECK(model::english(out[0].notes[0]) ==
        "with 'hit: unique' at most one row may match; make the rows exclusive, or use 'hit: "
        "first' to let the earlier row win");

  SECTION("the same rows under hit: first are fine") {
    model::Diagnostics first_out;
    auto t = table({"kategori"},
                   {row(10, {cell("kategori", {"apbd"})}, "a"),
                    row(12, {cell("kategori", {"*"}, false)}, "b")},
                   HitPolicy::First);
    auto first = build_table(t, kInputs, first_out);
    REQUIRE(first);
    CHECK(first_out.empty());
    EvalInput input;
    input.variables["kategori"] = std::string("apbd");
    CHECK(model::to_text(decide(*first, input)->at("jalur")) == "a");
  }
  SECTION("touching intervals do not overlap") {
    model::Diagnostics touching;
    CHECK(build_table(table({"nilai"}, {row(10, {cell("nilai", {"< 5"}, false)}, "a"),
                                        row(12, {cell("nilai", {">= 5"}, false)}, "b")}),
                      kInputs, touching));
    CHECK(touching.empty());
  }
}

TEST_CASE("uncovered combinations of enum inputs are warnings naming them", "[rules][table]") {
  model::Diagnostics out;
  auto built = build_table(
      table({"kategori", "mendesak"},
            {row(10, {cell("kategori", {"apbd", "pajak_daerah"})}, "a"),
             row(12, {cell("kategori", {"umum"}), cell("mendesak", {"true"}, false)}, "b")}),
      kInputs, out);
  REQUIRE(built);
  CHECK(messages(out) ==
        std::vector<std::string>{
            "W-TABLE-GAP: no row of table 'jalur' covers kategori='umum', mendesak='false'"});
  CHECK(out[0].severity == model::Severity::Warning);

  SECTION("a number range that leaves a hole") {
    model::Diagnostics holes;
    build_table(table({"nilai"}, {row(10, {cell("nilai", {"< 5"}, false)}, "a"),
                                  row(12, {cell("nilai", {"> 5 and <= 9"}, false)}, "b"),
                                  row(14, {cell("nilai", {">= 10"}, false)}, "c")}),
                kInputs, holes);
    CHECK(messages(holes) ==
          std::vector<std::string>{"W-TABLE-GAP: no row of table 'jalur' covers nilai=5"});
  }
  SECTION("text inputs cannot be enumerated") {
    model::Diagnostics text;
    build_table(table({"judul"}, {row(10, {cell("judul", {"a"}, false)}, "a")}), kInputs, text);
    CHECK(messages(text) ==
          std::vector<std::string>{"W-TABLE-GAP: no row of table 'jalur' covers judul=other text"});
  }
}

TEST_CASE("cells are checked against the inputs and outputs", "[rules][table]") {
  model::Diagnostics out;
  auto t = table(
      {"kategori", "nilai"},
      {row(10, {cell("kategori", {"apdb"})}, "a"), row(12, {cell("nilai", {"lots"}, false)}, "b"),
       row(14, {cell("kategory", {"umum"})}, "c"), row(16, {cell("kategori", {})}, "d")});
  t.rows[3].then.clear();
  CHECK_FALSE(build_table(t, kInputs, out));
  CHECK(messages(out) ==
        std::vector<std::string>{
            "E-TABLE-CELL: 'apdb' is not a value of enum 'kategori' (did you mean 'apbd'?); "
            "accepted values: 'umum', 'apbd', 'pajak_daerah'",
            "E-TABLE-CELL: 'lots' is not a number condition for 'nilai'; write a value, '*', or "
            "comparisons such as '>= 10' or '>= 10 and < 20'",
            "E-TABLE-CELL: row 3 tests 'kategory', which is not an input of table 'jalur' (did "
            "you mean 'kategori'?); inputs: 'kategori', 'nilai'",
            "E-TABLE-CELL: the condition on 'kategori' is an empty list, which matches nothing",
            "E-TABLE-CELL: row 4 gives no value for output 'jalur' (write '~' for none)",
        });
  model::Diagnostics undeclared;
  CHECK_FALSE(build_table(table({"kategorii"}, {}), kInputs, undeclared));
  CHECK(messages(undeclared) ==
        std::vector<std::string>{
            "E-TABLE-INPUT: table 'jalur' uses undeclared input 'kategorii' (did you mean "
            "'kategori'?); declare it under 'inputs:' in a rules file",
            "E-TABLE-EMPTY: table 'jalur' has no rows"});
}
