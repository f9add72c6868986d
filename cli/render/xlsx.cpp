#include "cli/render/xlsx.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/app/scratch_folder.hpp"
#include "engine/model/error.hpp"

namespace regflow::cli::render {
namespace {

// A light red that prints as a grey on black-and-white printers.
constexpr lxw_color_t kLateFill = 0xF8CBAD;
// Excel's limit on one cell's text.
constexpr std::size_t kMaxCellText = 32767;

// XML 1.0 has no place for most control characters: they are dropped (a title is text from
// people; the terminal guard shows them, a spreadsheet cannot). Over-long text is cut.
std::string cell_text(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n') || u == 0x7F) continue;
    out += c;
  }
  if (out.size() > kMaxCellText) {
    std::size_t cut = kMaxCellText;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) {
    throw Error(fmt::format("cannot write the workbook ({}): {}", what, lxw_strerror(error)));
  }
}

struct Formats {
  lxw_format* header;
  lxw_format* date;
  lxw_format* percent;
  lxw_format* late;
  lxw_format* late_date;
  lxw_format* late_percent;
};

Formats make_formats(lxw_workbook* book) {
  Formats f{};
  f.header = workbook_add_format(book);
  format_set_bold(f.header);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  f.date = workbook_add_format(book);
  format_set_num_format(f.date, "yyyy-mm-dd");
  f.percent = workbook_add_format(book);
  format_set_num_format(f.percent, "0%");
  f.late = workbook_add_format(book);
  format_set_bg_color(f.late, kLateFill);
  f.late_date = workbook_add_format(book);
  format_set_num_format(f.late_date, "yyyy-mm-dd");
  format_set_bg_color(f.late_date, kLateFill);
  f.late_percent = workbook_add_format(book);
  format_set_num_format(f.late_percent, "0%");
  format_set_bg_color(f.late_percent, kLateFill);
  return f;
}

void write_sheet(lxw_workbook* book, const Sheet& sheet, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(book, sheet.name.c_str());
  if (ws == nullptr) throw Error(fmt::format("cannot add the worksheet '{}'", sheet.name));
  for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    check(worksheet_set_column(ws, col, col, sheet.columns[c].width, nullptr), "column width");
    check(worksheet_write_string(ws, 0, col, cell_text(sheet.columns[c].name).c_str(), f.header),
          "header");
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto& row = sheet.rows[r];
    const auto at = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < row.cells.size() && c < sheet.columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const auto kind = sheet.columns[c].kind;
      lxw_format* plain = row.late ? f.late : nullptr;
      const Cell& cell = row.cells[c];
      if (const auto* text = std::get_if<std::string>(&cell)) {
        check(worksheet_write_string(ws, at, col, cell_text(*text).c_str(), plain), "text");
      } else if (const auto* number = std::get_if<double>(&cell)) {
        lxw_format* format =
            kind == CellKind::Percent ? (row.late ? f.late_percent : f.percent) : plain;
        check(worksheet_write_number(ws, at, col, *number, format), "number");
      } else if (const auto* date = std::get_if<time::Date>(&cell)) {
        const std::chrono::year_month_day ymd{*date};
        lxw_datetime when{static_cast<int>(ymd.year()),
                          static_cast<int>(unsigned(ymd.month())),
                          static_cast<int>(unsigned(ymd.day())),
                          0,
                          0,
                          0.0};
        check(worksheet_write_datetime(ws, at, col, &when, row.late ? f.late_date : f.date),
              "date");
      } else if (row.late) {
        check(worksheet_write_blank(ws, at, col, f.late), "blank");
      }
    }
  }
  if (!sheet.columns.empty()) {
    check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                               static_cast<lxw_col_t>(sheet.columns.size() - 1)),
          "filter");
  }
}

}  // namespace

std::string xlsx_bytes(const std::vector<Sheet>& sheets, const std::string& title) {
  app::ScratchFolder folder("workbook");
  const auto file = folder.path() / "book.xlsx";
  lxw_workbook* book = workbook_new(file.c_str());
  if (book == nullptr) {
    throw Error(fmt::format("cannot start a workbook in '{}'", folder.path().string()));
  }
  // libxlsxwriter takes the properties as mutable C strings; it only reads them.
  std::string safe_title = cell_text(title);
  std::string comments = "regflow";
  lxw_doc_properties properties{};
  properties.title = safe_title.data();
  properties.comments = comments.data();
  try {
    check(workbook_set_properties(book, &properties), "properties");
    const Formats formats = make_formats(book);
    for (const auto& sheet : sheets) write_sheet(book, sheet, formats);
  } catch (...) {
    workbook_close(book);
    throw;
  }
  check(workbook_close(book), "closing");
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw Error(fmt::format("cannot read back the workbook '{}'", file.string()));
  return bytes.str();
}

}  // namespace regflow::cli::render
