// Store::import: an archive's dossiers written in one transaction, through the same chain check
// as every append, refusing (and writing nothing) when the database moved since the import was
// planned.
#include <catch2/catch.hpp>

#include "engine/model/error.hpp"
#include "engine/store/store.hpp"
#include "tests/engine/store/store_builders.hpp"

using regflow::ConflictError;
using regflow::StoreError;
using regflow::store::CounterUse;
using regflow::store::ImportBatch;
using regflow::store::Store;
using regflow::test::advanced;
using regflow::test::message_of;
using regflow::test::started;

namespace {

/// A two-event dossier as an import would write it.
regflow::store::Write whole(const std::string& id) {
  auto write = started(id);
  const auto next = advanced(write.events.back(), "budi", "paraf", "biro-hukum");
  write.events.push_back(next.events.back());
  write.dossier = next.dossier;
  return write;
}

std::string start_one(Store& store) {
  return store.start("PERGUB", 2026, [](const std::string& id) { return started(id); });
}

}  // namespace

TEST_CASE("an import writes whole dossiers and moves the counters past kept numbers",
          "[store][archive]") {
  Store store = Store::in_memory();
  ImportBatch batch;
  batch.definitions.push_back(
      {"def-hash-1", "pergub", 1, "workflows/pergub.yaml", "workflow: x\n"});
  batch.dossiers = {whole("PERGUB-2026-0007"), whole("PERGUB-2026-0008")};
  batch.counters = {{"PERGUB", 2026, 7, false}, {"PERGUB", 2026, 8, true}};
  REQUIRE(store.next_number("PERGUB", 2026) == 1);
  // 8 is allocated after 7 was kept: the counter must be at 8 by then.
  store.import(batch);
  CHECK(store.events("PERGUB-2026-0007").size() == 2);
  CHECK(store.dossier("PERGUB-2026-0008")->version == 2);
  CHECK(store.definition("def-hash-1")->name == "pergub");
  CHECK(store.verify().problems.empty());
  CHECK(start_one(store) == "PERGUB-2026-0009");
}

TEST_CASE("a kept number only ever moves its own counter forward", "[store][archive]") {
  Store store = Store::in_memory();
  for (int i = 0; i < 3; ++i) start_one(store);
  ImportBatch batch;
  batch.dossiers = {whole("PERGUB-2025-0002"), whole("PERGUB-2026-0001")};
  batch.dossiers[1].dossier.id = "PERGUB-2024-0001";
  for (auto& e : batch.dossiers[1].events) e.dossier_id = "PERGUB-2024-0001";
  std::string previous;
  for (auto& e : batch.dossiers[1].events) {
    regflow::runtime::seal(e, previous);
    previous = e.hash;
  }
  batch.counters = {{"PERGUB", 2025, 2, false}, {"PERGUB", 2024, 1, false}};
  store.import(batch);
  CHECK(store.next_number("PERGUB", 2025) == 3);
  CHECK(store.next_number("PERGUB", 2024) == 2);
  CHECK(start_one(store) == "PERGUB-2026-0004");
}

TEST_CASE("an import refuses, writing nothing, when the database moved since it was planned",
          "[store][archive]") {
  Store store = Store::in_memory();
  ImportBatch batch;
  batch.dossiers = {whole("PERGUB-2026-0003"), whole("PERGUB-2026-0001")};
  batch.counters = {{"PERGUB", 2026, 3, false}};

  SECTION("an id was started meanwhile") {
    start_one(store);
    const auto message = message_of<ConflictError>([&] { store.import(batch); });
    CHECK(message.find("dossier 'PERGUB-2026-0001' was started in ':memory:' while the archive "
                       "was being checked; nothing was written") == 0);
    CHECK_FALSE(store.dossier("PERGUB-2026-0003").has_value());
  }
  SECTION("an allocated number was taken meanwhile") {
    Store other = Store::in_memory();
    other.start("PERGUB", 2027, [](const std::string& id) { return started(id); });
    ImportBatch late;
    late.dossiers = {whole("PERGUB-2027-0005")};
    late.counters = {{"PERGUB", 2027, 5, true}};
    const auto message = message_of<ConflictError>([&] { other.import(late); });
    CHECK(message ==
          "number PERGUB-2027-0005 was taken by another command while the archive was being "
          "checked; nothing was written — run the import again");
    CHECK_FALSE(other.dossier("PERGUB-2027-0005").has_value());
  }
  SECTION("a chain that does not hold is a bug, not written") {
    batch.dossiers[0].events[1].note = "diubah";
    CHECK_THROWS_AS(store.import(batch), StoreError);
    CHECK(store.list({}).empty());
  }
}

TEST_CASE("dossier ids parse back into their series", "[store][archive]") {
  const auto parsed = regflow::store::parse_dossier_id("PERGUB-2026-0042");
  REQUIRE(parsed);
  CHECK(parsed->prefix == "PERGUB");
  CHECK(parsed->year == 2026);
  CHECK(parsed->number == 42);
  CHECK(regflow::store::parse_dossier_id("KS-2021-12345")->number == 12345);
  CHECK_FALSE(regflow::store::parse_dossier_id("PERGUB-26-0042"));
  CHECK_FALSE(regflow::store::parse_dossier_id("PERGUB-2026-042"));
  CHECK_FALSE(regflow::store::parse_dossier_id("2026-0042"));
  CHECK_FALSE(regflow::store::parse_dossier_id("lama/17"));
}
