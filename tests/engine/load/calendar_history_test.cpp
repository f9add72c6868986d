// The shipped 2020-2024 calendars (docs/legal-basis.md#calendar-2020-2024) and the calendar as in force on a given day:
// every amendment of a year's list is kept with its date, so a deadline can be computed with the
// list that applied on its day.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "engine/load/calendar_loader.hpp"
#include "tests/support/dates.hpp"

using regflow::test::date;

using namespace regflow;
using time::DayUnit;
using time::NonWorkingDay;

namespace {

const std::string kFixtures = REGFLOW_TEST_DATA_DIR "/calendars/";
const std::string kShipped = REGFLOW_SOURCE_DIR "/rules/calendars";

using Lines = std::vector<std::string>;

const load::CalendarLoad& shipped() {
  static const auto load = load::load_calendars(kShipped);
  return load;
}

// The days of one year in force in the latest list, "MM-DD L" or "MM-DD C".
Lines final_list(int year) {
  Lines out;
  for (const auto& day : shipped().calendar.days()) {
    if (time::year_of(day.date) != year || !day.in_force(std::nullopt)) continue;
    out.push_back(time::format_date(day.date).substr(5) +
                  (day.kind == NonWorkingDay::Kind::NationalHoliday ? " L" : " C"));
  }
  return out;
}

time::Date add_working(const time::HolidayCalendar& calendar, const char* from, int days) {
  return calendar.add(date(from), {days, DayUnit::Working}).date;
}

std::vector<std::string> printed(const model::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& diagnostic : diagnostics) {
    std::string text = model::format_diagnostic(diagnostic);
    if (text.rfind(kFixtures, 0) == 0) text.erase(0, kFixtures.size());
    out.push_back(text);
  }
  return out;
}

}  // namespace

TEST_CASE("the shipped 2020-2024 final lists are the rows of docs/legal-basis.md#calendar-2020-2024", "[load][calendar]") {
  REQUIRE(printed(shipped().diagnostics).empty());
  for (int year = 2020; year <= 2024; ++year) CHECK_FALSE(shipped().calendar.is_provisional(year));
  CHECK(final_list(2020) ==
        Lines{"01-01 L", "01-25 L", "03-22 L", "03-25 L", "04-10 L", "05-01 L", "05-07 L",
              "05-21 L", "05-24 L", "05-25 L", "06-01 L", "07-31 L", "08-17 L", "08-20 L",
              "08-21 C", "10-28 C", "10-29 L", "10-30 C", "12-09 L", "12-24 C", "12-25 L",
              "12-31 C"});
  CHECK(final_list(2021) ==
        Lines{"01-01 L", "02-12 L", "03-11 L", "03-14 L", "04-02 L", "05-01 L", "05-12 C",
              "05-13 L", "05-14 L", "05-26 L", "06-01 L", "07-20 L", "08-11 L", "08-17 L",
              "10-20 L", "12-25 L"});
  CHECK(final_list(2022) ==
        Lines{"01-01 L", "02-01 L", "02-28 L", "03-03 L", "04-15 L", "04-29 C", "05-01 L",
              "05-02 L", "05-03 L", "05-04 C", "05-05 C", "05-06 C", "05-16 L", "05-26 L",
              "06-01 L", "07-09 L", "07-30 L", "08-17 L", "10-08 L", "12-25 L"});
  CHECK(final_list(2023) ==
        Lines{"01-01 L", "01-22 L", "01-23 C", "02-18 L", "03-22 L", "03-23 C", "04-07 L",
              "04-19 C", "04-20 C", "04-21 C", "04-22 L", "04-23 L", "04-24 C", "04-25 C",
              "05-01 L", "05-18 L", "06-01 L", "06-02 C", "06-04 L", "06-28 C", "06-29 L",
              "06-30 C", "07-19 L", "08-17 L", "09-28 L", "12-25 L", "12-26 C"});
  CHECK(final_list(2024) ==
        Lines{"01-01 L", "02-08 L", "02-09 C", "02-10 L", "02-14 L", "03-11 L", "03-12 C",
              "03-29 L", "03-31 L", "04-08 C", "04-09 C", "04-10 L", "04-11 L", "04-12 C",
              "04-15 C", "05-01 L", "05-09 L", "05-10 C", "05-23 L", "05-24 C", "06-01 L",
              "06-17 L", "06-18 C", "07-07 L", "08-17 L", "09-16 L", "11-27 L", "12-25 L",
              "12-26 C"});
}

