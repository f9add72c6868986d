#include "engine/app/cache_key.hpp"

#include "engine/model/digest.hpp"
#include "engine/model/error.hpp"

namespace regflow::app {

std::string definition_cache_key(store::Store& store, bool create) {
  if (auto key = store.setting(kCacheKeySetting); key && !key->empty()) return *key;
  if (!create) return {};
  try {
    store.set_setting(kCacheKeySetting, model::lower_hex(model::random_bytes(32)));
  } catch (const StoreError&) {
    return {};  // a read-only database: commands still work, without the cache
  }
  // Read back: of two commands making a key at once, the last one written is the key.
  return store.setting(kCacheKeySetting).value_or(std::string{});
}

}  // namespace regflow::app
