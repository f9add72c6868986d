// A dossier runs on the definition version it started with, checked against the current rules:
// changing the shipped workflows and rules must keep the earlier versions of open dossiers
// loadable. tests/data/stored holds such earlier versions, named by their content hash.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/load/config_set.hpp"
#include "engine/model/digest.hpp"

using namespace regflow;

TEST_CASE(
    "the earlier perda versions (per-group evaluation steps) still load with the shipped rules",
    "[load][stored]") {
  const auto config = load::load_config(REGFLOW_SOURCE_DIR, *time::parse_date("2026-03-02"));
  for (const char* hash : {"10a1553d81d7", "1c915ef347b6"}) {
    SECTION(hash) {
      std::ifstream in(std::string(REGFLOW_TEST_DATA_DIR) + "/stored/perda-" + hash + ".yaml",
                       std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      REQUIRE(model::sha256_hex(text.str()).substr(0, 12) == hash);
      model::Diagnostics ds;
      const auto def = load::load_stored_definition(config, "stored:perda", text.str(), ds);
      std::string all;
      for (const auto& d : ds) all += model::format_diagnostic(d) + "\n";
      INFO(all);
      REQUIRE(def.has_value());
      CHECK_FALSE(model::has_errors(ds));
      CHECK(def->find_step("pengajuan_evaluasi_apbd") != nullptr);
    }
  }
}
