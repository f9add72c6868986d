// XLSX workbooks through libxlsxwriter: one worksheet per sheet, with real date cells, column
// widths, a bold header row that stays visible when scrolling (frozen pane) with a filter on
// it, and late rows filled in a light red. libxlsxwriter writes only to a file name, so the
// workbook is written to a private temporary folder and its bytes returned: the caller writes
// them to the user's path through write_output_file, like every other output.
#pragma once

#include <string>
#include <vector>

#include "cli/render/sheet.hpp"

namespace regflow::cli::render {

/// The workbook's bytes. Throws regflow::Error when the temporary file cannot be made or
/// libxlsxwriter reports an error (with its reason).
std::string xlsx_bytes(const std::vector<Sheet>& sheets, const std::string& title);

}  // namespace regflow::cli::render
