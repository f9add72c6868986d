#include "engine/load/publication_settings.hpp"

namespace regflow::load {

model::PublicationSettings load_publication_settings(YamlReader& yaml, const YAML::Node& node) {
  model::PublicationSettings settings;
  // A key of settings.yaml, named as it is written.
  const model::Message publication = model::verbatim("publication");
  if (!yaml.expect_map(node, publication)) return settings;
  yaml.check_keys(node, {"teu_badan", "tempat_penetapan", "lokasi"}, publication);
  settings.teu_badan = yaml.text(node, "teu_badan", publication, false).value_or("");
  settings.tempat_penetapan = yaml.text(node, "tempat_penetapan", publication, false).value_or("");
  settings.lokasi = yaml.text(node, "lokasi", publication, false).value_or("");
  return settings;
}

}  // namespace regflow::load
