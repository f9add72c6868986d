#include "engine/report/board.hpp"

#include <algorithm>

namespace regflow::report {

deadline::Status row_status(const store::DeadlineRow& row, const time::HolidayCalendar& calendar,
                            time::Date today, int& days_left) {
  if (!row.due) {
    days_left = row.paused_remaining;
    return deadline::Status::Paused;
  }
  const auto unit = row.working_days ? time::DayUnit::Working : time::DayUnit::Calendar;
  days_left = calendar.days_between(today, *row.due, unit);
  if (today > *row.due) return deadline::Status::Overdue;
  if (days_left <= row.due_soon) return deadline::Status::DueSoon;
  return deadline::Status::OnTrack;
}

Board build_board(const store::Store& store, const BoardFilter& filter, time::Date today,
                  const time::HolidayCalendar& calendar) {
  Board board;
  board.today = today;
  store::ListFilter list;
  list.closed = false;
  if (!filter.agency.empty()) list.agency = filter.agency;
  if (!filter.workflow.empty()) list.workflow = filter.workflow;
  const auto rows = store.list(list);
  std::map<std::string, std::vector<store::DeadlineRow>> by_dossier;
  for (auto& d : store.open_deadlines(filter.agency.empty() ? std::nullopt : std::optional(filter.agency))) {
    by_dossier[d.dossier_id].push_back(std::move(d));
  }
  for (const auto& row : rows) {
    BoardEntry entry;
    entry.dossier = row;
    auto it = by_dossier.find(row.id);
    if (it != by_dossier.end()) {
      for (const auto& d : it->second) {
        int days = 0;
        const auto status = row_status(d, calendar, today, days);
        const bool better =
            !entry.deadline || deadline::urgency_rank(status) < deadline::urgency_rank(entry.status) ||
            (status == entry.status && days < entry.days_left);
        if (better) {
          entry.deadline = d;
          entry.status = status;
          entry.days_left = days;
        }
      }
    }
    const std::string status = entry.deadline ? deadline::status_name(entry.status) : "no deadline";
    if (!filter.status.empty() && status != filter.status) continue;
    board.totals_by_status[status] += 1;
    if (entry.deadline && entry.status == deadline::Status::Overdue) {
      board.late_by_agency[row.escalated_to.empty() ? row.owner_agency : row.escalated_to] += 1;
    }
    board.entries.push_back(std::move(entry));
  }
  std::stable_sort(board.entries.begin(), board.entries.end(), [](const BoardEntry& a, const BoardEntry& b) {
    const int ra = a.deadline ? deadline::urgency_rank(a.status) : 9;
    const int rb = b.deadline ? deadline::urgency_rank(b.status) : 9;
    if (ra != rb) return ra < rb;
    if (a.days_left != b.days_left) return a.days_left < b.days_left;
    return a.dossier.id < b.dossier.id;
  });
  return board;
}

}  // namespace regflow::report
