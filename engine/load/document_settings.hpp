// The `documents:` section of settings.yaml: the kinds of document a dossier may hold, with
// their Indonesian titles, and the largest document accepted. Private to engine/load (it takes
// yaml-cpp nodes).
#pragma once

#include <yaml-cpp/yaml.h>

#include "engine/load/yaml_reader.hpp"
#include "engine/model/document_policy.hpp"

namespace regflow::load {

/// documents:
///   max_size_mib: 50
///   kinds: {naskah: Naskah rancangan, surat: Surat, ...}
/// Without `kinds`, the standard kinds; with it, exactly those listed.
model::DocumentPolicy load_document_policy(YamlReader& yaml, const YAML::Node& node);

}  // namespace regflow::load
