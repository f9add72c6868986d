// The statistics as the web asks for them (?workflow=&agency=&from=&to=), checked against the
// configuration with the command line's messages, and computed through the same engine call as
// `regflow stats` (app::statistics). Shared by the Statistik page and its downloads.
#pragma once

#include <optional>
#include <string>

#include "engine/report/stats.hpp"
#include "web/call.hpp"

namespace regflow::web {

/// The filters of the request; nullopt with `problem` set when one is not acceptable.
std::optional<report::StatsFilter> stats_query(Call& call, std::string& problem);

/// The statistics for `filter` as of today (or the filter's `to`).
report::Stats stats_for(Call& call, const report::StatsFilter& filter);

/// The page's filters again, as a query string ("workflow=pergub&from=2021-01-01"), for the
/// download links; empty when none is set.
std::string stats_query_string(const report::StatsFilter& filter);

}  // namespace regflow::web
