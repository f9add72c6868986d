// A dossier's documents on the web: the list on the dossier page (template
// dossier_documents.mustache) and the download of one version, byte for byte, always as an
// attachment so that a browser never renders an uploaded file as a page of this site.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/model/document_policy.hpp"
#include "engine/runtime/event.hpp"
#include "engine/time/date.hpp"
#include "web/call.hpp"

namespace regflow::web {

/// {"has_documents", "documents": [{kind, kind_title, version, name, step, actor, agency, when,
/// size, sha256, url}]} for the dossier page.
nlohmann::json documents_view(const std::string& dossier_id,
                              const std::vector<runtime::Event>& events,
                              const model::DocumentPolicy& policy, time::UtcOffset offset);

/// The upload form of the dossier page: {may_attach, reason (the engine's refusal when not),
/// url, kinds: [{name, title, required, selected}] (the kinds the current step requires and the
/// dossier lacks first), any_required, note, max_size}.
nlohmann::json upload_view(Call& call, const app::Dossier& dossier);

/// POST /d/:id/documents (multipart/form-data: csrf, kind, note, file): the same
/// Installation::attach as `regflow attach`, the signed-in user as the actor; back to the
/// dossier page with the written event, or with the engine's refusal above it.
Response document_upload(Call& call);

/// GET /d/:id/documents/:kind/:version: the bytes with their media type and
/// `Content-Disposition: attachment`, sent from a temporary file beside the database.
Response document_download(Call& call);

/// The Content-Disposition value for a stored name: an ASCII fallback (anything else, and
/// quotes and backslashes, as '_') and the exact name as RFC 5987 `filename*`.
std::string attachment_disposition(const std::string& name);

}  // namespace regflow::web
