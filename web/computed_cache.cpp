#include "web/computed_cache.hpp"

namespace regflow::web {

nlohmann::json ComputedCache::get(const std::string& key, std::int64_t version,
                                  const std::function<nlohmann::json()>& compute) {
  std::promise<nlohmann::json> promise;
  std::shared_ptr<Entry> entry;
  bool computes_here = false;
  {
    std::lock_guard lock(mutex_);
    if (version != version_ || entries_.size() >= max_entries_) {
      // Computations still running keep their own futures; their waiters are not disturbed.
      entries_.clear();
      version_ = version;
    }
    auto& slot = entries_[key];
    if (!slot) {
      slot = std::make_shared<Entry>(promise.get_future().share());
      computes_here = true;
    }
    entry = slot;
  }
  if (computes_here) {
    try {
      promise.set_value(compute());
    } catch (...) {
      promise.set_exception(std::current_exception());
      // A failure is not an answer: the next request tries again.
      std::lock_guard lock(mutex_);
      if (auto it = entries_.find(key); it != entries_.end() && it->second == entry) {
        entries_.erase(it);
      }
    }
  }
  return entry->get();
}

}  // namespace regflow::web
