#include "engine/time/calendar.hpp"

#include <catch2/catch.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "tests/support/dates.hpp"

using regflow::test::date;

using namespace regflow::time;
using namespace std::chrono;
using Kind = NonWorkingDay::Kind;

namespace regflow::time {

// Readable failures: Catch prints values through operator<< found by argument-dependent lookup.
std::ostream& operator<<(std::ostream& out, const CalendarResult& result) {
  return out << format_date(result.date) << (result.provisional ? " (provisional)" : "");
}

}  // namespace regflow::time

namespace {

Duration wd(int n) {
  return {n, DayUnit::Working};
}
Duration cd(int n) {
  return {n, DayUnit::Calendar};
}

// The confirmed 2025 and 2026 lists of docs/legal-basis.md#calendars (L = libur, C = cuti bersama) and the
// 2027 estimates of rules/calendars/2027.yaml. Kept in code so that these tests do not depend on
// the loader; tests/engine/load/calendar_loader_test.cpp checks the shipped files agree.
const char* const kDays[] = {
    "2025-01-01 L", "2025-01-27 L", "2025-01-28 C", "2025-01-29 L", "2025-03-28 C", "2025-03-29 L",
    "2025-03-31 L", "2025-04-01 L", "2025-04-02 C", "2025-04-03 C", "2025-04-04 C", "2025-04-07 C",
    "2025-04-18 L", "2025-04-20 L", "2025-05-01 L", "2025-05-12 L", "2025-05-13 C", "2025-05-29 L",
    "2025-05-30 C", "2025-06-01 L", "2025-06-06 L", "2025-06-09 C", "2025-06-27 L", "2025-08-17 L",
    "2025-08-18 C", "2025-09-05 L", "2025-12-25 L", "2025-12-26 C",  //
    "2026-01-01 L", "2026-01-16 L", "2026-02-16 C", "2026-02-17 L", "2026-03-18 C", "2026-03-19 L",
    "2026-03-20 C", "2026-03-21 L", "2026-03-22 L", "2026-03-23 C", "2026-03-24 C", "2026-04-03 L",
    "2026-04-05 L", "2026-05-01 L", "2026-05-14 L", "2026-05-15 C", "2026-05-27 L", "2026-05-28 C",
    "2026-05-31 L", "2026-06-01 L", "2026-06-16 L", "2026-08-17 L", "2026-08-25 L", "2026-12-24 C",
    "2026-12-25 L",  //
    "2027-01-01 L", "2027-03-26 L", "2027-03-28 L", "2027-05-01 L", "2027-05-06 L", "2027-06-01 L",
    "2027-08-17 L", "2027-12-25 L"};

NonWorkingDay listed_day(Date on, std::string name, std::string decree, Kind kind) {
  NonWorkingDay day;
  day.date = on;
  day.name = std::move(name);
  day.decree = std::move(decree);
  day.kind = kind;
  return day;
}

CalendarYear year_list(int year, bool provisional, const char* source) {
  CalendarYear entry;
  entry.year = year;
  entry.provisional = provisional;
  entry.source = source;
  return entry;
}

HolidayCalendar real_calendar(CalendarSettings settings = {}, bool with_2027 = true) {
  std::vector<NonWorkingDay> days;
  for (const char* row : kDays) {
    const std::string text = row;
    const Date listed = date(text.substr(0, 10).c_str());
    if (!with_2027 && year_of(listed) == 2027) continue;
    days.push_back(listed_day(listed, "day " + text.substr(0, 10), "test decree",
                              text.back() == 'L' ? Kind::NationalHoliday : Kind::CollectiveLeave));
  }
  std::vector<CalendarYear> years{year_list(2025, false, "SKB 2025"),
                                  year_list(2026, false, "SKB 2026")};
  if (with_2027) years.push_back(year_list(2027, true, "estimate"));
  return HolidayCalendar(std::move(days), std::move(years), settings);
}

const CalendarSettings kCutiIsWorking{.collective_leave_is_working = true};

// Reference implementations, one day at a time, for the property tests.
Date naive_add(const HolidayCalendar& calendar, Date start, int n) {
  Date cursor = start;
  const days step{n >= 0 ? 1 : -1};
  for (int left = n >= 0 ? n : -n; left > 0;) {
    cursor += step;
    if (calendar.is_working_day(cursor)) --left;
  }
  return cursor;
}

int naive_between(const HolidayCalendar& calendar, Date from, Date to) {
  int count = 0;
  for (Date day = std::min(from, to) + days{1}; day <= std::max(from, to); day += days{1}) {
    if (calendar.is_working_day(day)) ++count;
  }
  return from <= to ? count : -count;
}

}  // namespace

