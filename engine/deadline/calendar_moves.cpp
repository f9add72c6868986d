#include "engine/deadline/calendar_moves.hpp"

#include <algorithm>
#include <string>

#include "engine/deadline/status.hpp"

namespace regflow::deadline {
namespace {

// Only a working-day period counted from a start day depends on the list of days off.
bool movable(const runtime::DeadlineClock& clock) {
  return !clock.fixed_due && clock.within.unit == time::DayUnit::Working;
}

// The days in (after, upto] on which a decree changed the list: a day declared or removed, or
// a year's list published.
std::vector<time::Date> change_days(const time::HolidayCalendar& calendar, time::Date after,
                                    time::Date upto) {
  std::vector<time::Date> days;
  if (upto <= after) return days;
  for (const auto& change : calendar.changes_between(after, upto)) days.push_back(change.on);
  for (const auto& year : calendar.years()) {
    if (year.published && after < *year.published && *year.published <= upto) {
      days.push_back(*year.published);
    }
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

// The decrees that changed the list on `on`: the days' decrees, or the year lists published then.
std::string decrees_on(const time::HolidayCalendar& calendar, time::Date on) {
  std::vector<std::string> names;
  const auto add = [&names](const std::string& name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  };
  for (const auto& change : calendar.changes_between(on - std::chrono::days{1}, on)) {
    add(change.decree);
  }
  for (const auto& year : calendar.years()) {
    if (year.published == on) add(year.source);
  }
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : "; ") + name;
  return text;
}

}  // namespace

const time::HolidayCalendar& calendar_of(const runtime::DeadlineClock& clock,
                                         const time::HolidayCalendar& calendar,
                                         std::optional<time::HolidayCalendar>& scratch) {
  const auto last = calendar.last_change();
  if (!movable(clock) || !last || *last <= clock.calendar_day()) return calendar;
  scratch = calendar.as_in_force(clock.calendar_day());
  return *scratch;
}

const time::HolidayCalendar& CalendarCuts::of(const runtime::DeadlineClock& clock) {
  const auto last = calendar_.last_change();
  if (!movable(clock) || !last || *last <= clock.calendar_day()) return calendar_;
  const auto day = clock.calendar_day();
  auto it = cuts_.find(day);
  if (it == cuts_.end()) it = cuts_.emplace(day, calendar_.as_in_force(day)).first;
  return it->second;
}

std::vector<runtime::CalendarMove> pending_calendar_moves(const runtime::DeadlineClock& clock,
                                                          const time::HolidayCalendar& calendar,
                                                          time::Date today) {
  std::vector<runtime::CalendarMove> moves;
  const auto last = calendar.last_change();
  if (!clock.running() || !movable(clock) || !last) return moves;
  const auto from = clock.calendar_day();
  const auto days = change_days(calendar, from, std::min(today, *last));
  if (days.empty()) return moves;
  auto due = evaluate_under(clock, calendar.as_in_force(from), today).computed_due;
  for (const auto on : days) {
    // Away for revision (no due date until it is back), or already passed when the decree was
    // signed: a deadline that had passed is not revived or moved by a later list.
    if (!due || *due < on) break;
    const auto next = evaluate_under(clock, calendar.as_in_force(on), today).computed_due;
    if (next && *next != *due) moves.push_back({on, decrees_on(calendar, on), *due, *next});
    due = next;
  }
  return moves;
}

std::optional<time::Date> next_calendar_check(const runtime::DeadlineClock& clock,
                                              const time::HolidayCalendar& calendar,
                                              time::Date today) {
  const auto last = calendar.last_change();
  if (!clock.running() || !movable(clock) || !last || *last <= clock.calendar_day()) {
    return std::nullopt;
  }
  if (const auto owed = pending_calendar_moves(clock, calendar, today); !owed.empty()) {
    return owed.front().on;
  }
  const auto due = evaluate(clock, calendar, today).computed_due;
  if (!due) return std::nullopt;
  const auto later = change_days(calendar, std::max(today, clock.calendar_day()), *due);
  if (later.empty()) return std::nullopt;
  return later.front();
}

}  // namespace regflow::deadline
