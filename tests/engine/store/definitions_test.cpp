#include <catch2/catch.hpp>

#include "engine/store/store.hpp"

using regflow::store::Store;

TEST_CASE("definitions are stored once per content hash", "[store]") {
  Store store = Store::in_memory();
  CHECK_FALSE(store.latest_definition_hash("pergub").has_value());

  store.save_definition("hash-a", "pergub", 1, "workflows/pergub.yaml", "name: pergub\n");
  store.save_definition("hash-a", "pergub", 1, "elsewhere/pergub.yaml", "changed text\n");
  CHECK(store.definition_text("hash-a") == "name: pergub\n");
  CHECK(store.latest_definition_hash("pergub") == "hash-a");

  store.save_definition("hash-b", "pergub", 2, "workflows/pergub.yaml", "name: pergub\nv: 2\n");
  CHECK(store.latest_definition_hash("pergub") == "hash-b");
  CHECK(store.definition_text("hash-a") == "name: pergub\n");
  // Storing an old version again does not make it the latest.
  store.save_definition("hash-a", "pergub", 1, "workflows/pergub.yaml", "name: pergub\n");
  CHECK(store.latest_definition_hash("pergub") == "hash-b");
  CHECK_FALSE(store.definition_text("hash-c").has_value());
  CHECK_FALSE(store.latest_definition_hash("perda").has_value());
}
