// What changed between two versions of a text, paragraph by paragraph: Myers' O((N+M)·D)
// shortest edit script, so that a long naskah with a few changed articles compares quickly.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace regflow::document {

enum class Change { Same, Removed, Added };

struct DiffLine {
  Change change = Change::Same;
  std::string text;
  std::size_t old_number = 0;  ///< 1-based paragraph number in the old version (0 when added)
  std::size_t new_number = 0;  ///< in the new version (0 when removed)

  friend bool operator==(const DiffLine&, const DiffLine&) = default;
};

/// Above this many differing paragraphs the comparison is not attempted (its memory grows with
/// the square of the differences); the caller says so.
inline constexpr std::size_t kMaxDifferences = 2000;

/// Every paragraph of both versions in order, each marked the same, removed or added, with the
/// fewest changes; nullopt when more than kMaxDifferences paragraphs differ.
std::optional<std::vector<DiffLine>> paragraph_diff(const std::vector<std::string>& before,
                                                    const std::vector<std::string>& after);

}  // namespace regflow::document
