// Aligned text tables for people: columns padded to the widest cell (UTF-8 aware), long cells
// cut with "…" so a board stays readable on an 80-column terminal.
#pragma once

#include <string>
#include <vector>

namespace regflow::cli::render {

class Table {
 public:
  explicit Table(std::vector<std::string> headers);
  /// Limits a column's width (in characters); longer cells, added before or after, are cut.
  void limit(std::size_t column, std::size_t width);
  /// Makes room for `rows` rows, so that a long table is not copied while it grows.
  void reserve(std::size_t rows);
  /// Adds a row; missing cells are empty, extra ones dropped.
  void add(std::vector<std::string> row);
  bool empty() const { return rows_ == 0; }
  std::string str() const;
  /// The display width of the widest line str() returns.
  std::size_t widest_line() const;

 private:
  // Cells are kept in one row-major array with their display widths, each cut and measured
  // once when it arrives: a board of 100k lines is laid out without a second pass over text.
  void put(std::size_t column, std::string cell);
  std::vector<std::size_t> column_widths() const;
  template <typename Visit>
  void lay_out_rows(Visit&& visit) const;

  std::vector<std::string> headers_;
  std::vector<std::size_t> limits_;
  std::vector<std::string> cells_;
  std::vector<std::size_t> cell_widths_;
  std::size_t rows_ = 0;
};

/// Number of characters (UTF-8 code points) in a string, not counting ANSI colour codes.
std::size_t display_width(const std::string& text);

/// `text` cut to `width` characters, ending in "…" when cut (0: never cut).
std::string cut_to_width(const std::string& text, std::size_t width);

}  // namespace regflow::cli::render