TEST_CASE("monday to friday are working days and weekends are not", "[time][calendar]") {
  const HolidayCalendar empty;
  CHECK(empty.is_working_day(date("2026-03-09")));        // Monday
  CHECK(empty.is_working_day(date("2026-03-13")));        // Friday
  CHECK_FALSE(empty.is_working_day(date("2026-03-14")));  // Saturday
  CHECK_FALSE(empty.is_working_day(date("2026-03-15")));  // Sunday
  CHECK_FALSE(empty.is_working_day(date("1970-01-03")));  // Saturday at the epoch
  CHECK(empty.is_working_day(date("1970-01-01")));        // Thursday
  CHECK_FALSE(empty.is_working_day(date("1969-12-28")));  // Sunday before the epoch
  CHECK(empty.is_working_day(date("1969-12-29")));        // Monday before the epoch
}

TEST_CASE("national holidays on weekdays are not working days", "[time][calendar]") {
  const auto calendar = real_calendar();
  CHECK_FALSE(calendar.is_working_day(date("2026-01-01")));  // Thursday, Tahun Baru
  CHECK_FALSE(calendar.is_working_day(date("2026-03-19")));  // Thursday, Nyepi
  CHECK_FALSE(calendar.is_working_day(date("2025-12-25")));  // Thursday, Natal
  CHECK(calendar.is_working_day(date("2026-01-02")));        // Friday after Tahun Baru
  CHECK(calendar.is_working_day(date("2026-03-25")));        // first day back after Idulfitri
}

TEST_CASE("holidays that fall on a weekend change nothing", "[time][calendar]") {
  const auto calendar = real_calendar();
  // Idulfitri 1447 H on Saturday and Sunday 21-22 March 2026: the week count is unchanged.
  CHECK_FALSE(calendar.is_working_day(date("2026-03-21")));
  CHECK(calendar.working_days_between(date("2026-05-29"), date("2026-06-05")) ==
        4);  // 1 Jun Monday
  CHECK(calendar.working_days_between(date("2025-08-15"), date("2025-08-22")) == 4);  // 18 Aug cuti
  CHECK(calendar.working_days_between(date("2026-04-03"), date("2026-04-10")) ==
        5);  // Paskah Sunday
}

TEST_CASE("cuti bersama is a day off by default and a working day when the setting says so",
          "[time][calendar]") {
  const auto off = real_calendar();
  const auto working = real_calendar(kCutiIsWorking);
  CHECK_FALSE(off.settings().collective_leave_is_working);
  CHECK(working.settings().collective_leave_is_working);

  CHECK_FALSE(off.is_working_day(date("2026-03-20")));
  CHECK(working.is_working_day(date("2026-03-20")));
  CHECK_FALSE(off.is_working_day(date("2025-08-18")));
  CHECK(working.is_working_day(date("2025-08-18")));

  // National holidays stay days off either way.
  CHECK_FALSE(working.is_working_day(date("2026-03-19")));
  CHECK_FALSE(working.is_working_day(date("2026-12-25")));
}

TEST_CASE("5 hari kerja from Nyepi 2026 skip cuti bersama, Idulfitri and the weekend",
          "[time][calendar]") {
  // Thursday 19 March 2026 (Nyepi). Not counted: 20 (cuti), 21-22 (weekend, Idulfitri),
  // 23-24 (cuti). Counted: 25, 26, 27, 30, 31.
  const auto calendar = real_calendar();
  CHECK(calendar.add(date("2026-03-19"), wd(5)) == CalendarResult{date("2026-03-31"), false});

  // When cuti bersama counts as working: 20, 23, 24, 25, 26.
  CHECK(real_calendar(kCutiIsWorking).add(date("2026-03-19"), wd(5)) ==
        CalendarResult{date("2026-03-26"), false});
}

