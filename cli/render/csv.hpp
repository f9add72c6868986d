// CSV per RFC 4180 for spreadsheets: UTF-8 with a byte-order mark (so that a spreadsheet opens
// Indonesian names right), CRLF line ends, fields quoted when they hold a comma, a quote or a
// line break, quotes doubled. Dates are YYYY-MM-DD, fractions are written as fractions.
#pragma once

#include <string>

#include "cli/render/sheet.hpp"

namespace regflow::cli::render {

/// The sheet as one CSV document: the header row, then every row.
std::string csv_text(const Sheet& sheet);

/// One field as RFC 4180 writes it (quoted only when it has to be).
std::string csv_field(const std::string& text);

}  // namespace regflow::cli::render
