// The acting half of the dossier page: the actions of the current step as forms, the ones this
// person may not take with the engine's refusal, sign-off by one button, extensions; and the
// handlers of those forms. Each form is the same engine call as `regflow advance` or `extend`
// with the signed-in user as the actor and the page's state version as `expect_version`.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/app/installation.hpp"
#include "web/call.hpp"

namespace regflow::web {

/// What the dossier page shows a person under "Tindakan yang dapat Anda lakukan": from
/// runtime::action_options and extend_options, with the refusals in the CLI's words. `posted`
/// refills the fields of a refused form.
nlohmann::json acting_view(Call& call, const app::Dossier& dossier,
                           const std::map<std::string, std::string>& posted);

/// A notice above the dossier page: the events with `sequence >= first` that were just written.
nlohmann::json written_notice(const app::Dossier& dossier, std::int64_t first,
                              time::UtcOffset offset);

}  // namespace regflow::web