TEST_CASE("hari are calendar days whatever the holidays", "[time][calendar]") {
  const auto calendar = real_calendar();
  CHECK(calendar.add(date("2026-03-12"), cd(7)) == CalendarResult{date("2026-03-19"), false});
  CHECK(calendar.add(date("2026-03-12"), cd(30)) == CalendarResult{date("2026-04-11"), false});
  CHECK(calendar.add(date("2026-03-12"), cd(0)) == CalendarResult{date("2026-03-12"), false});
  CHECK(calendar.add(date("2025-12-20"), cd(14)) == CalendarResult{date("2026-01-03"), false});
  // A calendar-day date never moves when a year's list changes, so it is never provisional.
  CHECK(calendar.add(date("2030-06-01"), cd(30)) == CalendarResult{date("2030-07-01"), false});
  CHECK(calendar.add(date("2026-12-15"), cd(30)) == CalendarResult{date("2027-01-14"), false});
}

TEST_CASE("the start day is never counted, even when it is a working day", "[time][calendar]") {
  const auto calendar = real_calendar();
  CHECK(calendar.add(date("2026-03-09"), wd(1)).date == date("2026-03-10"));  // Monday → Tuesday
  CHECK(calendar.add(date("2026-03-13"), wd(1)).date == date("2026-03-16"));  // Friday → Monday
  CHECK(calendar.add(date("2026-03-14"), wd(1)).date == date("2026-03-16"));  // Saturday → Monday
  CHECK(calendar.add(date("2026-03-21"), wd(1)).date == date("2026-03-25"));  // from a holiday
}

TEST_CASE("0 hari kerja is the start date itself, even on a holiday", "[time][calendar]") {
  const auto calendar = real_calendar();
  CHECK(calendar.add(date("2026-03-19"), wd(0)) == CalendarResult{date("2026-03-19"), false});
  CHECK(calendar.add(date("2026-03-21"), wd(0)) == CalendarResult{date("2026-03-21"), false});
  CHECK(calendar.add(date("2031-01-01"), wd(0)) == CalendarResult{date("2031-01-01"), false});
}

TEST_CASE("next_working_day is strictly after, working_day_on_or_after may be the same day",
          "[time][calendar]") {
  const auto calendar = real_calendar();
  CHECK(calendar.next_working_day(date("2026-03-10")) == date("2026-03-11"));
  CHECK(calendar.next_working_day(date("2026-03-13")) == date("2026-03-16"));
  // Idulfitri 2025: Friday 28 March (cuti) to Tuesday 8 April.
  CHECK(calendar.next_working_day(date("2025-03-27")) == date("2025-04-08"));
  CHECK(real_calendar(kCutiIsWorking).next_working_day(date("2025-03-27")) == date("2025-03-28"));

  CHECK(calendar.working_day_on_or_after(date("2026-03-10")) == date("2026-03-10"));
  CHECK(calendar.working_day_on_or_after(date("2026-03-14")) == date("2026-03-16"));
  CHECK(calendar.working_day_on_or_after(date("2026-03-18")) == date("2026-03-25"));
}

TEST_CASE("working days run across the end of a year", "[time][calendar]") {
  const auto calendar = real_calendar();
  // 25 Dec libur, 26 Dec cuti, 27-28 weekend.
  CHECK(calendar.add(date("2025-12-24"), wd(2)) == CalendarResult{date("2025-12-30"), false});
  // ... 29, 30, 31, then 1 Jan 2026 libur: the 4th is Friday 2 Jan.
  CHECK(calendar.add(date("2025-12-24"), wd(4)) == CalendarResult{date("2026-01-02"), false});
  CHECK(calendar.working_days_between(date("2025-12-24"), date("2026-01-02")) == 4);
  // 24 Dec cuti, 25 Dec libur: 28, 29, 30 remain in 2026.
  CHECK(calendar.add(date("2026-12-23"), wd(3)) == CalendarResult{date("2026-12-30"), false});
}

