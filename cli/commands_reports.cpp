// board and queue: what the governor's office and each agency open every morning. Both read the
// projections (dossier rows and running deadlines), never replay events.
#include <cstdlib>
#include <iostream>

#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/render/board.hpp"
#include "cli/render/dossier.hpp"
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

nlohmann::json entry_json(const report::BoardEntry& e) {
  nlohmann::json j = render::row_json(e.dossier);
  j["status"] = e.deadline ? deadline::status_name(e.status) : "no deadline";
  j["days_left"] = e.deadline ? nlohmann::json(e.days_left) : nlohmann::json();
  if (e.deadline) {
    j["deadline"] = {{"id", e.deadline->deadline_id}, {"title", e.deadline->title},
                     {"basis", e.deadline->basis},
                     {"due", e.deadline->due ? nlohmann::json(time::format_date(*e.deadline->due)) : nlohmann::json()},
                     {"unit", e.deadline->working_days ? "hari kerja" : "hari"},
                     {"provisional", e.deadline->provisional}};
  }
  return j;
}

}  // namespace

void print_board(Context& ctx, const report::Board& board, const std::string& heading) {
  if (ctx.options.json) {
    nlohmann::json out = {{"as_of", time::format_date(board.today)}, {"dossiers", nlohmann::json::array()},
                          {"totals", board.totals_by_status}, {"late_by_agency", board.late_by_agency}};
    for (const auto& e : board.entries) out["dossiers"].push_back(entry_json(e));
    print_json(out.dump(2));
    return;
  }
  render::BoardLayout layout;
  layout.width = terminal_width();
  layout.colour = isatty(STDOUT_FILENO) != 0;
  std::cout << render::board_text(board, heading, layout);
}

void add_report_commands(CLI::App& app, Context& ctx) {
  struct BoardArgs {
    std::string agency, workflow, status;
  };
  auto args = std::make_shared<BoardArgs>();
  auto* board = app.add_subcommand("board", "Open dossiers, most urgent first, with who holds them")->group("Reports");
  board->add_option("--agency", args->agency, "Only dossiers held by (or waiting on) this agency");
  board->add_option("--workflow", args->workflow, "Only this workflow");
  board->add_option("--status", args->status, "Only this status")
      ->check(CLI::IsMember({"overdue", "due soon", "on track", "paused", "no deadline"}));
  board->footer("Example: regflow board --now 2026-04-01   (what will be late on 1 April?)");
  board->callback([&ctx, args] {
    report::BoardFilter filter{args->agency, args->workflow, args->status};
    const auto& config = ctx.config_without_workflows();  // before today(): it has the offset
    auto result = report::build_board(ctx.store(), filter, ctx.today(), config.calendar());
    print_board(ctx, result, "Board");
  });

  auto agency = std::make_shared<std::string>();
  auto* queue = app.add_subcommand("queue", "What waits on one agency: its steps, sign-offs, escalations")->group("Reports");
  queue->add_option("agency", *agency, "Agency code (e.g. biro-hukum)")->required();
  queue->callback([&ctx, agency] {
    const auto& config = ctx.config_without_workflows();
    if (!config.agencies.contains(*agency)) {
      throw InputError(fmt::format("unknown agency '{}'{}; see workflows/agencies.yaml", *agency,
                                   model::did_you_mean(*agency, config.agencies.codes())));
    }
    report::BoardFilter filter{*agency, "", ""};
    auto result = report::build_board(ctx.store(), filter, ctx.today(), config.calendar());
    print_board(ctx, result, "Queue of " + *agency);
  });
}

}  // namespace regflow::cli
