// A table for spreadsheets: named, typed columns and rows of cells, some marked late. The board
// and the statistics are turned into sheets (board_sheet, stats_sheets) and a sheet is written
// as CSV (csv.hpp) or XLSX (xlsx.hpp), so the two formats always carry the same values.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/time/date.hpp"

namespace regflow::cli::render {

enum class CellKind {
  Text,
  Number,  ///< a whole number or a decimal
  Date,    ///< a calendar date: a real date cell in XLSX, YYYY-MM-DD in CSV
  Percent  ///< a fraction 0..1, shown as a percentage
};

struct Column {
  std::string name;
  CellKind kind = CellKind::Text;
  double width = 12;  ///< in characters (XLSX)
};

/// Empty (monostate) for a missing value: an empty CSV field, a blank XLSX cell.
using Cell = std::variant<std::monostate, std::string, double, time::Date>;

struct SheetRow {
  std::vector<Cell> cells;  ///< one per column
  bool late = false;        ///< marked with a fill colour in XLSX
};

struct Sheet {
  std::string name;  ///< the XLSX sheet's name (at most 31 characters, no []:*?/\)
  std::vector<Column> columns;
  std::vector<SheetRow> rows;
};

}  // namespace regflow::cli::render
