#include "cli/render/table.hpp"

#include <algorithm>

#include "cli/render/printable.hpp"

namespace regflow::cli::render {

std::string cut_to_width(const std::string& text, std::size_t width) {
  if (display_width(text) <= width || width == 0) return text;
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {
      if (count + 1 == width) break;
      ++count;
    }
    out += text[i];
  }
  return out + "…";
}

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // ANSI colour codes ("\x1b[31m") take no room on the terminal.
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      const auto end = text.find('m', i);
      if (end != std::string::npos) {
        i = end;
        continue;
      }
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++width;
  }
  return width;
}

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {
  for (std::size_t c = 0; c < headers_.size(); ++c) put(c, headers_[c]);
}

void Table::put(std::size_t column, std::string cell) {
  // A cell is one line: a newline in a note must not start a row of its own.
  cell = printable(cell);
  std::size_t width = display_width(cell);
  if (column < limits_.size() && limits_[column] > 0 && width > limits_[column]) {
    cell = cut_to_width(cell, limits_[column]);
    width = display_width(cell);
  }
  cells_.push_back(std::move(cell));
  cell_widths_.push_back(width);
}

void Table::limit(std::size_t column, std::size_t width) {
  if (limits_.size() <= column) limits_.resize(column + 1, 0);
  limits_[column] = width;
  if (width == 0) return;
  // The header is row 0 of the cells; cells already added are cut to the new limit.
  for (std::size_t i = column; i < cells_.size(); i += headers_.size()) {
    if (cell_widths_[i] <= width) continue;
    cells_[i] = cut_to_width(cells_[i], width);
    cell_widths_[i] = display_width(cells_[i]);
  }
}

void Table::reserve(std::size_t rows) {
  cells_.reserve((rows + 1) * headers_.size());
  cell_widths_.reserve((rows + 1) * headers_.size());
}

void Table::add(std::vector<std::string> row) {
  row.resize(headers_.size());
  for (std::size_t c = 0; c < row.size(); ++c) put(c, std::move(row[c]));
  ++rows_;
}

std::vector<std::size_t> Table::column_widths() const {
  const std::size_t columns = headers_.size();
  std::vector<std::size_t> widths(columns, 0);
  for (std::size_t i = 0; i < cell_widths_.size(); ++i) {
    widths[i % columns] = std::max(widths[i % columns], cell_widths_[i]);
  }
  return widths;
}

// Each line (the header first): every cell padded to its column plus two spaces, trailing
// blanks dropped. `visit(row, blanks, cell index)` is called for each non-empty cell, and
// `visit(row, 0, npos)` at the end of each line.
template <typename Visit>
void Table::lay_out_rows(Visit&& visit) const {
  const std::size_t columns = headers_.size();
  if (columns == 0) return;
  const auto widths = column_widths();
  for (std::size_t row = 0; row <= rows_; ++row) {
    std::size_t blanks = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      const std::size_t i = row * columns + c;
      const std::size_t width = cell_widths_[i];
      if (width > 0) {
        visit(blanks, i);
        blanks = 0;
      }
      blanks += widths[c] - width + 2;
    }
    visit(0, std::string::npos);
  }
}

std::string Table::str() const {
  std::string out;
  std::size_t bytes = 0;
  for (const auto& cell : cells_) bytes += cell.size() + 2;
  out.reserve(bytes + rows_ + 1);
  lay_out_rows([&](std::size_t blanks, std::size_t cell) {
    if (cell == std::string::npos) {
      out += '\n';
      return;
    }
    out.append(blanks, ' ');
    out += cells_[cell];
  });
  return out;
}

std::size_t Table::widest_line() const {
  std::size_t widest = 0;
  std::size_t line = 0;
  lay_out_rows([&](std::size_t blanks, std::size_t cell) {
    if (cell == std::string::npos) {
      widest = std::max(widest, line);
      line = 0;
      return;
    }
    line += blanks + cell_widths_[cell];
  });
  return widest;
}

}  // namespace regflow::cli::render
