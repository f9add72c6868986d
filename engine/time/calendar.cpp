#include "engine/time/calendar.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace regflow::time {
namespace {

// Working-day arithmetic runs on day numbers counted from Monday 1969-12-29, so that a day
// number modulo 7 is its ISO weekday minus one (1970-01-01, day 0 of sys_days, was a Thursday).
// Whole weeks then reduce to division, and only listed holidays need a lookup.
using DayNumber = std::int64_t;

constexpr DayNumber kMondayShift = 3;

DayNumber day_number(Date date) {
  return static_cast<DayNumber>(date.time_since_epoch().count()) + kMondayShift;
}

Date date_of(DayNumber number) {
  return Date{std::chrono::days{static_cast<std::chrono::days::rep>(number - kMondayShift)}};
}

DayNumber floor_div(DayNumber a, DayNumber b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

DayNumber floor_mod(DayNumber a, DayNumber b) {
  return a - b * floor_div(a, b);
}

bool is_weekday(DayNumber number) {
  return floor_mod(number, 7) < 5;
}

// How many Mondays–Fridays lie in [day 0, number]; for earlier days a consistent negative count,
// so that differences always count the weekdays of a range.
DayNumber weekdays_through(DayNumber number) {
  return 5 * floor_div(number, 7) + std::min<DayNumber>(floor_mod(number, 7) + 1, 5);
}

// The weekday whose weekdays_through() equals `count`.
DayNumber weekday_with_count(DayNumber count) {
  return 7 * floor_div(count - 1, 5) + floor_mod(count - 1, 5);
}

}  // namespace

bool NonWorkingDay::in_force(std::optional<Date> on) const {
  if (!on) return !removed_on && removed_by.empty();
  if (decreed_on && *on < *decreed_on) return false;
  return !(removed_on && *removed_on <= *on);
}

HolidayCalendar::HolidayCalendar(std::vector<NonWorkingDay> days, std::vector<CalendarYear> years,
                                 CalendarSettings settings, std::optional<Date> in_force_on)
    : days_(std::move(days)), settings_(settings), in_force_on_(in_force_on) {
  std::stable_sort(days_.begin(), days_.end(),
                   [](const NonWorkingDay& a, const NonWorkingDay& b) { return a.date < b.date; });

  std::stable_sort(years.begin(), years.end(),
                   [](const CalendarYear& a, const CalendarYear& b) { return a.year < b.year; });
  for (auto& year : years) {
    if (!all_years_.empty() && all_years_.back().year == year.year) {
      all_years_.back().provisional = all_years_.back().provisional || year.provisional;
    } else {
      all_years_.push_back(std::move(year));
    }
  }
  const auto later = [this](std::optional<Date> date) {
    if (date && (!last_change_ || *last_change_ < *date)) last_change_ = date;
  };
  for (const auto& year : all_years_) {
    later(year.published);
    // A year whose list was signed after the cut-off day had no list on that day.
    if (in_force_on_ && year.published && *in_force_on_ < *year.published) continue;
    years_.push_back(year);
    if (!year.provisional) confirmed_years_.push_back(year.year);
  }

  for (const auto& day : days_) {
    later(day.decreed_on);
    later(day.removed_on);
    if (!day.in_force(in_force_on_)) continue;
    const bool day_off =
        day.kind == NonWorkingDay::Kind::NationalHoliday || !settings_.collective_leave_is_working;
    if (day_off && is_weekday(day_number(day.date))) closed_weekdays_.push_back(day.date);
  }
  closed_weekdays_.erase(std::unique(closed_weekdays_.begin(), closed_weekdays_.end()),
                         closed_weekdays_.end());
}

HolidayCalendar HolidayCalendar::as_in_force(Date on) const {
  return HolidayCalendar(days_, all_years_, settings_, on);
}

std::vector<CalendarChange> HolidayCalendar::changes_between(Date after, Date upto) const {
  std::vector<CalendarChange> changes;
  for (const auto& day : days_) {
    if (day.decreed_on && after < *day.decreed_on && *day.decreed_on <= upto) {
      changes.push_back({*day.decreed_on, day.decree, day.date, false});
    }
    if (day.removed_on && after < *day.removed_on && *day.removed_on <= upto) {
      changes.push_back({*day.removed_on, day.removed_by, day.date, true});
    }
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const CalendarChange& a, const CalendarChange& b) {
                     return a.on != b.on ? a.on < b.on : a.day < b.day;
                   });
  return changes;
}

