#include "engine/load/calendar_loader.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/engine/load/said.hpp"
#include "tests/support/dates.hpp"

using regflow::test::date;

using namespace regflow;
using time::DayUnit;
using time::NonWorkingDay;

namespace {

const std::string kFixtures = REGFLOW_TEST_DATA_DIR "/calendars/";
const std::string kShipped = REGFLOW_SOURCE_DIR "/rules/calendars";

// Each diagnostic as `check` prints it, with the fixture folder's path left out.
std::vector<std::string> printed(const model::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& diagnostic : diagnostics) {
    std::string text = model::format_diagnostic(diagnostic);
    if (text.rfind(kFixtures, 0) == 0) text.erase(0, kFixtures.size());
    out.push_back(text);
  }
  return out;
}

std::vector<std::string> load_fixture(const std::string& name) {
  const auto diagnostics = load::load_calendars(kFixtures + name).diagnostics;
  test::require_words(diagnostics);  // words to translate, not English kept whole (#17)
  return printed(diagnostics);
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the shipped calendars load without a single diagnostic", "[load][calendar]") {
  const auto load = load::load_calendars(kShipped);
  CHECK(printed(load.diagnostics).empty());
  const auto& calendar = load.calendar;
  CHECK_FALSE(calendar.is_provisional(2025));
  CHECK_FALSE(calendar.is_provisional(2026));
  CHECK(calendar.covers(2027));
  CHECK(calendar.is_provisional(2027));
  CHECK(calendar.last_confirmed_year() == 2026);
  CHECK(calendar.last_covered_year() == 2027);
  REQUIRE(load.year_files.size() == 8);  // 2020 to 2027
  CHECK(load.year_files.at(2026) == kShipped + "/2026.yaml");
}

TEST_CASE("the shipped 2025 and 2026 lists hold every row of the SKBs, and 2027 no cuti bersama",
          "[load][calendar]") {
  // The SKB lists of 2025 and 2026 (docs/legal-basis.md#calendars), row by row (L = libur, C = cuti
  // bersama), and the fixed and Easter-computed 2027 estimates.
  const Lines expected{
      "2025-01-01 L", "2025-01-27 L", "2025-01-28 C", "2025-01-29 L", "2025-03-28 C",
      "2025-03-29 L", "2025-03-31 L", "2025-04-01 L", "2025-04-02 C", "2025-04-03 C",
      "2025-04-04 C", "2025-04-07 C", "2025-04-18 L", "2025-04-20 L", "2025-05-01 L",
      "2025-05-12 L", "2025-05-13 C", "2025-05-29 L", "2025-05-30 C", "2025-06-01 L",
      "2025-06-06 L", "2025-06-09 C", "2025-06-27 L", "2025-08-17 L", "2025-08-18 C",
      "2025-09-05 L", "2025-12-25 L", "2025-12-26 C", "2026-01-01 L", "2026-01-16 L",
      "2026-02-16 C", "2026-02-17 L", "2026-03-18 C", "2026-03-19 L", "2026-03-20 C",
      "2026-03-21 L", "2026-03-22 L", "2026-03-23 C", "2026-03-24 C", "2026-04-03 L",
      "2026-04-05 L", "2026-05-01 L", "2026-05-14 L", "2026-05-15 C", "2026-05-27 L",
      "2026-05-28 C", "2026-05-31 L", "2026-06-01 L", "2026-06-16 L", "2026-08-17 L",
      "2026-08-25 L", "2026-12-24 C", "2026-12-25 L", "2027-01-01 L", "2027-03-26 L",
      "2027-03-28 L", "2027-05-01 L", "2027-05-06 L", "2027-06-01 L", "2027-08-17 L",
      "2027-12-25 L"};
  const auto load = load::load_calendars(kShipped);
  Lines actual;
  for (const auto& day : load.calendar.days()) {
    if (time::year_of(day.date) < 2025) continue;  // calendar_history_test.cpp
    actual.push_back(time::format_date(day.date) +
                     (day.kind == NonWorkingDay::Kind::NationalHoliday ? " L" : " C"));
  }
  CHECK(actual == expected);
}

