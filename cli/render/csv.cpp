#include "cli/render/csv.hpp"

#include <fmt/format.h>

namespace regflow::cli::render {
namespace {

std::string cell_text(const Cell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  if (const auto* number = std::get_if<double>(&cell)) return fmt::format("{}", *number);
  if (const auto* date = std::get_if<time::Date>(&cell)) return time::format_date(*date);
  return {};
}

}  // namespace

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string csv_text(const Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";
  auto line = [&out](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += ',';
      out += csv_field(fields[i]);
    }
    out += "\r\n";
  };
  std::vector<std::string> fields;
  for (const auto& column : sheet.columns) fields.push_back(column.name);
  line(fields);
  for (const auto& row : sheet.rows) {
    fields.clear();
    for (const auto& cell : row.cells) fields.push_back(cell_text(cell));
    line(fields);
  }
  return out;
}

}  // namespace regflow::cli::render
