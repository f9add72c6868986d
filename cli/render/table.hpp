// Aligned text tables for people: columns padded to the widest cell (UTF-8 aware), long cells
// cut with "…" so a board stays readable on an 80-column terminal.
#pragma once

#include <string>
#include <vector>

namespace regflow::cli::render {

class Table {
 public:
  explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}
  /// Limits a column's width (in characters); longer cells are cut.
  void limit(std::size_t column, std::size_t width);
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  std::string str() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> limits_;
};

/// Number of characters (UTF-8 code points) in a string, not counting ANSI colour codes.
std::size_t display_width(const std::string& text);

/// `text` cut to `width` characters, ending in "…" when cut (0: never cut).
std::string cut_to_width(const std::string& text, std::size_t width);

}  // namespace regflow::cli::render
