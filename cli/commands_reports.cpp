// board and queue: what the governor's office and each agency open every morning. Both read the
// projections (dossier rows and running deadlines), never replay events.
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/output_format.hpp"
#include "cli/render/board.hpp"
#include "cli/render/board_json.hpp"
#include "cli/render/board_sheet.hpp"
#include "cli/render/csv.hpp"
#include "cli/render/dossier.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/suggestion.hpp"
#include "cli/render/translate.hpp"
#include "cli/render/xlsx.hpp"
#include "engine/app/projection_basis.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"
#include "engine/report/board.hpp"

namespace regflow::cli {
namespace {

// The width a person's terminal gives the board: COLUMNS when set (for scripts and tests), else
// the terminal's own size; 0 (no limit) when the output goes to a pipe or a file.
std::size_t terminal_width() {
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
    char* end = nullptr;
    const long value = std::strtol(columns, &end, 10);
    if (*end == '\0' && value > 0 && value < 10000) return static_cast<std::size_t>(value);
  }
  if (isatty(STDOUT_FILENO) == 0) return 0;
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

// The board shows stored due dates. When the last tick stored them with another holiday
// calendar than the one loaded now, they may be off by the days that changed until the next
// tick recomputes them: say so rather than show them as true.
void warn_if_calendar_changed(Context& ctx, const time::HolidayCalendar& calendar) {
  const auto stored = ctx.store().setting(app::kProjectionBasisKey);
  if (!stored || *stored == app::projection_basis(calendar)) return;
  std::cerr << "regflow: "
            << render::tr(
                   "the holiday calendar changed since the due dates below were "
                   "computed; 'regflow tick' recomputes them")
            << "\n";
}

}  // namespace

void print_board(Context& ctx, const report::Board& board, const std::string& heading) {
  if (ctx.options.json) {
    print_json(render::board_json(board, report::board_details(ctx.store(), board)));
    return;
  }
  render::BoardLayout layout;
  layout.width = terminal_width();
  layout.colour = isatty(STDOUT_FILENO) != 0;
  std::cout << render::board_text(board, heading, layout);
}

void refuse_unknown_agency(const load::ConfigSet& config, const std::string& agency) {
  if (config.agencies.contains(agency)) return;
  throw InputError(render::unknown_agency_text(agency, config.agencies.codes()));
}

// No one reads more lines than this on a terminal, and a province has far fewer open dossiers;
// past it the board shows the most urgent ones and says how many it left out.
constexpr std::size_t kDefaultBoardLimit = 1000;

void add_limit_option(CLI::App& command, std::size_t& limit) {
  command
      .add_option("--limit", limit,
                  render::tr("Show at most N dossiers, the most urgent; 0 shows every one"))
      ->default_val(kDefaultBoardLimit)
      ->check([](const std::string& text) -> std::string {
        const bool digits = !text.empty() && text.size() <= 9 &&
                            text.find_first_not_of("0123456789") == std::string::npos;
        if (digits) return "";
        return render::trf(
            "'{}' is not a number of dossiers: give 0 (every one) or a whole number "
            "up to 999999999",
            text);
      });
}

void add_report_commands(CLI::App& app, Context& ctx) {
  struct BoardArgs {
    std::string agency, workflow, status, format = "text", output;
    std::size_t limit = kDefaultBoardLimit;
  };
  auto args = std::make_shared<BoardArgs>();
  auto* board = app.add_subcommand(
                       "board", render::tr("Open dossiers, most urgent first, with who holds them"))
                    ->group(render::tr("Reports"));
  board->add_option("--agency", args->agency,
                    render::tr("Only dossiers held by (or waiting on) this agency"));
  board->add_option("--workflow", args->workflow, render::tr("Only this workflow"));
  board->add_option("--status", args->status, render::tr("Only this status"))
      ->check(CLI::IsMember({"overdue", "due soon", "on track", "paused", "no deadline"}));
  add_limit_option(*board, args->limit);
  board->add_option(
      "--format", args->format,
      render::tr("text (default), csv (RFC 4180, for spreadsheets) or xlsx (needs -o)"));
  board->add_option("-o,--output", args->output,
                    render::tr("Write csv or xlsx to this file (atomically)"));
  board->footer(render::tr(
      "Example: regflow board --now 2026-04-01   (what will be late on 1 April?)\n"
      "         regflow board --format xlsx -o rapat-koordinasi.xlsx   (for a meeting)"));
  board->callback([&ctx, args] {
    check_output_format(ctx, "board", args->format, {"text", "csv", "xlsx"}, args->output);
    report::BoardFilter filter{args->agency, args->workflow, args->status, args->limit, ""};
    const auto& config = ctx.config_without_workflows();  // before today(): it has the offset
    // A misspelt filter would show an empty board that reads as "nothing is late".
    if (!args->agency.empty()) refuse_unknown_agency(config, args->agency);
    if (!args->workflow.empty() && !ctx.store().latest_definition_hash(args->workflow)) {
      throw InputError(
          render::trf("no dossier of workflow '{}' has ever been started in this database; give a "
                      "workflow name as 'regflow workflows' lists it",
                      args->workflow));
    }
    auto result = report::build_board(ctx.store(), filter, ctx.today(), config.calendar());
    warn_if_calendar_changed(ctx, config.calendar());
    if (args->format == "text" || ctx.options.json) {
      print_board(ctx, result, render::tr("Board"));
      return;
    }
    const auto sheet = render::board_sheet(result, report::board_details(ctx.store(), result),
                                           config.settings.offset);
    const std::string note = result.matching > result.entries.size()
                                 ? render::trf(" ({} more left out: --limit 0 writes every one)",
                                               result.matching - result.entries.size())
                                 : "";
    if (args->format == "csv") {
      deliver(ctx, render::csv_text(sheet), args->output,
              render::trf("board of {} dossier(s) (CSV){}", sheet.rows.size(), note));
    } else {
      deliver(ctx,
              render::xlsx_bytes(
                  {sheet}, render::trf("regflow board as of {}", time::format_date(result.today))),

              args->output,
              render::trf("board of {} dossier(s) (XLSX){}", sheet.rows.size(), note));
    }
  });

  auto agency = std::make_shared<std::string>();
  auto queue_limit = std::make_shared<std::size_t>(kDefaultBoardLimit);
  auto* queue =
      app.add_subcommand("queue",
                         render::tr("What waits on one agency: its steps, sign-offs, escalations"))
          ->group(render::tr("Reports"));
  queue->add_option("agency", *agency, render::tr("Agency code (e.g. biro-hukum)"))->required();
  add_limit_option(*queue, *queue_limit);
  queue->callback([&ctx, agency, queue_limit] {
    const auto& config = ctx.config_without_workflows();
    refuse_unknown_agency(config, *agency);
    report::BoardFilter filter{*agency, "", "", *queue_limit, ""};
    auto result = report::build_board(ctx.store(), filter, ctx.today(), config.calendar());
    warn_if_calendar_changed(ctx, config.calendar());
    print_board(ctx, result, render::trf("Queue of {}", *agency));
  });
}

}  // namespace regflow::cli
