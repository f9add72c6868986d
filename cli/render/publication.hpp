// Words about a JDIH publication package (`regflow publish`, the web's download button): why a
// dossier has none yet, and what a package holds.
#pragma once

#include <string>

#include "engine/report/jdih_metadata.hpp"

namespace regflow::cli::render {

/// Why the dossier cannot be published, and what would be accepted.
std::string publication_refusal_text(const report::PublicationRefusal& refusal);

/// The package's contents for a person: the document, the record it traces to, then every
/// metadata field ("—" when empty; the sources are in metadata.json).
std::string publication_text(const report::JdihEntry& entry, const std::string& written_to);

}  // namespace regflow::cli::render
