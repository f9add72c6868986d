// Loading and checking `within: {table, output}` (a deadline period from a decision table),
// against the rules of tests/data/rules_config: each mistake is one diagnostic with its text.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/check/checker.hpp"
#include "engine/check/table_periods.hpp"
#include "engine/load/config_set.hpp"
#include "engine/load/workflow_loader.hpp"

using namespace regflow;

namespace {

const load::ConfigSet& fixture() {
  static const load::ConfigSet config = load::load_config(
      std::string(REGFLOW_TEST_DATA_DIR) + "/rules_config", *time::parse_date("2026-03-02"));
  return config;
}

/// raperda.yaml with `from` replaced by `to`, loaded and checked: every diagnostic, formatted.
std::string check_variant(const std::string& from, const std::string& to) {
  std::string text = fixture().find("raperda")->source_text;
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  model::Diagnostics ds;
  auto def = load::load_workflow_text("raperda.yaml", text, ds);
  REQUIRE(def.has_value());
  check::check_workflow(*def, fixture().agencies, fixture().rules, ds);
  model::sort_diagnostics(ds);
  std::string out;
  for (const auto& d : ds) out += model::format_diagnostic(d) + "\n";
  return out;
}

const std::string kEvaluasiPeriod =
    "within: {table: tenggat, output: hari_evaluasi, unit: hari kerja, otherwise: 5 hari kerja}";

}  // namespace

TEST_CASE("the rules_config fixture loads with table periods and no errors",
          "[load][table-period]") {
  std::string all;
  for (const auto& d : fixture().diagnostics) all += model::format_diagnostic(d) + "\n";
  INFO(all);
  CHECK_FALSE(model::has_errors(fixture().diagnostics));
  const auto* def = fixture().find("raperda");
  REQUIRE(def != nullptr);
  const auto& limit = *def->find_step("evaluasi")->limit;
  REQUIRE(limit.within_table.has_value());
  CHECK(limit.within_table->table == "tenggat");
  CHECK(limit.within_table->output == "hari_evaluasi");
  CHECK(limit.within_table->unit == time::DayUnit::Working);
  CHECK(limit.within_table->otherwise == time::Duration{5, time::DayUnit::Working});
  CHECK(limit.within == time::Duration{5, time::DayUnit::Working});
  const auto& pengajuan = *def->find_step("pengajuan")->limit;
  CHECK_FALSE(pengajuan.within_table->otherwise.has_value());
  CHECK(pengajuan.within.amount == 0);
}

TEST_CASE("a table period is checked against the table at load time", "[load][table-period]") {
  SECTION("an unknown table, with did-you-mean") {
    CHECK(check_variant("table: tenggat, output: pengajuan", "table: tengat, output: pengajuan") ==
          "raperda.yaml:25:15: error: deadline 'pengajuan' takes its period from 'tengat', which "
          "is not a decision table in rules/ (did you mean 'tenggat'?) [E-UNKNOWN-TABLE]\n");
  }
  SECTION("an unknown output, with did-you-mean and the outputs") {
    CHECK(check_variant("output: pengajuan}", "output: pengajuann}") ==
          "raperda.yaml:25:15: error: deadline 'pengajuan' takes its period from output "
          "'pengajuann' of table 'tenggat', which has no such output (did you mean "
          "'pengajuan'?); outputs: 'pengajuan', 'hari_evaluasi' [E-TABLE-OUTPUT]\n");
  }
  SECTION("a number output needs its unit") {
    CHECK(
        check_variant(kEvaluasiPeriod,
                      "within: {table: tenggat, output: hari_evaluasi, otherwise: 5 hari kerja}") ==
        "raperda.yaml:35:15: error: deadline 'evaluasi' reads a number of days from "
        "'tenggat.hari_evaluasi'; say how they are counted with 'unit: hari' or 'unit: hari "
        "kerja' [E-MISSING-KEY]\n");
  }
  SECTION("a text output carries its own unit") {
    CHECK(check_variant("output: pengajuan}", "output: pengajuan, unit: hari}") ==
          "raperda.yaml:25:15: error: deadline 'pengajuan' reads durations such as '15wd' from "
          "'tenggat.pengajuan', which carry their own unit; remove 'unit' [E-BAD-VALUE]\n");
  }
  SECTION("an unknown unit, with did-you-mean") {
    const auto out = check_variant("unit: hari kerja,", "unit: hari kerj,");
    CHECK(out.find("unknown unit 'hari kerj' in 'within' of the limit of step 'evaluasi' (did you "
                   "mean 'hari kerja'?); accepted: 'hari', 'hari kerja', 'days', 'working days' "
                   "[E-BAD-VALUE]") != std::string::npos);
  }
  SECTION("values that are not periods are named by row and line") {
    CHECK(check_variant("table: tenggat, output: pengajuan", "table: jalur, output: step") ==
          "raperda.yaml:25:15: error: row 1 (line 30) of table 'jalur' gives 'evaluasi' for "
          "'step', which is not a duration such as '15wd' or '7d'; deadline 'pengajuan' cannot "
          "use it as a period [E-DEADLINE-PERIOD]\n"
          "raperda.yaml:25:15: error: row 2 (line 32) of table 'jalur' gives 'selesai' for "
          "'step', which is not a duration such as '15wd' or '7d'; deadline 'pengajuan' cannot "
          "use it as a period [E-DEADLINE-PERIOD]\n");
  }
  SECTION("a bool output is no period") {
    const auto out =
        check_variant("table: tenggat, output: pengajuan", "table: tidak_dipakai, output: besar");
    CHECK(out.find("deadline 'pengajuan' takes its period from 'tidak_dipakai.besar', which is "
                   "bool; a period is a number of days or a duration such as '15wd' "
                   "[E-WRONG-TYPE]") != std::string::npos);
  }
  SECTION("without `otherwise`, a kategori that gets no period is an error naming it") {
    CHECK(check_variant(kEvaluasiPeriod,
                        "within: {table: tenggat, output: hari_evaluasi, unit: hari kerja}") ==
          "raperda.yaml:35:15: error: deadline 'evaluasi' takes its period from "
          "'tenggat.hari_evaluasi', which gives none for kategori='umum' "
          "[E-DEADLINE-PERIOD-GAP]\n"
          "  note: give that row a value, or add 'otherwise: DURATION' under 'within' for the "
          "dossiers the table leaves without one\n");
  }
  SECTION("the table's inputs must be declared the same way by the workflow") {
    const auto out =
        check_variant("kategori: {type: enum, values: [umum, apbd, pajak], required: true}",
                      "kategori: {type: enum, values: [umum, apbd, pajak, lain], required: true}");
    CHECK(out.find("raperda.yaml:25:15: error: table 'tenggat' reads 'kategori' as") !=
          std::string::npos);
  }
}

TEST_CASE("a table period is counted at its longest for the workflow's path lengths",
          "[load][table-period]") {
  const auto* def = fixture().find("raperda");
  const auto weighed = check::with_longest_periods(*def, fixture().rules);
  // pengajuan: 7d (umum) beats 3d and 3wd; evaluasi: 15 hari kerja beats otherwise 5.
  CHECK(weighed.find_step("pengajuan")->limit->within ==
        time::Duration{7, time::DayUnit::Calendar});
  CHECK(weighed.find_step("evaluasi")->limit->within == time::Duration{15, time::DayUnit::Working});
  const auto facts = check::workflow_facts(*def, fixture().rules);
  // penyusunan 10 + pengajuan 7d (5 working) + evaluasi 15 = 30 working days on the longest path.
  CHECK(facts.longest_path_working_days == 30);
}