TEST_CASE("the shipped days carry their names and decrees, the 2025 amendment included",
          "[load][calendar]") {
  const auto calendar = load::load_calendars(kShipped).calendar;
  const auto hut_ri = calendar.non_working_day(date("2025-08-18"));
  REQUIRE(hut_ri);
  CHECK(hut_ri->name == "HUT RI ke-80");
  CHECK(hut_ri->kind == NonWorkingDay::Kind::CollectiveLeave);
  CHECK(hut_ri->decree == "SKB Menag, Menaker, MenPANRB No. 933/2025, 1/2025, 3/2025 (7 Aug 2025)");

  const auto nyepi = calendar.non_working_day(date("2026-03-19"));
  REQUIRE(nyepi);
  CHECK(nyepi->name == "Nyepi (Saka 1948)");
  CHECK(nyepi->decree ==
        "SKB Menag, Menaker, MenPANRB No. 1497/2025, 2/2025, 5/2025 (19 Sep 2025)");
  CHECK(calendar.years().at(6).year == 2026);
  CHECK(calendar.years().at(6).source == nyepi->decree);
  // The amendment's date is known, so the 2025 list before it lacks 18 August.
  CHECK(hut_ri->decreed_on == date("2025-08-07"));
  CHECK(calendar.as_in_force(date("2025-08-06")).is_working_day(date("2025-08-18")));
  CHECK_FALSE(calendar.as_in_force(date("2025-08-07")).is_working_day(date("2025-08-18")));
}

TEST_CASE("the shipped calendars give the hand-computed Nyepi 2026 deadline", "[load][calendar]") {
  // 5 hari kerja from Thursday 19 March 2026: 25, 26, 27, 30, 31 March.
  const auto off = load::load_calendars(kShipped).calendar;
  CHECK(off.add(date("2026-03-19"), {5, DayUnit::Working}).date == date("2026-03-31"));
  CHECK_FALSE(off.add(date("2026-03-19"), {5, DayUnit::Working}).provisional);
  CHECK(off.add(date("2026-03-12"), {7, DayUnit::Calendar}).date == date("2026-03-19"));
  CHECK(off.add(date("2026-03-12"), {30, DayUnit::Calendar}).date == date("2026-04-11"));

  // When the installation counts cuti bersama as working days: 20, 23, 24, 25, 26 March.
  const auto working = load::load_calendars(kShipped, true).calendar;
  CHECK(working.settings().collective_leave_is_working);
  CHECK(working.add(date("2026-03-19"), {5, DayUnit::Working}).date == date("2026-03-26"));
}

TEST_CASE("a valid folder loads its years, default decrees and quoted dates", "[load][calendar]") {
  const auto load = load::load_calendars(kFixtures + "valid");
  CHECK(printed(load.diagnostics).empty());
  // README.txt and the hidden editor file are not read.
  CHECK(load.year_files.size() == 2);
  const auto& calendar = load.calendar;
  REQUIRE(calendar.days().size() == 2);
  CHECK(calendar.days()[0].decree == "SKB 1497/2025");   // the file's source
  CHECK(calendar.days()[1].date == date("2026-03-20"));  // written as a quoted string
  CHECK(calendar.days()[1].decree == "Keppres 7/2025");
  CHECK(calendar.days()[1].kind == NonWorkingDay::Kind::CollectiveLeave);
  CHECK(calendar.covers(2027));
  CHECK(calendar.is_provisional(2027));
  CHECK_FALSE(calendar.is_provisional(2026));
}

TEST_CASE("a YAML syntax error is reported at its 1-based position with a caret",
          "[load][calendar]") {
  // The caret sits under column 26, the second ':', after the excerpt's 4-space indent.
  CHECK(load_fixture("syntax") ==
        Lines{"syntax/2026.yaml:7:26: error: invalid YAML: illegal map value [E-YAML-SYNTAX]\n"
              "        name: Hari Suci Nyepi: Tahun Baru Saka 1948\n" +
              std::string(4 + 25, ' ') + "^"});
}

