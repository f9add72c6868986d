#include "engine/report/duration_summary.hpp"

#include <algorithm>

namespace regflow::report {
namespace {

// The k-th smallest (1-based) for the nearest rank ceil(n * percent / 100).
int nearest_rank(std::vector<int>& days, int percent) {
  const auto n = days.size();
  auto rank = (n * static_cast<std::size_t>(percent) + 99) / 100;
  if (rank == 0) rank = 1;
  const auto at = days.begin() + static_cast<std::ptrdiff_t>(rank - 1);
  std::nth_element(days.begin(), at, days.end());
  return *at;
}

}  // namespace

DurationSummary summarize(std::vector<int>& days) {
  DurationSummary summary;
  if (days.empty()) return summary;
  summary.count = static_cast<int>(days.size());
  summary.median = nearest_rank(days, 50);
  summary.p90 = nearest_rank(days, 90);
  summary.max = *std::max_element(days.begin(), days.end());
  return summary;
}

}  // namespace regflow::report
