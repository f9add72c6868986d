#include "engine/document/paragraph_diff.hpp"

#include <algorithm>
#include <cstdint>

namespace regflow::document {

std::optional<std::vector<DiffLine>> paragraph_diff(const std::vector<std::string>& a,
                                                    const std::vector<std::string>& b) {
  const auto n = static_cast<std::ptrdiff_t>(a.size());
  const auto m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t max = n + m;
  const std::ptrdiff_t limit = std::min<std::ptrdiff_t>(max, kMaxDifferences);
  // v[k + offset] is the furthest x on diagonal k; trace[d] keeps v as it was after step d, only
  // over the diagonals d can reach (-d..d), so the whole trace is O(D²), not O(D·(N+M)).
  const std::ptrdiff_t offset = limit + 1;
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * offset + 1), 0);
  // 32-bit entries: at kMaxDifferences the trace is 4 M of them, 16 MiB.
  std::vector<std::vector<std::int32_t>> trace;
  std::ptrdiff_t found = -1;
  for (std::ptrdiff_t d = 0; d <= limit && found < 0; ++d) {
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      const auto at = [&](std::ptrdiff_t diagonal) -> std::ptrdiff_t& {
        return v[static_cast<std::size_t>(diagonal + offset)];
      };
      std::ptrdiff_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x >= n && y >= m) found = d;
    }
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
  }
  if (found < 0) return std::nullopt;

  // Walk back from (n, m) through the trace, collecting the script in reverse.
  std::vector<DiffLine> reversed;
  std::ptrdiff_t x = n;
  std::ptrdiff_t y = m;
  for (std::ptrdiff_t d = found; d >= 0; --d) {
    const std::ptrdiff_t k = x - y;
    std::ptrdiff_t prev_k = k;
    std::ptrdiff_t prev_x = 0;
    if (d > 0) {
      const auto& before = trace[static_cast<std::size_t>(d - 1)];
      const auto at = [&](std::ptrdiff_t diagonal) {
        return static_cast<std::ptrdiff_t>(before[static_cast<std::size_t>(diagonal + (d - 1))]);
      };
      prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
      prev_x = at(prev_k);
    }
    const std::ptrdiff_t prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x;
      --y;
      reversed.push_back({Change::Same, a[static_cast<std::size_t>(x)],
                          static_cast<std::size_t>(x + 1), static_cast<std::size_t>(y + 1)});
    }
    if (d == 0) break;
    if (x == prev_x) {
      --y;
      reversed.push_back(
          {Change::Added, b[static_cast<std::size_t>(y)], 0, static_cast<std::size_t>(y + 1)});
    } else {
      --x;
      reversed.push_back(
          {Change::Removed, a[static_cast<std::size_t>(x)], static_cast<std::size_t>(x + 1), 0});
    }
  }
  return std::vector<DiffLine>(reversed.rbegin(), reversed.rend());
}

}  // namespace regflow::document
