// View models: the JSON the API gives (the CLI's --json shapes), with what a page adds for
// reading: Indonesian words for statuses and days, CSS classes, maps turned into lists.
// Pure functions of their JSON, so the pages and the API cannot disagree.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/model/agency.hpp"
#include "engine/time/date.hpp"

namespace regflow::web {

/// Adds to each dossier of a board_json its status and days in words and a CSS class, and
/// lists of the totals and of late dossiers by agency (with agency names).
nlohmann::json board_view(nlohmann::json board, const model::AgencyDirectory& agencies);

/// Adds words and lists to a dossier_json, and the history (event_json entries) with local
/// times.
nlohmann::json dossier_view(nlohmann::json dossier, const nlohmann::json& events,
                            time::UtcOffset offset, const model::AgencyDirectory& agencies);

/// "2021-01-07 10:00" local, from an event's "at" (ISO UTC).
std::string local_time_text(const std::string& at_utc, time::UtcOffset offset);

}  // namespace regflow::web
