// The dossier page's JDIH package button and its download (GET /d/ID/jdih.zip): the same
// app::publication_entry and write_publication_package that `regflow publish` calls.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/app/installation.hpp"
#include "web/call.hpp"

namespace regflow::web {

/// For the dossier page: {"ready": true, "url", "file"} for a promulgated product; {"ready":
/// false, "reason"} for a promulgated dossier without its product; null otherwise (nothing to
/// show before promulgation).
nlohmann::json publication_view(Call& call, const app::Dossier& dossier);

/// The package as a download; 404 for an unknown dossier, 409 with the engine's refusal when
/// the dossier is not promulgated.
Response publication_download(Call& call);

}  // namespace regflow::web
