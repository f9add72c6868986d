// The `publication:` section of settings.yaml (model::PublicationSettings). Private to
// engine/load (it takes yaml-cpp nodes).
#pragma once

#include <yaml-cpp/yaml.h>

#include "engine/load/yaml_reader.hpp"
#include "engine/model/publication_settings.hpp"

namespace regflow::load {

/// publication:
///   teu_badan: Kepulauan Bangka Belitung (Provinsi)
///   tempat_penetapan: Pangkalpinang
///   lokasi: Provinsi Kepulauan Bangka Belitung
/// Every key is optional; unknown keys are diagnostics.
model::PublicationSettings load_publication_settings(YamlReader& yaml, const YAML::Node& node);

}  // namespace regflow::load
