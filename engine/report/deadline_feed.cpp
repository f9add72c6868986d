#include "engine/report/deadline_feed.hpp"

#include <algorithm>
#include <map>

#include "engine/report/board.hpp"

namespace regflow::report {

std::optional<time::Date> due_soon_from(const store::DeadlineRow& row,
                                        const time::HolidayCalendar& calendar) {
  if (!row.due) return std::nullopt;
  const int threshold = std::max(row.due_soon, 0);
  if (!row.working_days) return *row.due - std::chrono::days{threshold};
  // Days left in working days count the working days in (today, due]: that count first drops to
  // the threshold on the (threshold + 1)th working day counted back from the due date itself.
  const int back = calendar.is_working_day(*row.due) ? threshold : threshold + 1;
  return calendar.add(*row.due, {-back, time::DayUnit::Working}).date;
}

std::vector<FeedEntry> build_deadline_feed(const store::Store& store, const FeedFilter& filter,
                                           time::Date today,
                                           const time::HolidayCalendar& calendar) {
  store::ListFilter list;
  list.closed = false;
  if (!filter.agency.empty()) list.agency = filter.agency;
  if (!filter.workflow.empty()) list.workflow = filter.workflow;
  std::map<std::string, store::DossierRow> dossiers;
  for (auto& row : store.list(list)) {
    auto id = row.id;
    dossiers.emplace(std::move(id), std::move(row));
  }

  std::vector<FeedEntry> feed;
  const auto agency = filter.agency.empty() ? std::nullopt : std::optional(filter.agency);
  for (auto& row : store.open_deadlines(agency)) {
    const auto dossier = dossiers.find(row.dossier_id);
    if (dossier == dossiers.end()) continue;  // another workflow's dossier
    FeedEntry entry;
    entry.dossier = dossier->second;
    entry.status = row_status(row, calendar, today, entry.days_left);
    entry.due_soon_from = due_soon_from(row, calendar);
    entry.deadline = std::move(row);
    feed.push_back(std::move(entry));
  }
  return feed;
}

}  // namespace regflow::report
