// The web's cache of computed JSON: a slow computation for one key keeps no request for another
// key waiting, and callers of the same key share one computation.
#include "web/computed_cache.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

using regflow::web::ComputedCache;

TEST_CASE("a slow computation does not block other keys; one computation per key", "[web][cache]") {
  ComputedCache cache(64);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> slow_runs{0};
  auto slow = [&] {
    ++slow_runs;
    released.wait();
    return nlohmann::json{{"figure", 42}};
  };
  auto first = std::async(std::launch::async, [&] { return cache.get("stats", 1, slow); });
  // Wait until the slow computation runs, then ask again for it from a second thread.
  while (slow_runs.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  auto second = std::async(std::launch::async, [&] { return cache.get("stats", 1, slow); });
  // Another key is answered while "stats" is still being computed.
  auto board = std::async(std::launch::async,
                          [&] { return cache.get("board", 1, [] { return nlohmann::json(7); }); });
  REQUIRE(board.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
  CHECK(board.get() == nlohmann::json(7));
  CHECK(first.wait_for(std::chrono::milliseconds(0)) == std::future_status::timeout);
  release.set_value();
  CHECK(first.get()["figure"] == 42);
  CHECK(second.get()["figure"] == 42);
  CHECK(slow_runs.load() == 1);
  // Kept for the same data version; computed again for a new one.
  CHECK(cache.get("stats", 1, [] { return nlohmann::json(0); })["figure"] == 42);
  CHECK(cache.get("stats", 2, [] { return nlohmann::json(0); }) == nlohmann::json(0));
}

TEST_CASE("a computation that throws is not kept", "[web][cache]") {
  ComputedCache cache(64);
  CHECK_THROWS_AS(cache.get("k", 1, []() -> nlohmann::json { throw std::runtime_error("x"); }),
                  std::runtime_error);
  CHECK(cache.get("k", 1, [] { return nlohmann::json(1); }) == nlohmann::json(1));
}