int HolidayCalendar::closed_weekdays_in(Date first, Date last) const {
  if (last < first) return 0;
  const auto begin = std::lower_bound(closed_weekdays_.begin(), closed_weekdays_.end(), first);
  const auto end = std::upper_bound(begin, closed_weekdays_.end(), last);
  return static_cast<int>(end - begin);
}

bool HolidayCalendar::is_working_day(Date date) const {
  return is_weekday(day_number(date)) &&
         !std::binary_search(closed_weekdays_.begin(), closed_weekdays_.end(), date);
}

Date HolidayCalendar::next_working_day(Date date) const {
  return add(date, Duration{1, DayUnit::Working}).date;
}

Date HolidayCalendar::working_day_on_or_after(Date date) const {
  return is_working_day(date) ? date : next_working_day(date);
}

CalendarResult HolidayCalendar::add(Date start, Duration duration) const {
  if (duration.unit == DayUnit::Calendar) {
    return {start + std::chrono::days{duration.amount}, false};
  }
  if (duration.amount == 0) return {start, false};

  // Jump over as many weekdays as are still owed, then count the listed days off that the jump
  // passed over: they are still owed. Each round settles at least one listed day, so the loop
  // ends after at most (days off in the range + 1) rounds.
  DayNumber cursor = day_number(start);
  DayNumber owed = duration.amount > 0 ? duration.amount : -static_cast<DayNumber>(duration.amount);
  if (duration.amount > 0) {
    while (owed > 0) {
      const DayNumber next = weekday_with_count(weekdays_through(cursor) + owed);
      owed = closed_weekdays_in(date_of(cursor + 1), date_of(next));
      cursor = next;
    }
    const Date result = date_of(cursor);
    return {result, is_provisional_between(start + std::chrono::days{1}, result)};
  }
  while (owed > 0) {
    const DayNumber previous = weekday_with_count(weekdays_through(cursor - 1) - owed + 1);
    owed = closed_weekdays_in(date_of(previous), date_of(cursor - 1));
    cursor = previous;
  }
  const Date result = date_of(cursor);
  return {result, is_provisional_between(result, start - std::chrono::days{1})};
}

int HolidayCalendar::working_days_between(Date from, Date to) const {
  if (to < from) return -working_days_between(to, from);
  const DayNumber weekdays = weekdays_through(day_number(to)) - weekdays_through(day_number(from));
  return static_cast<int>(weekdays) - closed_weekdays_in(from + std::chrono::days{1}, to);
}

int HolidayCalendar::days_between(Date from, Date to, DayUnit unit) const {
  if (unit == DayUnit::Working) return working_days_between(from, to);
  return static_cast<int>((to - from).count());
}

bool HolidayCalendar::covers(int year) const {
  const auto it = std::lower_bound(
      years_.begin(), years_.end(), year,
      [](const CalendarYear& entry, int wanted) { return entry.year < wanted; });
  return it != years_.end() && it->year == year;
}

bool HolidayCalendar::is_provisional(int year) const {
  return !std::binary_search(confirmed_years_.begin(), confirmed_years_.end(), year);
}

bool HolidayCalendar::is_provisional_between(Date from, Date to) const {
  // Copies, not std::minmax: that returns references to its (here temporary) arguments.
  const int first = year_of(std::min(from, to));
  const int last = year_of(std::max(from, to));
  const auto begin = std::lower_bound(confirmed_years_.begin(), confirmed_years_.end(), first);
  const auto end = std::upper_bound(begin, confirmed_years_.end(), last);
  return end - begin != last - first + 1;
}

std::optional<int> HolidayCalendar::last_covered_year() const {
  if (years_.empty()) return std::nullopt;
  return years_.back().year;
}

std::optional<int> HolidayCalendar::last_confirmed_year() const {
  if (confirmed_years_.empty()) return std::nullopt;
  return confirmed_years_.back();
}

std::optional<NonWorkingDay> HolidayCalendar::non_working_day(Date date) const {
  auto it =
      std::lower_bound(days_.begin(), days_.end(), date,
                       [](const NonWorkingDay& day, Date wanted) { return day.date < wanted; });
  for (; it != days_.end() && it->date == date; ++it) {
    if (it->in_force(in_force_on_)) return *it;
  }
  return std::nullopt;
}

}  // namespace regflow::time
