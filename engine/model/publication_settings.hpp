// The `publication:` section of settings.yaml: what a JDIH catalogue entry says of the region
// that makes the law, which no workflow or event records (docs/publication.md).
#pragma once

#include <string>

namespace regflow::model {

/// Each field is empty when settings.yaml does not give it; an empty field stays empty in the
/// metadata rather than being guessed.
struct PublicationSettings {
  /// T.E.U. Badan, e.g. "Kepulauan Bangka Belitung (Provinsi)"
  std::string teu_badan;
  /// Where the Governor signs (Tempat Penetapan), e.g. "Pangkalpinang"
  std::string tempat_penetapan;
  /// The region (Lokasi), also the name of its Lembaran/Berita Daerah, e.g. "Provinsi
  /// Kepulauan Bangka Belitung"
  std::string lokasi;
};

}  // namespace regflow::model
