// JSON computed from the database, kept per key until the database's data version changes.
// The computation runs outside the cache's lock: a slow one (the statistics over 100k dossiers)
// never keeps a request for another key waiting, and requests for the same key while it runs
// wait for that one computation instead of starting their own.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

namespace regflow::web {

class ComputedCache {
 public:
  /// Beyond `max_entries` keys the cache starts again empty (a day's what-if questions should
  /// not grow it without end).
  explicit ComputedCache(std::size_t max_entries) : max_entries_(max_entries) {}

  /// What `compute` returns for `key` at data version `version`: kept from an earlier call of
  /// the same version, awaited when another thread is computing it, else computed here. When
  /// `compute` throws, every caller waiting for it gets the exception and nothing is kept.
  nlohmann::json get(const std::string& key, std::int64_t version,
                     const std::function<nlohmann::json()>& compute);

 private:
  using Entry = std::shared_future<nlohmann::json>;
  std::size_t max_entries_;
  std::mutex mutex_;  ///< guards the map and the version only, never a computation
  std::int64_t version_ = -1;
  std::map<std::string, std::shared_ptr<Entry>> entries_;
};

}  // namespace regflow::web
