// The language an installation speaks: settings.yaml's `language` ("id" or "en"), read before a
// command loads anything else, because every word it prints depends on it. load_config checks
// the key with the rest of settings.yaml and reports a bad value as a diagnostic.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace regflow::load {

/// "id" or "en" from `root`/settings.yaml; nullopt when the file or the key is missing, the
/// value is not one of those, or the file cannot be read (load_config says why).
std::optional<std::string> settings_language(const std::filesystem::path& root);

}  // namespace regflow::load
