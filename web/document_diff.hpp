// Comparing two versions of a dossier's document on the web: the form on the dossier page
// (each kind with two versions or more) and the page GET /d/ID/documents/KIND/diff?a=1&b=2,
// which shows the paragraphs removed and added, from the same app::compare_versions as
// `regflow diff`. Whoever may see the dossier may compare its documents.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/model/document_policy.hpp"
#include "engine/runtime/event.hpp"
#include "web/call.hpp"

namespace regflow::web {

/// {"any": bool, "kinds": [{kind, kind_title, url, versions: [{number, older, newer}]}]}: the
/// kinds with at least two versions, the latest two chosen.
nlohmann::json comparison_forms_view(const std::string& dossier_id,
                                     const std::vector<runtime::Event>& events,
                                     const model::DocumentPolicy& policy);

/// GET /d/:id/documents/:kind/diff?a=N&b=M.
Response document_diff_page(Call& call);

}  // namespace regflow::web