TEST_CASE("5 hari kerja from Wednesday 10 February 2021 is Thursday 18 February (Imlek on the 12th)",
          "[load][calendar]") {
  const auto& calendar = shipped().calendar;
  CHECK(calendar.add(date("2021-02-10"), {5, DayUnit::Working}) ==
        time::CalendarResult{date("2021-02-18"), false});
  // The same from the list as it stood on that day: no amendment touched February.
  CHECK(add_working(calendar.as_in_force(date("2021-02-10")), "2021-02-10", 5) ==
        date("2021-02-18"));
}

TEST_CASE("a deadline over 12 March 2021 depends on whether SKB 281/2021 was in force",
          "[load][calendar]") {
  const auto& calendar = shipped().calendar;
  // Before 22 Feb 2021, Friday 12 March was cuti bersama: Mon 8 Mar + 5 hari kerja skips 11 (Isra
  // Mikraj) and 12 March.
  const auto before = calendar.as_in_force(date("2021-02-21"));
  CHECK_FALSE(before.is_working_day(date("2021-03-12")));
  CHECK(add_working(before, "2021-03-08", 5) == date("2021-03-17"));
  // From 22 Feb 2021 SKB 281/2021 made it a working day again.
  const auto after = calendar.as_in_force(date("2021-02-22"));
  CHECK(after.is_working_day(date("2021-03-12")));
  CHECK(add_working(after, "2021-03-08", 5) == date("2021-03-16"));
  CHECK(add_working(calendar, "2021-03-08", 5) == date("2021-03-16"));
  // And the decree that made the difference can be named.
  const auto changes = calendar.changes_between(date("2021-02-21"), date("2021-02-22"));
  REQUIRE_FALSE(changes.empty());
  CHECK(changes.front().decree ==
        "SKB Menag, Menaker, MenPANRB No. 281/2021, 1/2021, 1/2021 (22 Feb 2021)");
  CHECK(changes.front().day == date("2021-03-12"));
  CHECK(changes.front().removed);
}

TEST_CASE("the 2020 Idulfitri cuti bersama moved to December and then mostly went away",
          "[load][calendar]") {
  const auto& calendar = shipped().calendar;
  const auto january = calendar.as_in_force(date("2020-01-15"));
  CHECK_FALSE(january.is_working_day(date("2020-05-22")));
  CHECK(january.is_working_day(date("2020-12-28")));
  const auto may = calendar.as_in_force(date("2020-05-01"));
  CHECK(may.is_working_day(date("2020-05-22")));
  CHECK_FALSE(may.is_working_day(date("2020-12-28")));
  CHECK_FALSE(may.is_working_day(date("2020-12-31")));
  CHECK(may.is_working_day(date("2020-12-09")));  // the Pilkada holiday came in November
  CHECK(calendar.is_working_day(date("2020-12-28")));
  CHECK_FALSE(calendar.is_working_day(date("2020-12-09")));
  CHECK_FALSE(calendar.is_working_day(date("2020-12-31")));
  // A 10 hari kerja deadline from 17 Dec 2020 before and after SKB 744/2020 of 1 Dec 2020.
  CHECK(add_working(calendar.as_in_force(date("2020-11-30")), "2020-12-17", 10) ==
        date("2021-01-11"));
  CHECK(add_working(calendar, "2020-12-17", 10) == date("2021-01-06"));
}

