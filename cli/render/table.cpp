#include "cli/render/table.hpp"

#include <algorithm>

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

void Table::limit(std::size_t column, std::size_t width) {
  if (limits_.size() <= column) limits_.resize(column + 1, 0);
  limits_[column] = width;
}

std::string Table::str() const {
  std::vector<std::vector<std::string>> cells;
  cells.push_back(headers_);
  for (const auto& row : rows_) cells.push_back(row);
  std::vector<std::size_t> widths(headers_.size(), 0);
  for (auto& row : cells) {
    row.resize(headers_.size());
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c < limits_.size() && limits_[c] > 0) row[c] = cut_to_width(row[c], limits_[c]);
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  std::string out;
  for (const auto& row : cells) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - display_width(row[c]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace regflow::cli::render
