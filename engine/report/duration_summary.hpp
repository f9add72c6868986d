// How long things took, summed up for a table: the count, the median, the 90th percentile and
// the maximum of a list of whole days. Pure; used by the statistics (engine/report/stats.hpp).
#pragma once

#include <vector>

namespace regflow::report {

/// Whole days in one unit (hari or hari kerja; the caller keeps the unit).
struct DurationSummary {
  int count = 0;
  int median = 0;  ///< nearest rank: the ceil(n/2)-th smallest value; 0 when count is 0
  int p90 = 0;     ///< nearest rank: the ceil(9n/10)-th smallest value; 0 when count is 0
  int max = 0;

  friend bool operator==(const DurationSummary&, const DurationSummary&) = default;
};

/// The summary of `days` (reordered in place). Nearest-rank percentiles are values that
/// occurred, never averages of two: "half took at most 4 hari kerja" is then literally true.
DurationSummary summarize(std::vector<int>& days);

}  // namespace regflow::report
