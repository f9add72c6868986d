// What a change of calendar does to a computed deadline (docs/calendar-format.md): a running
// working-day deadline follows the list in force, each move is kept with its decree, and a
// deadline already met never moves.
#include <catch2/catch.hpp>
#include <string>

#include "engine/deadline/status.hpp"
#include "engine/load/calendar_loader.hpp"
#include "tests/support/dates.hpp"

using regflow::test::date;

using namespace regflow;

namespace {

const time::HolidayCalendar& shipped() {
  static const auto load = load::load_calendars(REGFLOW_SOURCE_DIR "/rules/calendars");
  return load.calendar;
}

runtime::DeadlineClock clock_from(const char* started, int working_days) {
  runtime::DeadlineClock clock;
  clock.id = "harmonisasi";
  clock.within = {working_days, time::DayUnit::Working};
  clock.started = date(started);
  return clock;
}

const std::string kSkb281 =
    "SKB Menag, Menaker, MenPANRB No. 281/2021, 1/2021, 1/2021 (22 Feb 2021)";

}  // namespace

TEST_CASE("a running deadline moves when SKB 281/2021 takes 12 March 2021 off the list",
          "[deadline][calendar]") {
  // Started Monday 15 Feb 2021, 20 hari kerja: under the original list 11 and 12 March were
  // days off, so it ended on 17 March; SKB 281/2021 (22 Feb) made 12 March a working day.
  const auto clock = clock_from("2021-02-15", 20);

  SECTION("asked before the amendment, the original list applies") {
    const auto view = deadline::evaluate(clock, shipped(), date("2021-02-19"));
    CHECK(view.due == date("2021-03-17"));
    CHECK(view.moves.empty());
  }
  SECTION("asked after it, the deadline moved, and the move names the decree and both dates") {
    const auto view = deadline::evaluate(clock, shipped(), date("2021-03-01"));
    CHECK(view.due == date("2021-03-16"));
    REQUIRE(view.moves.size() == 1);
    CHECK(view.moves[0] ==
          deadline::DeadlineMove{date("2021-02-22"), kSkb281, date("2021-03-17"),
                                 date("2021-03-16")});
  }
  SECTION("asked years later, the same move is shown") {
    const auto view = deadline::evaluate(clock, shipped(), date("2026-12-04"));
    REQUIRE(view.moves.size() == 1);
    CHECK(view.moves[0].from == date("2021-03-17"));
  }
}

TEST_CASE("a deadline met before the amendment never moves", "[deadline][calendar]") {
  auto clock = clock_from("2021-02-15", 20);
  clock.ended = date("2021-02-19");
  const auto view = deadline::evaluate(clock, shipped(), date("2026-12-04"));
  CHECK(view.status == deadline::Status::Met);
  CHECK(view.due == date("2021-03-17"));
  CHECK(view.moves.empty());
}

TEST_CASE("a deadline that had passed before the amendment is not moved by it",
          "[deadline][calendar]") {
  // 3 hari kerja from 10 Feb 2021 was due 16 Feb, before SKB 281/2021 was signed.
  const auto clock = clock_from("2021-02-10", 3);
  const auto view = deadline::evaluate(clock, shipped(), date("2021-03-01"));
  CHECK(view.due == date("2021-02-16"));
  CHECK(view.status == deadline::Status::Overdue);
  CHECK(view.moves.empty());
}

TEST_CASE("calendar-day deadlines never move", "[deadline][calendar]") {
  auto clock = clock_from("2021-02-15", 30);
  clock.within.unit = time::DayUnit::Calendar;
  const auto view = deadline::evaluate(clock, shipped(), date("2021-03-01"));
  CHECK(view.due == date("2021-03-17"));
  CHECK(view.moves.empty());
}
