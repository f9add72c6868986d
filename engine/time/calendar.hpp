// The working-day calendar: which dates are working days for the provincial offices, and date
// arithmetic in calendar days ("hari") and working days ("hari kerja").
//
// Working days are Monday to Friday minus national holidays (libur nasional) and, unless the
// installation decides otherwise, collective leave (cuti bersama) — docs/calendar-format.md. The
// lists come per year from rules/calendars/<year>.yaml (engine/load/calendar_loader.hpp). A year
// that has no list is counted on weekends alone, and a year whose list is an estimate is marked
// provisional; every result that depends on such a year says so, because the date may move once
// the SKB is published. Everything here is pure: no I/O, no clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/time/date.hpp"
#include "engine/time/day_unit.hpp"

namespace regflow::time {

/// A listed day off: a national holiday or a collective-leave day. Weekends are not listed.
/// A day may have been declared by an amendment after the year's list was published, and an
/// amendment may have removed it again: both are kept, with their dates, so that the calendar as
/// it stood on any day can be rebuilt (HolidayCalendar::as_in_force).
struct NonWorkingDay {
  enum class Kind { NationalHoliday, CollectiveLeave };

  Date date;
  std::string name;    ///< the occasion, e.g. "Nyepi (Saka 1948)"
  std::string decree;  ///< the decree that declares it, e.g. "SKB 1497/2025, 2/2025, 5/2025"
  Kind kind = Kind::NationalHoliday;
  /// The day the declaring decree was signed; nullopt when unknown (then in force throughout).
  std::optional<Date> decreed_on;
  std::string removed_by;           ///< the decree that removed the day; empty while in force
  std::optional<Date> removed_on;   ///< the day that decree was signed
  std::string confidence;           ///< the source's confidence tag, e.g. "[C2]" or "[U]"

  /// True when the day was declared and not yet removed on `on` (every day when `on` is
  /// nullopt, except the removed ones: the latest list).
  bool in_force(std::optional<Date> on) const;

  friend bool operator==(const NonWorkingDay&, const NonWorkingDay&) = default;
};

/// One year's list: whether it is covered at all, and whether the list is only an estimate.
struct CalendarYear {
  int year = 0;
  bool provisional = false;  ///< true while the SKB for the year is not published
  std::string source;        ///< the decree (or the basis of the estimate) for the whole year
  /// The day `source` was signed: before it the year had no list. nullopt when unknown.
  std::optional<Date> published;
  std::string confidence;    ///< the source's confidence tag, e.g. "[C2]"

  friend bool operator==(const CalendarYear&, const CalendarYear&) = default;
};

/// A change of the lists made by a decree after a year was published: a day declared or removed.
struct CalendarChange {
  Date on;             ///< the day the decree was signed
  std::string decree;  ///< the decree
  Date day;            ///< the day it declared or removed
  bool removed = false;

  friend bool operator==(const CalendarChange&, const CalendarChange&) = default;
};

/// Installation settings that change what counts as a working day.
struct CalendarSettings {
  /// Whether cuti bersama days count as working days. The law is unclear for statutory deadlines
  /// (docs/legal-basis.md#cuti-bersama); the default treats them as days off.
  bool collective_leave_is_working = false;
};

/// A computed date and whether it may move when a provisional or missing year list is replaced.
struct CalendarResult {
  Date date;
  bool provisional = false;

  friend bool operator==(const CalendarResult&, const CalendarResult&) = default;
};

/// Working days and date arithmetic over a set of year lists. Immutable once built; cheap to
/// query (binary searches over the listed days, no allocation per call).
class HolidayCalendar {
 public:
  /// A calendar with no lists: weekends only, every year provisional.
  HolidayCalendar() = default;

  /// Builds a calendar from listed days and the years they cover. Coverage comes from `years`
  /// alone: a listed day in a year missing from `years` still counts as a day off, but that year
  /// is not covered and computations touching it are provisional. A year given twice is
  /// provisional if either entry is.
  /// Which days count is decided by `in_force_on`: nullopt gives the latest list (every day
  /// not removed); a date gives the list as it stood on that day (NonWorkingDay::in_force), and
  /// a year whose list was published after it is not covered.
  HolidayCalendar(std::vector<NonWorkingDay> days, std::vector<CalendarYear> years,
                  CalendarSettings settings = {}, std::optional<Date> in_force_on = std::nullopt);

