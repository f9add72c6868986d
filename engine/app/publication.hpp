// The JDIH publication package of a promulgated product (`regflow publish`, the web's "Unduh
// paket JDIH"): a zip with the produk_final version that was promulgated, byte for byte, its
// catalogue metadata (report::jdih_entry) as metadata.json and in the JDIHN integration feed's
// keys as jdihn.json, and SHA256SUMS. Publishing is a read: it writes no event; the package
// names the history (last and promulgating events' hashes) so a reader can trace it to the
// record. docs/publication.md describes the package.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "engine/app/installation.hpp"
#include "engine/app/scratch_folder.hpp"
#include "engine/report/jdih_metadata.hpp"

namespace regflow::app {

/// The catalogue entry of dossier `id`, or why it has none; nullopt when the id is unknown.
/// Throws LoadError when its stored definition no longer loads.
std::optional<report::JdihOutcome> publication_entry(Installation& installation,
                                                     const std::string& id);

/// metadata.json: every field with its label, value and source, the document, and the record.
std::string publication_metadata_json(const report::JdihEntry& entry);
/// jdihn.json: the entry as one element of a JDIHN integration feed (keys idData, judul, …).
std::string jdihn_feed_json(const report::JdihEntry& entry);
/// "PERGUB-2020-0008-jdih.zip"
std::string publication_file_name(const report::JdihEntry& entry);

/// Writes the package of `entry` as `scratch`/package.zip and returns its path. The document is
/// streamed from the store through a file in `scratch` (memory does not grow with it) and
/// re-hashed on the way: throws Error when its bytes no longer match the SHA-256 its event
/// records (`regflow verify` names the damage). Entries carry the promulgation's time.
std::filesystem::path write_publication_package(Installation& installation,
                                                const report::JdihEntry& entry,
                                                const ScratchFolder& scratch);

}  // namespace regflow::app
