// The catalogue entry of a promulgated product for the JDIH (Jaringan Dokumentasi dan Informasi
// Hukum): the metadata fields of the JDIHN standard (Permenkumham 8/2019), each mapped to where
// regflow knows it (the dossier's title, its workflow, its variables, the dates of its events,
// settings.yaml's `publication:`), or left empty. Pure: the same facts give the same entry. The
// mapping, field by field, is docs/publication.md; `regflow publish` and the web's download
// package it with the document (engine/app/publication.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/model/agency.hpp"
#include "engine/model/definition.hpp"
#include "engine/model/publication_settings.hpp"
#include "engine/runtime/documents.hpp"
#include "engine/runtime/dossier_state.hpp"
#include "engine/runtime/event.hpp"
#include "engine/time/date.hpp"

namespace regflow::report {

/// How one workflow's product is catalogued, and which of its events promulgate it.
struct JdihProfile {
  std::string workflow;         ///< "perda"
  std::string tipe_dokumen;     ///< "Peraturan Perundang-undangan"; "" when not settled
  std::string jenis;            ///< Jenis/Bentuk Peraturan: "Peraturan Daerah"
  std::string singkatan;        ///< Singkatan Jenis: "PERDA"
  std::string number_variable;  ///< the dossier variable holding its number: "nomor_perda"
  std::string sumber;           ///< "Lembaran Daerah"; "" when it is not promulgated in one
  std::string sumber_variable;  ///< "nomor_lembaran_daerah"
  /// The step whose action `promulgation_action` makes the product public: for a regulation,
  /// pengundangan (its Lembaran/Berita Daerah number); for an agreement, its signing.
  std::string promulgation_step;
  std::string promulgation_action;
  /// The step entered when the product is signed (penetapan); "" when the promulgating action
  /// is the signing itself.
  std::string signed_into;
};

/// The profile of a workflow; nullptr when regflow does not catalogue its products.
const JdihProfile* jdih_profile(const std::string& workflow);
/// Every profile, for documentation and the shipped-configuration test.
const std::vector<JdihProfile>& jdih_profiles();

/// One metadata field: its key (snake_case, stable), the standard's label, the value ("" when
/// regflow does not know it) and where the value comes from.
struct JdihField {
  std::string key;
  std::string label;
  std::string value;
  std::string source;
};

/// What a publication package holds besides the document's bytes.
struct JdihEntry {
  std::vector<JdihField> fields;
  runtime::DocumentVersion document;  ///< the produk_final version promulgated
  /// The document's name in the package: its own, unless it is one of the package's metadata
  /// files (then prefixed with "produk_final-").
  std::string file_name;
  std::string dossier_id;
  std::string workflow;
  std::string definition_hash;
  std::int64_t last_sequence = 0;  ///< the history as it stands when the entry is made
  std::string last_hash;
  std::int64_t promulgation_sequence = 0;  ///< the event that promulgated the product
  std::string promulgation_hash;
  time::Instant promulgated_at{};

  /// The value of the field `key`; "" when there is no such field.
  const std::string& value(const std::string& key) const;
};

enum class PublicationProblem {
  NotCatalogued,   ///< the workflow has no JDIH profile
  NotPromulgated,  ///< the promulgating action has not been taken
  NoProduct        ///< promulgated, but no produk_final was attached before it
};

/// Why a dossier cannot be published, with what would be accepted.
struct PublicationRefusal {
  PublicationProblem problem = PublicationProblem::NotPromulgated;
  std::string dossier_id;
  std::string workflow;
  std::string step;  ///< where the dossier stands
  std::string step_title;
  std::string required_step_title;  ///< the step whose action promulgates
  std::string required_action;      ///< that action's name
  std::string required_action_title;
};

using JdihOutcome = std::variant<JdihEntry, PublicationRefusal>;

/// The files a package holds besides the document.
inline constexpr const char* kMetadataFile = "metadata.json";
inline constexpr const char* kFeedFile = "jdihn.json";
inline constexpr const char* kChecksumFile = "SHA256SUMS";

/// The document kind a publication carries.
inline constexpr const char* kProductKind = "produk_final";

/// The catalogue entry of a dossier, or why it has none yet. `events` are all the dossier's
/// events; dates are local dates at `offset`.
JdihOutcome jdih_entry(const model::WorkflowDefinition& definition,
                       const runtime::DossierState& state,
                       const std::vector<runtime::Event>& events,
                       const model::PublicationSettings& settings,
                       const model::AgencyDirectory& agencies, time::UtcOffset offset);

}  // namespace regflow::report