  /// The calendar as in force on `on`: the days declared and not removed by then, the years
  /// published by then. Pure; builds a new calendar (O(H log H)).
  HolidayCalendar as_in_force(Date on) const;

  /// The day of the latest dated decree (a publication, a declaration or a removal); nullopt
  /// when no decree has a date. On and after it, as_in_force gives the latest list.
  std::optional<Date> last_change() const { return last_change_; }

  /// The changes signed in (after, upto], by date, for explaining why a deadline moved.
  std::vector<CalendarChange> changes_between(Date after, Date upto) const;

  /// The date the calendar was cut at (as_in_force), or nullopt for the latest list.
  std::optional<Date> in_force_on() const { return in_force_on_; }

  /// True for Monday–Friday, unless the date is a listed national holiday, or a listed cuti
  /// bersama day while settings().collective_leave_is_working is false.
  bool is_working_day(Date date) const;

  /// The first working day strictly after `date` (the day after a Friday before a normal week is
  /// the Monday). Equal to add(date, {1, DayUnit::Working}).date.
  Date next_working_day(Date date) const;

  /// `date` itself if it is a working day, otherwise the next working day after it.
  Date working_day_on_or_after(Date date) const;

  /// Adds a period to a date.
  /// - Calendar days: start + N days. Such a date does not depend on any holiday list, so the
  ///   result is never provisional.
  /// - Working days: the Nth working day after `start`; `start` itself is not counted, whether
  ///   or not it is a working day, and N = 0 gives `start`. A negative N gives the |N|th working
  ///   day before `start` (for reminders before a due date). The result is provisional when any
  ///   day counted over, (start, result] or [result, start), lies in a year that is not covered
  ///   or is marked provisional.
  /// Cost: O((1 + h) log H), h = listed days off passed over, H = all listed days; no allocation.
  CalendarResult add(Date start, Duration duration) const;

  /// The number of working days in (from, to]; negative, -(working days in (to, from]), when
  /// to < from; 0 when they are equal. Inverse of add: working_days_between(d, add(d, N wd)) == N.
  int working_days_between(Date from, Date to) const;

  /// to − from in the given unit: calendar days, or working_days_between(from, to).
  int days_between(Date from, Date to, DayUnit unit) const;

  /// True when the year has a list (confirmed or provisional).
  bool covers(int year) const;

  /// True when the year has no list or its list is marked provisional.
  bool is_provisional(int year) const;

  /// True when any year from the earlier to the later of the two dates is provisional.
  bool is_provisional_between(Date from, Date to) const;

  /// The latest year that has a list, confirmed or provisional; nullopt when there is none.
  std::optional<int> last_covered_year() const;

  /// The latest year whose list is confirmed (not provisional); nullopt when there is none.
  std::optional<int> last_confirmed_year() const;

  /// The listed holiday or cuti bersama in force on `date`, for explanations ("2026-03-20: cuti
  /// bersama Idulfitri"); nullopt on ordinary days and plain weekends. A cuti bersama day is
  /// returned even when the settings make it a working day: ask is_working_day for that.
  std::optional<NonWorkingDay> non_working_day(Date date) const;

  /// Every listed day, sorted by date, removed ones and those not yet declared included.
  const std::vector<NonWorkingDay>& days() const { return days_; }

  /// Every covered year, sorted by year, one entry per year.
  const std::vector<CalendarYear>& years() const { return years_; }

  const CalendarSettings& settings() const { return settings_; }

 private:
  int closed_weekdays_in(Date first, Date last) const;

  std::vector<NonWorkingDay> days_;
  std::vector<CalendarYear> years_;      // covered on in_force_on_
  std::vector<CalendarYear> all_years_;  // every year given, for as_in_force
  std::vector<Date> closed_weekdays_;  // Mon–Fri dates that are not working days; sorted, unique
  std::vector<int> confirmed_years_;   // sorted
  CalendarSettings settings_;
  std::optional<Date> in_force_on_;
  std::optional<Date> last_change_;
};

}  // namespace regflow::time
