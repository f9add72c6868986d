// Where rules and tables are used (for `regflow rules`), on tests/data/rules_config and on the
// shipped configuration.
#include "engine/check/rule_uses.hpp"

#include <catch2/catch.hpp>

#include "engine/load/config_set.hpp"

using namespace regflow;
using check::UseKind;

TEST_CASE("rule_uses finds guards, routes, deadline periods and rules inside rules",
          "[rules][uses]") {
  const auto config = load::load_config(std::string(REGFLOW_TEST_DATA_DIR) + "/rules_config",
                                        *time::parse_date("2026-03-02"));
  REQUIRE_FALSE(model::has_errors(config.diagnostics));
  const auto uses = check::rule_uses(config.workflows, config.rules);

  REQUIRE(uses.count("perlu_evaluasi") == 1);
  const auto& evaluasi = uses.at("perlu_evaluasi");
  REQUIRE(evaluasi.size() == 2);
  CHECK(evaluasi[0].kind == UseKind::Guard);
  CHECK(evaluasi[0].workflow == "raperda");
  CHECK(evaluasi[0].step == "penyusunan");
  CHECK(evaluasi[0].action == "fasilitasi");
  CHECK(evaluasi[0].location.file == "workflows/raperda.yaml");
  CHECK(evaluasi[1].kind == UseKind::Rule);
  CHECK(evaluasi[1].rule == "evaluasi_keuangan");

  const auto& tenggat = uses.at("tenggat");
  REQUIRE(tenggat.size() == 2);
  CHECK(tenggat[0].kind == UseKind::Period);
  CHECK(tenggat[0].deadline == "pengajuan");
  CHECK(tenggat[0].output == "pengajuan");
  CHECK(tenggat[1].deadline == "evaluasi");
  CHECK(tenggat[1].output == "hari_evaluasi");

  const auto& jalur = uses.at("jalur");
  REQUIRE(jalur.size() == 1);
  CHECK(jalur[0].kind == UseKind::Route);
  CHECK(jalur[0].step == "pengajuan");
  CHECK(jalur[0].action == "ajukan");

  // Used by nothing: absent.
  CHECK(uses.count("besar") == 0);
  CHECK(uses.count("tidak_dipakai") == 0);
  CHECK(uses.count("evaluasi_keuangan") == 0);
}

TEST_CASE("the shipped perda takes its evaluation periods from tenggat_evaluasi",
          "[rules][uses][shipped]") {
  const auto config = load::load_config(REGFLOW_SOURCE_DIR, *time::parse_date("2026-03-02"));
  const auto uses = check::rule_uses(config.workflows, config.rules);
  REQUIRE(uses.count("tenggat_evaluasi") == 1);
  std::vector<std::string> deadlines;
  for (const auto& use : uses.at("tenggat_evaluasi")) {
    CHECK(use.kind == UseKind::Period);
    CHECK(use.workflow == "perda");
    deadlines.push_back(use.deadline + "=" + use.output);
  }
  // Once per version of the Perda procedure (perda-2019.yaml, perda.yaml).
  CHECK(deadlines == std::vector<std::string>{"pengajuan_evaluasi=penyampaian",
                                              "penyempurnaan_evaluasi=penyempurnaan",
                                              "pengajuan_evaluasi=penyampaian",
                                              "penyempurnaan_evaluasi=penyempurnaan"});
  CHECK(uses.at("jalur_evaluasi").size() == 4);
}
