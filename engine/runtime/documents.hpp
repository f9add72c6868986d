// Documents of a dossier as the decider sees them: the facts of an attachment (kind, name, size,
// SHA-256), never its bytes, which go to the store beside the event. Deciding an attachment,
// checking a step's required documents before it is left, and listing a dossier's document
// versions from its events are all pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/document_policy.hpp"
#include "engine/runtime/decide.hpp"

namespace regflow::runtime {

/// Adds a document version to a dossier: refused when the dossier is closed, the kind is not
/// declared, the file is empty or over the policy's limit, its name has a folder, control
/// characters or is not UTF-8, the actor's role may not act, or none of the actor's agencies is
/// involved in the dossier (owns or signs one of its steps, or is bound to one of its roles).
Decision decide_attach(const DecideContext& context, const DossierState& state,
                       const AttachCommand& command, const Actor& actor,
                       const model::DocumentPolicy& policy);

/// Why a file name may not be a document's name, as a code that the renderers word ("" when it
/// may): "empty", "too-long" (over 255 bytes), "not-utf8", "folder" ("." or ".."),
/// "path-separator", "control-character". Documents are downloaded under their name, so a name
/// must not lead into a folder or hide characters.
std::string document_name_problem(const std::string& name);

/// The media type of a file name by its extension ("application/octet-stream" when unknown).
std::string media_type_for_name(const std::string& name);

/// The kinds `step` requires (requires_documents) that the dossier does not hold yet, whatever
/// the action: what an upload form offers first.
std::vector<std::string> documents_lacking(const model::Step& step, const DossierState& state);

/// The kinds `step` requires (requires_documents) that the dossier does not hold yet, when an
/// action leaves it forward for `to_step` (not a return for revision, and not a stop); empty
/// when nothing is missing.
std::vector<std::string> missing_documents(const model::WorkflowDefinition& definition,
                                           const model::Step& step, const DossierState& state,
                                           const std::string& to_step, bool is_return);

/// One version of one document, as its `attached` event records it.
struct DocumentVersion {
  std::string kind;
  std::int64_t version = 0;  ///< 1, 2, … per kind
  std::string step;          ///< where the dossier stood when it was attached
  std::string actor;
  std::string agency;
  time::Instant at{};
  std::int64_t size = 0;
  std::string sha256;
  std::string name;
  std::string media_type;
  std::string note;
  std::int64_t sequence = 0;  ///< of the event
};

/// Every document version of a dossier, in the order attached.
std::vector<DocumentVersion> documents_of(const std::vector<Event>& events);

/// The version of `kind` numbered `version` (the latest when not given); nullopt when none.
std::optional<DocumentVersion> find_document(const std::vector<DocumentVersion>& documents,
                                             const std::string& kind,
                                             std::optional<std::int64_t> version);

}  // namespace regflow::runtime