TEST_CASE("an unknown key in a day suggests the key that was meant", "[load][calendar]") {
  const auto load = load::load_calendars(kFixtures + "unknown_key");
  REQUIRE(load.diagnostics.size() == 2);
  CHECK(load.diagnostics[1].message == "unknown key 'kidn' in a day (did you mean 'kind'?)");
  CHECK(
      printed(load.diagnostics) ==
      Lines{"unknown_key/2026.yaml:5:5: error: missing key 'kind'; each day needs 'date', "
            "'kind' and 'name' ('decree' is optional) [E-MISSING-KEY]",
            "unknown_key/2026.yaml:6:5: error: unknown key 'kidn' in a day (did you mean "
            "'kind'?) [E-UNKNOWN-KEY]\n"
            "  note: accepted keys: 'date', 'kind', 'name', 'decree', 'removed_by', 'confidence'"});
}

TEST_CASE("an unknown key at the top suggests the key that was meant", "[load][calendar]") {
  CHECK(load_fixture("unknown_top_key") ==
        Lines{"unknown_top_key/2026.yaml:1:1: error: missing key 'provisional'; a calendar file "
              "needs 'year', 'provisional', 'source' and 'days' [E-MISSING-KEY]",
              "unknown_top_key/2026.yaml:2:1: error: unknown key 'provisonal' in the calendar "
              "file (did you mean 'provisional'?) [E-UNKNOWN-KEY]\n"
              "  note: accepted keys: 'year', 'provisional', 'source', 'published', 'confidence', "
              "'decrees', 'days'"});
}

TEST_CASE("a day without a kind is reported where the day starts", "[load][calendar]") {
  CHECK(load_fixture("missing_key") ==
        Lines{"missing_key/2026.yaml:5:5: error: missing key 'kind'; each day needs 'date', "
              "'kind' and 'name' ('decree' is optional) [E-MISSING-KEY]"});
}

TEST_CASE("an impossible date is refused with the accepted form", "[load][calendar]") {
  const auto load = load::load_calendars(kFixtures + "bad_date");
  REQUIRE(load.diagnostics.size() == 1);
  CHECK(load.diagnostics[0].code == "E-CALENDAR-DATE");
  CHECK(load.diagnostics[0].message == "'2026-02-30' is not a date; expected YYYY-MM-DD");
  CHECK(load.diagnostics[0].location ==
        model::SourceLocation{kFixtures + "bad_date/2026.yaml", 5, 11});
  CHECK(load.calendar.days().empty());
}

TEST_CASE("a date outside the file's year is refused", "[load][calendar]") {
  CHECK(load_fixture("date_year") ==
        Lines{"date_year/2026.yaml:5:11: error: '2025-12-31' is not in 2026, the year of this "
              "file; expected a date from 2026-01-01 to 2026-12-31 [E-CALENDAR-DATE-YEAR]"});
}

TEST_CASE("a date listed twice names the line of the first", "[load][calendar]") {
  const auto load = load::load_calendars(kFixtures + "duplicate_date");
  CHECK(printed(load.diagnostics) ==
        Lines{"duplicate_date/2026.yaml:11:11: error: '2026-03-21' is listed twice (first at "
              "line 5) and both entries are in force at the same time; expected each date once, or "
              "the earlier entry 'removed_by' the decree that lists it again "
              "[E-CALENDAR-DUPLICATE-DATE]"});
  CHECK(load.calendar.days().size() == 2);
}

TEST_CASE("a key given twice in a day is reported at the second", "[load][calendar]") {
  CHECK(load_fixture("duplicate_key") ==
        Lines{"duplicate_key/2026.yaml:8:5: error: 'name' is given twice in a day "
              "[E-DUPLICATE-KEY]"});
}

