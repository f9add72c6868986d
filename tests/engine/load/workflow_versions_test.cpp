// Workflows by effective date (issue 21): the shipped Perda procedure in two versions, which one
// is in force on a day, and what `check` refuses about a set of versions.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/check/checker.hpp"
#include "engine/load/config_set.hpp"
#include "tests/support/dates.hpp"

using regflow::test::date;

using namespace regflow;

namespace {

const load::ConfigSet& shipped() {
  static const auto config = load::load_config(REGFLOW_SOURCE_DIR, date("2026-12-04"));
  return config;
}

model::WorkflowDefinition version(int number, const char* effective, const char* until,
                                  std::string basis) {
  model::WorkflowDefinition w;
  w.name = "perda";
  w.id_prefix = "PERDA";
  w.version = number;
  if (effective != nullptr) w.effective = date(effective);
  if (until != nullptr) w.until = date(until);
  w.version_basis = std::move(basis);
  w.source_path = "workflows/perda-v" + std::to_string(number) + ".yaml";
  w.location = {w.source_path, 1, 1};
  return w;
}

std::vector<std::string> messages(const std::vector<model::WorkflowDefinition>& set) {
  model::Diagnostics out;
  check::check_workflow_set(set, out);
  std::vector<std::string> lines;
  for (const auto& d : out) lines.push_back(model::format_diagnostic(d));
  return lines;
}

}  // namespace

TEST_CASE("the shipped Perda procedure of 2021 and of today are different versions",
          "[load][versions]") {
  const auto& config = shipped();
  for (const auto& d : config.diagnostics) CHECK(d.severity != model::Severity::Error);
  const auto* v2021 = config.find_in_force("perda", date("2021-01-08"));
  const auto* v2026 = config.find_in_force("perda", date("2026-12-04"));
  REQUIRE(v2021 != nullptr);
  REQUIRE(v2026 != nullptr);
  CHECK(v2021->version == 1);
  CHECK(v2026->version == 2);
  CHECK(config.find("perda") == v2026);  // today's
  CHECK(config.find_in_force("perda", date("2022-01-04")) == v2021);
  CHECK(config.find_in_force("perda", date("2022-01-05")) == v2026);
  CHECK(config.find_in_force("perda", date("2018-12-31")) == nullptr);
  CHECK(config.workflow_names() == std::vector<std::string>{"kerjasama", "perda", "pergub"});

  // 2021: the Biro Hukum requests harmonisation (Permenkumham 22/2018); today: the Sekda.
  CHECK(v2021->find_step("permohonan_harmonisasi")->owner == "biro-hukum");
  CHECK(v2026->find_step("permohonan_harmonisasi")->owner == "sekda");
  // 2021: pajak/retribusi evaluated under UU 28/2009 (15 hari kerja [R]); today: UU 1/2022 (12).
  CHECK(v2021->find_step("evaluasi_pdrd")->limit->within.amount == 15);
  CHECK(v2026->find_step("evaluasi_pdrd")->limit->within.amount == 12);
  // Fasilitasi of every Raperda Provinsi: 15 hari kerja, in both versions.
  for (const auto* v : {v2021, v2026}) {
    const auto& limit = *v->find_step("fasilitasi")->limit;
    CHECK(limit.within.amount == 15);
    CHECK(limit.within.unit == time::DayUnit::Working);
    CHECK(v->find_role("pemrakarsa")->default_agency.empty());
    // "30 hari" / "7 Hari": whether hari kerja is meant is not confirmed; show marks it.
    CHECK(v->find_deadline("penetapan_30_hari")->unit_confidence == "[U]");
    CHECK(v->find_deadline("laporan_ke_menteri")->unit_confidence == "[U]");
    CHECK(v->find_deadline("fasilitasi")->unit_confidence.empty());
  }
}

TEST_CASE("versions must follow each other without overlap or gap, each with its basis",
          "[load][versions]") {
  SECTION("consecutive periods are accepted") {
    CHECK(messages({version(1, "2019-01-01", "2022-01-04", "Permenkumham 22/2018"),
                    version(2, "2022-01-05", nullptr, "UU 1/2022")})
              .empty());
  }
  SECTION("an open-ended earlier version overlaps the later one") {
    CHECK(messages({version(1, "2019-01-01", nullptr, "a"), version(2, "2022-01-05", nullptr, "b")}) ==
          std::vector<std::string>{
              "workflows/perda-v2.yaml:1:1: error: workflow 'perda' version 2 is in force from "
              "2022-01-05, while version 1 is still in force; expected 'until: 2022-01-04' in "
              "version 1 [E-VERSION-OVERLAP]\n  note: version 1 is defined in "
              "workflows/perda-v1.yaml"});
  }
  SECTION("a gap between two versions is refused") {
    CHECK(messages({version(1, "2019-01-01", "2021-12-31", "a"),
                    version(2, "2022-01-05", nullptr, "b")}) ==
          std::vector<std::string>{
              "workflows/perda-v2.yaml:1:1: error: workflow 'perda' has no version in force from "
              "2022-01-01 to 2022-01-04: version 1 ends on 2021-12-31 and version 2 starts on "
              "2022-01-05; expected version 1 to end on 2022-01-04 [E-VERSION-GAP]\n  note: "
              "version 1 is defined in workflows/perda-v1.yaml"});
  }
  SECTION("a version without a basis or an effective date is refused") {
    CHECK(messages({version(1, nullptr, "2022-01-04", "a"), version(2, "2022-01-05", nullptr, "")}) ==
          std::vector<std::string>{
              "workflows/perda-v1.yaml:1:1: error: workflow 'perda' has several versions, and "
              "version 1 has no 'effective' date; expected 'effective: YYYY-MM-DD', the first "
              "day it is in force [E-VERSION-EFFECTIVE]",
              "workflows/perda-v2.yaml:1:1: error: workflow 'perda' version 2 has no "
              "'version_basis'; expected the rule that put this version in force, e.g. 'UU "
              "13/2022 (16 Jun 2022)' [E-VERSION-BASIS]"});
  }
}
