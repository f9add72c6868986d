// board and queue: what the governor's office and each agency open every morning. Both read the
// projections (dossier rows and running deadlines), never replay events.
#include <iostream>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/render/dossier.hpp"
#include "cli/render/table.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"
#include "engine/report/board.hpp"

namespace regflow::cli {
namespace {

std::string days_cell(const report::BoardEntry& e) {
  if (!e.deadline) return "-";
  const std::string unit = e.deadline->working_days ? "hk" : "h";
  switch (e.status) {
    case deadline::Status::Paused: return fmt::format("paused ({}{} left)", e.days_left, unit);
    case deadline::Status::Overdue: return fmt::format("{}{} late", -e.days_left, unit);
    case deadline::Status::DueSoon:
    case deadline::Status::OnTrack: return e.days_left == 0 ? "today" : fmt::format("{}{} left", e.days_left, unit);
    case deadline::Status::Met:
    case deadline::Status::Missed: return "-";
  }
  return "-";
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
  const bool colour = isatty(STDOUT_FILENO) != 0;
  std::cout << fmt::format("{} — {} open dossier(s), as of {}\n\n", heading, board.entries.size(),
                           time::format_date(board.today));
  render::Table table({"ID", "STEP", "HELD BY", "DUE", "LEFT", "TITLE"});
  table.limit(1, 20);
  table.limit(2, 16);
  table.limit(5, 22);
  for (const auto& e : board.entries) {
    std::string due = e.deadline && e.deadline->due ? time::format_date(*e.deadline->due) : "-";
    std::string days = days_cell(e);
    if (colour && e.status == deadline::Status::Overdue && e.deadline) days = "\x1b[31m" + days + "\x1b[0m";
    if (colour && e.status == deadline::Status::DueSoon && e.deadline) days = "\x1b[33m" + days + "\x1b[0m";
    std::string holder = e.dossier.owner_agency;
    if (!e.dossier.escalated_to.empty()) holder += "^" + e.dossier.escalated_to;
    table.add({e.dossier.id, e.dossier.step, holder, due, days, e.dossier.title});
  }
  std::cout << table.str();
  std::cout << "\n";
  std::string totals;
  for (const auto& [status, count] : board.totals_by_status) totals += fmt::format("{}{}: {}", totals.empty() ? "" : ", ", status, count);
  std::cout << "by status: " << (totals.empty() ? "none" : totals) << "\n";
  std::string late;
  for (const auto& [agency, count] : board.late_by_agency) late += fmt::format("{}{} {}", late.empty() ? "" : ", ", agency, count);
  std::cout << "late, by agency holding them: " << (late.empty() ? "none" : late) << "\n";
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
    const auto today = ctx.today();
    auto result = report::build_board(ctx.store(), filter, today, ctx.config().calendar());
    print_board(ctx, result, "Board");
  });

  auto agency = std::make_shared<std::string>();
  auto* queue = app.add_subcommand("queue", "What waits on one agency: its steps, sign-offs, escalations")->group("Reports");
  queue->add_option("agency", *agency, "Agency code (e.g. biro-hukum)")->required();
  queue->callback([&ctx, agency] {
    if (!ctx.config().agencies.contains(*agency)) {
      throw InputError(fmt::format("unknown agency '{}'{}; see workflows/agencies.yaml", *agency,
                                   model::did_you_mean(*agency, ctx.config().agencies.codes())));
    }
    report::BoardFilter filter{*agency, "", ""};
    auto result = report::build_board(ctx.store(), filter, ctx.today(), ctx.config().calendar());
    print_board(ctx, result, "Queue of " + *agency);
  });
}

}  // namespace regflow::cli