TEST_CASE("a wrong kind lists the accepted kinds and suggests a near one", "[load][calendar]") {
  CHECK(load_fixture("bad_kind") ==
        Lines{"bad_kind/2026.yaml:6:11: error: unknown kind 'cuti'; accepted kinds: 'libur' "
              "(national holiday), 'cuti_bersama' (collective leave) [E-CALENDAR-KIND]",
              "bad_kind/2026.yaml:9:11: error: unknown kind 'libru' (did you mean 'libur'?); "
              "accepted kinds: 'libur' (national holiday), 'cuti_bersama' (collective leave) "
              "[E-CALENDAR-KIND]"});
}

TEST_CASE("a year that is not a year makes the file contribute nothing", "[load][calendar]") {
  const auto load = load::load_calendars(kFixtures + "bad_year");
  CHECK(printed(load.diagnostics) ==
        Lines{"bad_year/2026.yaml:1:7: error: '20x6' is not a year; expected a year from 1900 to "
              "9999, such as 2026 [E-CALENDAR-YEAR]"});
  CHECK(load.calendar.years().empty());
}

TEST_CASE("a file named after another year is refused", "[load][calendar]") {
  const auto load = load::load_calendars(kFixtures + "file_year");
  CHECK(printed(load.diagnostics) ==
        Lines{"file_year/2025.yaml:1:7: error: year '2026' does not match the file name "
              "'2025.yaml'; expected 'year: 2025', or rename the file to '2026.yaml' "
              "[E-CALENDAR-FILE-YEAR]"});
  CHECK_FALSE(load.calendar.covers(2026));
  CHECK_FALSE(load.calendar.covers(2025));
}

TEST_CASE("a year listed by two files keeps the first file in name order", "[load][calendar]") {
  const auto load = load::load_calendars(kFixtures + "duplicate_year");
  CHECK(printed(load.diagnostics) ==
        Lines{"duplicate_year/draft-2026.yaml:1:7: error: year 2026 is already listed in '" +
              kFixtures + "duplicate_year/2026.yaml'; expected one file per year " +
              "[E-CALENDAR-DUPLICATE-YEAR]"});
  CHECK_FALSE(load.calendar.is_provisional(2026));
}

TEST_CASE("provisional must be true or false, and counts as provisional when unreadable",
          "[load][calendar]") {
  const auto load = load::load_calendars(kFixtures + "bad_provisional");
  CHECK(printed(load.diagnostics) ==
        Lines{"bad_provisional/2026.yaml:2:14: error: 'maybe' is not true or false; expected "
              "'true' (the dates are estimates) or 'false' (the dates are published in the SKB) "
              "[E-WRONG-TYPE]"});
  CHECK(load.calendar.covers(2026));
  CHECK(load.calendar.is_provisional(2026));
}

TEST_CASE("values of the wrong shape say what was found", "[load][calendar]") {
  CHECK(load_fixture("wrong_types") ==
        Lines{"wrong_types/2026.yaml:4:3: error: 'source' must be a single value; found a list; "
              "expected the decree that publishes this year's list [E-WRONG-TYPE]",
              "wrong_types/2026.yaml:6:3: error: 'days' must be a list of days; found a map "
              "(write 'days: []' for none) [E-WRONG-TYPE]"});
}

TEST_CASE("an empty file and a file that is not a map are refused", "[load][calendar]") {
  CHECK(load_fixture("empty") ==
        Lines{"empty/2026.yaml:1:1: error: the file is empty; expected a map with the keys "
              "'year', 'provisional', 'source', 'published', 'confidence', 'decrees', 'days' "
              "[E-WRONG-TYPE]"});
  CHECK(load_fixture("not_a_map") ==
        Lines{"not_a_map/2026.yaml:1:1: error: a calendar file must be a map with the keys "
              "'year', 'provisional', 'source', 'published', 'confidence', 'decrees', 'days'; "
              "found a list [E-WRONG-TYPE]"});
}

