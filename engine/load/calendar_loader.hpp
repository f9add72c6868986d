// Loads the working-day calendar from rules/calendars/*.yaml, one file per year, into a
// HolidayCalendar (engine/time/calendar.hpp), and warns when the confirmed lists run out.
//
// The format (reference with examples: docs/calendar-format.md):
//
//   year: 2026              # required; the file must be named 2026.yaml
//   provisional: false      # required; true while the year's SKB is not published
//   source: "SKB Menag, Menaker, MenPANRB No. 1497/2025, 2/2025, 5/2025 (19 Sep 2025)"
//   days:                   # required; a list, possibly empty ("days: []")
//     - date: 2026-01-01    # required; YYYY-MM-DD, in the file's year, once per file
//       kind: libur         # required; libur (national holiday) or cuti_bersama
//       name: Tahun Baru Masehi   # required; the occasion
//       decree: "SKB 1497/2025"   # optional; defaults to the file's source
//
// Weekends are never listed as such; a holiday that falls on a weekend may be listed for
// completeness and changes nothing. Loading never stops at the first problem: every problem is a
// Diagnostic at its 1-based file:line:col, and what could be read is still loaded. A file whose
// year cannot be read contributes nothing; a file whose 'provisional' cannot be read counts as
// provisional.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "engine/model/diagnostic.hpp"
#include "engine/time/calendar.hpp"
#include "engine/time/date.hpp"

namespace regflow::load {

/// What load_calendars read: the calendar, every problem found, and which file lists each year.
struct CalendarLoad {
  time::HolidayCalendar calendar;
  model::Diagnostics diagnostics;
  std::string folder;                     ///< the folder that was read, as given
  std::map<int, std::string> year_files;  ///< year → path of the file that lists it
};

/// Reads every "*.yaml" file directly in `dir` (in name order; other files and names starting
/// with '.' are ignored). Codes: E-FILE (unreadable folder or file), E-YAML-SYNTAX,
/// E-UNKNOWN-KEY, E-DUPLICATE-KEY, E-MISSING-KEY, E-WRONG-TYPE, E-CALENDAR-YEAR,
/// E-CALENDAR-FILE-YEAR, E-CALENDAR-DUPLICATE-YEAR, E-CALENDAR-DATE, E-CALENDAR-DATE-YEAR,
/// E-CALENDAR-DUPLICATE-DATE, E-CALENDAR-KIND. Never throws for bad content or missing files.
CalendarLoad load_calendars(const std::filesystem::path& dir,
                            bool collective_leave_is_working = false);

/// W-CALENDAR-ENDS when the last confirmed (non-provisional) year ends on or before the same
/// date one year after `today` (or has already ended), or when no year is confirmed at all;
/// otherwise nothing. `today` is a local date given by the caller (never the clock). The warning
/// points at the file of the last confirmed year, or at the folder when there is none.
model::Diagnostics check_calendar_horizon(const CalendarLoad& load, time::Date today);

}  // namespace regflow::load
