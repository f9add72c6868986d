// Corrections on the dossier page: the title and bindings while the dossier is in its first
// step, cancelling one started by mistake, and the kendala. The forms are a partial template
// (dossier_corrections.mustache) of the dossier page; their POSTs are handled here through the
// engine calls of `regflow correct`, `cancel` and `kendala`, with the signed-in user as actor.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/app/installation.hpp"
#include "web/call.hpp"

namespace regflow::web {

/// The view of the corrections partial for `dossier` as the signed-in user sees it: which
/// forms are open to them, and for each one that is not, the engine's reason.
nlohmann::json corrections_view(Call& call, const app::Dossier& dossier);

Response correct_dossier(Call& call);
Response cancel_dossier(Call& call);
Response kendala_dossier(Call& call);

}  // namespace regflow::web
