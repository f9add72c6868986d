// The key that authenticates the definition cache's entries (load::DefinitionCache). It is kept in
// the database, not beside the cache: whoever can plant a file in the cache folder must not be
// able to make regflow believe it, while whoever can read the database could read the YAML it
// stores anyway.
#pragma once

#include <string>

#include "engine/store/store.hpp"

namespace regflow::app {

/// Key of the cache key in the database's settings.
inline constexpr const char* kCacheKeySetting = "cache_mac_key";

/// The database's cache key (hex); "" when there is none. With `create`, one is made at random
/// and stored when there is none, unless the database cannot be written (a read-only copy). A
/// command that reads makes none: `init` does, and on an older database the first command that
/// succeeds (a refused command must change nothing).
std::string definition_cache_key(store::Store& store, bool create);

}  // namespace regflow::app
