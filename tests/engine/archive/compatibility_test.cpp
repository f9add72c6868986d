// An archive written by the first regflow that could export (format 1) must stay importable by
// every later one. tests/data/archive/v1-mini.rfa is that archive; never regenerate it. When
// this test fails, the change broke reading old archives: read the old field layout by class
// version (engine/archive/serialization.hpp) instead of editing the file.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "engine/app/archive_exchange.hpp"
#include "engine/archive/codec.hpp"
#include "tests/engine/archive/site.hpp"

namespace app = regflow::app;
namespace archive = regflow::archive;

namespace {

archive::Archive read_v1() {
  std::ifstream in(std::string(REGFLOW_TEST_DATA_DIR) + "/archive/v1-mini.rfa", std::ios::binary);
  REQUIRE(in);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto decoded = archive::decode(bytes);
  REQUIRE(std::holds_alternative<archive::Archive>(decoded));
  return std::get<archive::Archive>(decoded);
}

}  // namespace

TEST_CASE("a format 1 archive still decodes to what it held", "[archive][compatibility]") {
  const auto a = read_v1();
  CHECK(a.header.format_version == 1);
  CHECK(a.header.installation == "regflow");
  CHECK(a.header.exported_at == "2026-03-13T04:00:00Z");
  CHECK(a.header.selection == "all");
  CHECK(a.header.dossier_count == 3);
  REQUIRE(a.definitions.size() == 1);
  CHECK(a.definitions[0].name == "mini");
  CHECK(a.definitions[0].hash ==
        "8fde27ea54e8d91ce7c74225b68ab60ad07ba03d1c1a07e79e7c1e24062450f0");
  REQUIRE(a.dossiers.size() == 3);
  CHECK(a.dossiers[0].id == "MINI-2026-0001");
  CHECK(a.dossiers[0].title == "Pergub Insentif Koperasi");
  const auto& renumbered = a.dossiers[2];
  CHECK(renumbered.id == "MINI-2026-0003");
  CHECK(renumbered.step == "harmonisasi");
  CHECK(renumbered.bindings.at("pemrakarsa") == "dinas-kukm");
  CHECK(renumbered.variables.at("jenis") == "biasa");
  REQUIRE(renumbered.events.size() == 10);
  CHECK(renumbered.events[3].note == "pasal 2 bertentangan");
  CHECK(renumbered.events[8].type == "extended");
  CHECK(renumbered.events[9].type == "imported");
  CHECK(renumbered.events[9].data.at("original_id") == "MINI-2026-0001");
  CHECK(a.users.size() == 4);
  CHECK(a.agencies.size() == 3);
}

TEST_CASE("a format 1 archive still imports whole", "[archive][compatibility]") {
  const auto a = read_v1();
  regflow::test::Site site;
  const auto plan = app::plan_import(site.installation(), a, {}, site.at("2026-03-16T09:00"));
  REQUIRE(plan.problems.empty());
  CHECK(plan.count(app::ImportAction::Import) == 3);
  app::apply_import(site.installation(), plan);

  const auto report = site.store().verify();
  CHECK(report.problems.empty());
  CHECK(report.events == 12);
  const auto dossier = site.installation().read("MINI-2026-0003");
  REQUIRE(dossier);
  CHECK(dossier->state.step == "harmonisasi");
  CHECK(dossier->state.signatures.empty());
  const auto* clock = dossier->state.find_clock("harmonisasi");
  REQUIRE(clock != nullptr);
  CHECK(clock->extended_to == regflow::time::parse_date("2026-04-30"));
  CHECK(dossier->events.back().type == regflow::runtime::EventType::Imported);
  CHECK(dossier->events.back().hash == a.dossiers[2].events.back().hash);
}
