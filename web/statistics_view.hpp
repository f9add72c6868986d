// The Statistik page's view model: the JSON of `regflow stats --json` (cli/render/stats_json)
// with what a page adds for reading: agency names, percentages, figures in words with their
// unit, CSS classes for late rows. A pure function of its JSON, so the page shows exactly the
// figures the command line and the downloads give.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/model/agency.hpp"

namespace regflow::web {

nlohmann::json statistics_view(const nlohmann::json& stats, const model::AgencyDirectory& agencies);

}  // namespace regflow::web