TEST_CASE("a computation reaching a provisional year is flagged", "[time][calendar]") {
  // 2026-12-28 … 31 are working days; 1 Jan 2027 is an estimated holiday.
  const auto calendar = real_calendar();
  CHECK(calendar.add(date("2026-12-23"), wd(4)) == CalendarResult{date("2026-12-31"), false});
  CHECK(calendar.add(date("2026-12-23"), wd(5)) == CalendarResult{date("2027-01-04"), true});
  CHECK(calendar.add(date("2027-03-01"), wd(1)) == CalendarResult{date("2027-03-02"), true});
}

TEST_CASE("a year without a list is counted on weekends alone and flagged", "[time][calendar]") {
  const auto calendar = real_calendar({}, false);
  CHECK_FALSE(calendar.covers(2027));
  CHECK(calendar.is_working_day(date("2027-01-01")));
  CHECK(calendar.add(date("2026-12-23"), wd(5)) == CalendarResult{date("2027-01-01"), true});
  CHECK(calendar.add(date("2026-12-23"), wd(4)) == CalendarResult{date("2026-12-31"), false});
}

TEST_CASE("leap days in an uncovered year are ordinary working days, flagged provisional",
          "[time][calendar]") {
  const auto calendar = real_calendar();
  CHECK_FALSE(calendar.covers(2028));
  CHECK(calendar.is_working_day(date("2028-02-29")));  // Tuesday
  CHECK(calendar.add(date("2028-02-28"), wd(1)) == CalendarResult{date("2028-02-29"), true});
  CHECK(calendar.add(date("2028-02-25"), wd(2)) == CalendarResult{date("2028-02-29"), true});
  CHECK(calendar.add(date("2028-02-28"), wd(2)) == CalendarResult{date("2028-03-01"), true});
  CHECK(calendar.add(date("2028-02-28"), cd(1)) == CalendarResult{date("2028-02-29"), false});
  CHECK(calendar.working_days_between(date("2028-02-25"), date("2028-03-01")) == 3);
  CHECK(calendar.days_between(date("2028-02-01"), date("2028-03-01"), DayUnit::Calendar) == 29);
}

TEST_CASE("negative working days count backwards from the start", "[time][calendar]") {
  const auto calendar = real_calendar();
  // Back from 25 March 2026: 24, 23 (cuti), 22, 21 (weekend), 20 (cuti), 19 (Nyepi),
  // 18 (cuti) → Tuesday 17.
  CHECK(calendar.add(date("2026-03-25"), wd(-1)) == CalendarResult{date("2026-03-17"), false});
  CHECK(calendar.add(date("2026-03-16"), wd(-1)) == CalendarResult{date("2026-03-13"), false});
  // Counting back over 1-3 January 2027 depends on the 2027 estimate.
  CHECK(calendar.add(date("2027-01-04"), wd(-1)) == CalendarResult{date("2026-12-31"), true});
  CHECK(calendar.add(date("2026-12-31"), wd(-3)) == CalendarResult{date("2026-12-28"), false});
  CHECK(calendar.add(date("2027-01-05"), wd(-1)) == CalendarResult{date("2027-01-04"), true});
  CHECK(calendar.add(date("2026-03-12"), cd(-7)) == CalendarResult{date("2026-03-05"), false});
}

