// The statistics' two pictures: late step limits per agency (bars) and dossiers started and
// finished per month (lines), as data for svg_chart and as one SVG document for
// `regflow stats --format svg`. The web's statistics page can draw the same two charts from the
// same functions.
#pragma once

#include <string>

#include "cli/render/svg_chart.hpp"
#include "engine/report/stats.hpp"

namespace regflow::cli::render {

/// Per agency: step limits missed plus those running late, most first; agencies with none are
/// left out.
BarChart late_by_agency_chart(const report::Stats& stats);

/// Per month of the period (every workflow together): started, finished, stopped.
LineChart monthly_chart(const report::Stats& stats);

/// Both charts, one under the other, in one SVG document with a heading and the as-of date.
std::string stats_charts_svg(const report::Stats& stats);

}  // namespace regflow::cli::render