TEST_CASE("the election days of 2024 are holidays only from their Keppres", "[load][calendar]") {
  const auto& calendar = shipped().calendar;
  CHECK_FALSE(calendar.is_working_day(date("2024-02-14")));
  CHECK_FALSE(calendar.is_working_day(date("2024-11-27")));
  CHECK(calendar.as_in_force(date("2024-01-02")).is_working_day(date("2024-02-14")));
  REQUIRE(calendar.non_working_day(date("2024-02-14")));
  CHECK(calendar.non_working_day(date("2024-02-14"))->decree ==
        "Keppres 10/2024 (hari pemungutan suara Pemilu 2024)");
  CHECK(calendar.non_working_day(date("2024-02-14"))->confidence == "[C2]");
}

TEST_CASE("a year is not covered before its list was published", "[load][calendar]") {
  const auto& calendar = shipped().calendar;
  CHECK(calendar.as_in_force(date("2021-09-22")).covers(2022));
  const auto before = calendar.as_in_force(date("2021-09-21"));
  CHECK_FALSE(before.covers(2022));
  CHECK(before.is_provisional(2022));
  CHECK(before.add(date("2021-12-20"), {10, DayUnit::Working}).provisional);
  CHECK_FALSE(calendar.add(date("2021-12-20"), {10, DayUnit::Working}).provisional);
}

TEST_CASE("a date may be listed again once an amendment removed it", "[load][calendar]") {
  const auto load = load::load_calendars(kFixtures + "amended");
  CHECK(printed(load.diagnostics).empty());
  const auto& calendar = load.calendar;
  REQUIRE(calendar.days().size() == 3);
  CHECK(calendar.non_working_day(date("2021-08-10"))->kind ==
        NonWorkingDay::Kind::CollectiveLeave);
  CHECK(calendar.as_in_force(date("2021-06-17")).non_working_day(date("2021-08-10"))->kind ==
        NonWorkingDay::Kind::NationalHoliday);
  CHECK(calendar.non_working_day(date("2021-08-11"))->confidence == "[U]");
  CHECK(calendar.non_working_day(date("2021-08-11"))->decree == "SKB 712/2021 (18 Jun 2021)");
  CHECK(calendar.years().front().published == date("2020-09-10"));
  CHECK(calendar.years().front().confidence == "[C2]");
  CHECK(calendar.last_change() == date("2021-06-18"));
}

TEST_CASE("amendments that cannot be read are reported where they are written",
          "[load][calendar]") {
  CHECK(printed(load::load_calendars(kFixtures + "bad_amendment").diagnostics) ==
        Lines{"bad_amendment/2021.yaml:9:9: error: decree 'skb-281' is listed twice; expected "
              "each id once [E-CALENDAR-DUPLICATE-DECREE]",
              "bad_amendment/2021.yaml:14:13: error: '2021-06-31' is not a date; expected "
              "YYYY-MM-DD [E-CALENDAR-DATE]",
              "bad_amendment/2021.yaml:22:17: error: unknown decree 'skb-218' (did you mean "
              "'skb-281'?); accepted decrees: 'early', 'skb-281' [E-CALENDAR-DECREE]",
              "bad_amendment/2021.yaml:27:17: error: unknown confidence tag 'maybe'; accepted "
              "tags: 'C', 'C2', 'R', 'I', 'E', 'U' (C confirmed, C2 through a secondary source, R "
              "recalled, I inferred, E estimated, U unconfirmed) [E-CALENDAR-CONFIDENCE]",
              "bad_amendment/2021.yaml:31:17: error: 'early' was signed on 2020-01-01, before "
              "the day was declared on 2020-09-10; expected a decree signed on or after "
              "2020-09-10 [E-CALENDAR-REMOVAL]",
              "bad_amendment/2021.yaml:32:11: error: '2021-08-11' is listed twice (first at line "
              "23) and both entries are in force at the same time; expected each date once, or "
              "the earlier entry 'removed_by' the decree that lists it again "
              "[E-CALENDAR-DUPLICATE-DATE]"});
}