TEST_CASE(
    "working_days_between counts days after from up to and including to, and is negative backwards",
    "[time][calendar]") {
  const auto calendar = real_calendar();
  CHECK(calendar.working_days_between(date("2026-03-09"), date("2026-03-09")) == 0);
  CHECK(calendar.working_days_between(date("2026-03-09"), date("2026-03-10")) == 1);
  CHECK(calendar.working_days_between(date("2026-03-09"), date("2026-03-16")) == 5);
  CHECK(calendar.working_days_between(date("2026-03-16"), date("2026-03-09")) == -5);
  CHECK(calendar.working_days_between(date("2026-03-17"), date("2026-03-25")) == 1);
  CHECK(calendar.working_days_between(date("2026-03-25"), date("2026-03-17")) == -1);
  CHECK(calendar.working_days_between(date("2026-03-14"), date("2026-03-15")) == 0);
  // 2026: 261 weekdays, 13 listed holidays on weekdays, 8 cuti bersama (all on weekdays).
  CHECK(calendar.working_days_between(date("2025-12-31"), date("2026-12-31")) == 261 - 13 - 8);
  CHECK(
      real_calendar(kCutiIsWorking).working_days_between(date("2025-12-31"), date("2026-12-31")) ==
      261 - 13);
  // 2025: 261 weekdays, 13 listed holidays on weekdays, 11 cuti bersama.
  CHECK(calendar.working_days_between(date("2024-12-31"), date("2025-12-31")) == 261 - 13 - 11);
}

TEST_CASE("days_between counts in the unit asked for", "[time][calendar]") {
  const auto calendar = real_calendar();
  CHECK(calendar.days_between(date("2026-03-12"), date("2026-04-11"), DayUnit::Calendar) == 30);
  CHECK(calendar.days_between(date("2026-04-11"), date("2026-03-12"), DayUnit::Calendar) == -30);
  CHECK(calendar.days_between(date("2026-03-19"), date("2026-03-31"), DayUnit::Working) == 5);
  CHECK(calendar.days_between(date("2026-03-31"), date("2026-03-19"), DayUnit::Working) == -5);
}

TEST_CASE("coverage: covered, provisional and last years", "[time][calendar]") {
  const auto calendar = real_calendar();
  CHECK(calendar.covers(2025));
  CHECK(calendar.covers(2026));
  CHECK(calendar.covers(2027));
  CHECK_FALSE(calendar.covers(2024));
  CHECK_FALSE(calendar.covers(2028));
  CHECK_FALSE(calendar.is_provisional(2025));
  CHECK_FALSE(calendar.is_provisional(2026));
  CHECK(calendar.is_provisional(2027));
  CHECK(calendar.is_provisional(2024));
  CHECK(calendar.last_covered_year() == 2027);
  CHECK(calendar.last_confirmed_year() == 2026);
  CHECK_FALSE(calendar.is_provisional_between(date("2025-01-01"), date("2026-12-31")));
  CHECK(calendar.is_provisional_between(date("2026-12-31"), date("2027-01-01")));
  CHECK(calendar.is_provisional_between(date("2027-01-01"), date("2026-12-31")));
  CHECK(calendar.is_provisional_between(date("2024-12-31"), date("2025-01-01")));
  CHECK(calendar.years().size() == 3);
  CHECK(calendar.days().size() == 28 + 25 + 8);
}

TEST_CASE("an empty calendar covers nothing and flags every working-day computation",
          "[time][calendar]") {
  const HolidayCalendar empty;
  CHECK_FALSE(empty.covers(2026));
  CHECK(empty.is_provisional(2026));
  CHECK_FALSE(empty.last_covered_year());
  CHECK_FALSE(empty.last_confirmed_year());
  CHECK(empty.add(date("2026-03-19"), wd(5)) == CalendarResult{date("2026-03-26"), true});
  CHECK(empty.add(date("2026-03-19"), cd(5)) == CalendarResult{date("2026-03-24"), false});
  CHECK_FALSE(empty.non_working_day(date("2026-03-19")));
}

TEST_CASE("a year given twice is provisional if either entry says so", "[time][calendar]") {
  const HolidayCalendar calendar(
      {}, {year_list(2026, false, "a"), year_list(2026, true, "b"), year_list(2025, false, "c")});
  CHECK(calendar.covers(2026));
  CHECK(calendar.is_provisional(2026));
  CHECK(calendar.years().size() == 2);
  CHECK(calendar.years().front().year == 2025);
  CHECK(calendar.last_confirmed_year() == 2025);
}