TEST_CASE("loading goes on after errors and keeps the good days", "[load][calendar]") {
  const auto load = load::load_calendars(kFixtures + "many_errors");
  CHECK(printed(load.diagnostics) ==
        Lines{"many_errors/2026.yaml:6:11: error: '2026-02-30' is not a date; expected "
              "YYYY-MM-DD [E-CALENDAR-DATE]",
              "many_errors/2026.yaml:13:11: error: unknown kind 'cuti'; accepted kinds: 'libur' "
              "(national holiday), 'cuti_bersama' (collective leave) [E-CALENDAR-KIND]",
              "many_errors/2026.yaml:14:5: error: 'name' has no value; expected the occasion, "
              "such as 'Tahun Baru Masehi' [E-MISSING-KEY]",
              "many_errors/2026.yaml:15:5: error: a day must be a map with the keys 'date', "
              "'kind' and 'name'; found '2026-03-23' [E-WRONG-TYPE]",
              "many_errors/2026.yaml:19:5: error: 'decree' has no value; expected the decree "
              "that declares this day [E-MISSING-KEY]"});
  REQUIRE(load.calendar.days().size() == 1);
  CHECK(load.calendar.days()[0].date == date("2026-03-19"));
  CHECK_FALSE(load.calendar.is_working_day(date("2026-03-19")));
}

TEST_CASE("a missing folder is one diagnostic, and the calendar counts weekends alone",
          "[load][calendar]") {
  const auto load = load::load_calendars(kFixtures + "no_such_folder");
  CHECK(printed(load.diagnostics) ==
        Lines{"no_such_folder: error: cannot read calendar folder: no such file or directory; "
              "expected a folder of <year>.yaml files [E-FILE]"});
  CHECK(load.calendar.years().empty());
  CHECK(load.calendar.add(date("2026-03-19"), {5, DayUnit::Working}) ==
        time::CalendarResult{date("2026-03-26"), true});
}

TEST_CASE("check warns when the confirmed calendar ends within a year", "[load][calendar]") {
  const auto load = load::load_calendars(kShipped);

  SECTION("no warning while more than a year of confirmed days remains") {
    CHECK(load::check_calendar_horizon(load, date("2025-06-01")).empty());
    CHECK(load::check_calendar_horizon(load, date("2025-12-30")).empty());
  }
  SECTION("a warning from the same date a year before the end") {
    const auto warnings = load::check_calendar_horizon(load, date("2025-12-31"));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].code == "W-CALENDAR-ENDS");
    CHECK(warnings[0].severity == model::Severity::Warning);
  }
  SECTION("the warning names the last confirmed file and the provisional year after it") {
    const auto warnings = load::check_calendar_horizon(load, date("2026-03-12"));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].location == model::SourceLocation{kShipped + "/2026.yaml", 0, 0});
    CHECK(warnings[0].message ==
          "confirmed holidays end on 2026-12-31, within a year of today (2026-03-12); until "
          "'2027.yaml' holds the published SKB with 'provisional: false', working-day deadlines "
          "after 2026-12-31 are provisional");
  }
  SECTION("after the end the warning says so") {
    const auto warnings = load::check_calendar_horizon(load, date("2027-02-01"));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].message ==
          "confirmed holidays ended on 2026-12-31, before today (2027-02-01); until '2027.yaml' "
          "holds the published SKB with 'provisional: false', working-day deadlines after "
          "2026-12-31 are provisional");
  }
  SECTION("a leap day today compares with 28 February next year") {
    const auto fixtures = load::load_calendars(kFixtures + "valid");  // confirmed up to 2026
    CHECK(load::check_calendar_horizon(fixtures, date("2024-02-29")).empty());
  }
}

TEST_CASE("check warns when no year is confirmed at all", "[load][calendar]") {
  const auto load = load::load_calendars(kFixtures + "no_such_folder");
  const auto warnings = load::check_calendar_horizon(load, date("2026-03-12"));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].code == "W-CALENDAR-ENDS");
  CHECK(warnings[0].location == model::SourceLocation{kFixtures + "no_such_folder", 0, 0});
  CHECK(warnings[0].message ==
        "no confirmed calendar year; working-day deadlines are counted on weekends alone and are "
        "provisional until '2026.yaml' holds the published SKB");
}
