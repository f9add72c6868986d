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

/// GET /d/:id/documents/:kind/:version: the bytes with their media type and
/// `Content-Disposition: attachment`.
Response document_download(Call& call);

/// The Content-Disposition value for a stored name: an ASCII fallback (anything else, and
/// quotes and backslashes, as '_') and the exact name as RFC 5987 `filename*`.
std::string attachment_disposition(const std::string& name);

}  // namespace regflow::web