TEST_CASE("a listed day in an unlisted year is still a day off, but flagged provisional",
          "[time][calendar]") {
  const HolidayCalendar calendar(
      {listed_day(date("2028-02-29"), "test", "none", Kind::NationalHoliday)},
      {year_list(2026, false, "a")});
  CHECK_FALSE(calendar.is_working_day(date("2028-02-29")));
  CHECK(calendar.add(date("2028-02-28"), wd(1)) == CalendarResult{date("2028-03-01"), true});
}

TEST_CASE("non_working_day explains listed days and nothing else", "[time][calendar]") {
  const auto calendar = real_calendar();
  const auto nyepi = calendar.non_working_day(date("2026-03-19"));
  REQUIRE(nyepi);
  CHECK(nyepi->kind == Kind::NationalHoliday);
  CHECK(nyepi->name == "day 2026-03-19");
  CHECK(nyepi->decree == "test decree");
  const auto cuti = calendar.non_working_day(date("2026-03-20"));
  REQUIRE(cuti);
  CHECK(cuti->kind == Kind::CollectiveLeave);
  // Still explained when the setting makes it a working day.
  CHECK(real_calendar(kCutiIsWorking).non_working_day(date("2026-03-20")));
  CHECK_FALSE(calendar.non_working_day(date("2026-03-14")));  // a plain Saturday
  CHECK_FALSE(calendar.non_working_day(date("2026-03-25")));  // an ordinary Wednesday
  CHECK_FALSE(calendar.non_working_day(date("2030-01-01")));  // after every listed day
}

TEST_CASE("property: adding N working days and counting them back gives N", "[time][calendar]") {
  for (const auto& calendar : {real_calendar(), real_calendar(kCutiIsWorking)}) {
    for (Date start = date("2025-01-01"); start <= date("2026-12-31"); start += days{1}) {
      for (int n = 0; n <= 60; ++n) {
        const auto result = calendar.add(start, wd(n));
        if (calendar.working_days_between(start, result.date) != n ||
            (n > 0 && !calendar.is_working_day(result.date))) {
          FAIL("start " << format_date(start) << ", n " << n << " → " << format_date(result.date));
        }
      }
    }
  }
  SUCCEED();
}

TEST_CASE("property: add and working_days_between agree with day-by-day counting",
          "[time][calendar]") {
  for (const auto& calendar : {real_calendar(), real_calendar(kCutiIsWorking),
                               real_calendar({}, false), HolidayCalendar{}}) {
    for (Date start = date("2024-12-01"); start <= date("2027-01-31"); start += days{3}) {
      for (int n = -60; n <= 60; ++n) {
        const auto result = calendar.add(start, wd(n));
        const Date expected = naive_add(calendar, start, n);
        const bool provisional =
            n != 0 && calendar.is_provisional_between(start + days{n > 0 ? 1 : -1}, expected);
        if (result.date != expected || result.provisional != provisional ||
            calendar.working_days_between(start, expected) !=
                naive_between(calendar, start, expected)) {
          FAIL("start " << format_date(start) << ", n " << n << " → " << format_date(result.date)
                        << ", expected " << format_date(expected));
        }
      }
    }
  }
  SUCCEED();
}

TEST_CASE("large working-day periods skip whole weeks and stay exact", "[time][calendar]") {
  const HolidayCalendar empty;
  CHECK(empty.add(date("2026-03-09"), wd(5)).date == date("2026-03-16"));
  CHECK(empty.add(date("2026-03-09"), wd(5000)).date == date("2026-03-09") + days{7000});
  CHECK(empty.add(date("2026-03-09"), wd(-5000)).date == date("2026-03-09") - days{7000});

  const auto calendar = real_calendar();
  const auto far = calendar.add(date("2025-01-01"), wd(1'000'000));
  CHECK(far.provisional);
  CHECK(calendar.working_days_between(date("2025-01-01"), far.date) == 1'000'000);
  // Every listed day off on a weekday in 2025-2027 after the start (itself Tahun Baru) is passed
  // over: 12+11 + 13+8 + 5 = 49.
  CHECK(far.date == empty.add(date("2025-01-01"), wd(1'000'000 + 49)).date);
}
