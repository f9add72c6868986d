// The download buttons of the board and the Statistik page: the same sheets as `regflow board
// --format csv|xlsx` and `regflow stats --format csv|xlsx` (cli/render/board_sheet,
// stats_sheets, csv, xlsx), for the page's filters, as an attachment named after the report and
// its as-of day so that a meeting's files sort by date.
#include <fmt/format.h>

#include <algorithm>

#include "cli/render/board_sheet.hpp"
#include "cli/render/csv.hpp"
#include "cli/render/stats.hpp"
#include "cli/render/suggestion.hpp"
#include "cli/render/translate.hpp"
#include "cli/render/xlsx.hpp"
#include "engine/model/spelling.hpp"
#include "web/board_query.hpp"
#include "web/handlers.hpp"
#include "web/statistics.hpp"
#include "web/web_app.hpp"

namespace regflow::web {
namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Response attachment(std::string bytes, const char* type, const std::string& file_name) {
  Response response{200, {{"Content-Type", type}}, std::move(bytes)};
  // The name is made of fixed words, a table name from a fixed list and a date: nothing to
  // quote or encode.
  response.set("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return response;
}

// "csv" or "xlsx", else the refusal's text.
std::optional<std::string> chosen_format(Call& call, std::string& problem) {
  const std::string format = call.query("format");
  if (format == "csv" || format == "xlsx") return format;
  problem =
      cli::render::trf("format '{}' cannot be downloaded; give format=csv or format=xlsx", format);
  return std::nullopt;
}

}  // namespace

Response board_download(Call& call) {
  std::string problem;
  const auto format = chosen_format(call, problem);
  if (!format) return call.error(400, problem);
  const auto query = board_query(call, problem, kBoardPageLimit);
  if (!query) return call.error(400, problem);
  auto& store = call.store();
  const auto board =
      report::build_board(store, query->filter, query->today, call.app.config().calendar());
  const auto sheet = cli::render::board_sheet(board, report::board_details(store, board),
                                              call.app.config().settings.offset);
  const std::string day = time::format_date(board.today);
  if (*format == "csv") {
    return attachment(cli::render::csv_text(sheet), "text/csv; charset=utf-8",
                      "papan-" + day + ".csv");
  }
  return attachment(cli::render::xlsx_bytes({sheet}, "regflow board as of " + day), kXlsxType,
                    "papan-" + day + ".xlsx");
}

Response statistics_download(Call& call) {
  std::string problem;
  const auto format = chosen_format(call, problem);
  if (!format) return call.error(400, problem);
  const auto filter = stats_query(call, problem);
  if (!filter) return call.error(400, problem);
  const auto names = cli::render::stats_sheet_names();
  const std::string table = call.query("table").empty() ? names.front() : call.query("table");
  if (std::find(names.begin(), names.end(), table) == names.end()) {
    return call.error(
        400, cli::render::trf("unknown table '{}'{}; known: {}", table,
                              cli::render::did_you_mean(table, names), model::quoted_list(names)));
  }
  const auto stats = stats_for(call, *filter);
  const auto sheets = cli::render::stats_sheets(stats);
  const std::string day = time::format_date(stats.as_of);
  if (*format == "xlsx") {
    return attachment(cli::render::xlsx_bytes(sheets, "regflow statistics as of " + day), kXlsxType,
                      "statistik-" + day + ".xlsx");
  }
  const auto sheet =
      std::find_if(sheets.begin(), sheets.end(), [&](const auto& s) { return s.name == table; });
  return attachment(cli::render::csv_text(*sheet), "text/csv; charset=utf-8",
                    "statistik-" + table + "-" + day + ".csv");
}

}  // namespace regflow::web
