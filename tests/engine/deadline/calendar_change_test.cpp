// What a change of calendar does to a computed deadline (docs/legal-basis.md#calendar-moves): a
// running working-day deadline is owed a move for each decree that changes its due date, the
// move names the decree and both dates, and once recorded it is not owed again; a deadline
// already met, or already passed when the decree was signed, never moves.
#include <catch2/catch.hpp>
#include <string>

#include "engine/deadline/calendar_moves.hpp"
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

TEST_CASE("a running deadline is owed a move when SKB 281/2021 takes 12 March 2021 off the list",
          "[deadline][calendar]") {
  // Started Monday 15 Feb 2021, 20 hari kerja: under the original list 11 and 12 March were
  // days off, so it ended on 17 March; SKB 281/2021 (22 Feb) made 12 March a working day.
  auto clock = clock_from("2021-02-15", 20);

  SECTION("before the amendment nothing is owed, and the next look is the day it is signed") {
    CHECK(deadline::pending_calendar_moves(clock, shipped(), date("2021-02-19")).empty());
    CHECK(deadline::evaluate(clock, shipped(), date("2021-02-19")).due == date("2021-03-17"));
    CHECK(deadline::next_calendar_check(clock, shipped(), date("2021-02-19")) ==
          date("2021-02-22"));
  }
  SECTION("after it, one move is owed, naming the decree and both dates") {
    const auto owed = deadline::pending_calendar_moves(clock, shipped(), date("2021-03-01"));
    REQUIRE(owed.size() == 1);
    CHECK(owed[0] == deadline::DeadlineMove{date("2021-02-22"), kSkb281, date("2021-03-17"),
                                            date("2021-03-16")});
    // Until the move is recorded, the date the dossier holds is the one computed at its start.
    CHECK(deadline::evaluate(clock, shipped(), date("2021-03-01")).due == date("2021-03-17"));
    CHECK(deadline::next_calendar_check(clock, shipped(), date("2021-03-01")) ==
          date("2021-02-22"));
  }
  SECTION("once recorded, the new date applies, the old one is kept, and nothing more is owed") {
    clock.calendar_moves = deadline::pending_calendar_moves(clock, shipped(), date("2021-03-01"));
    const auto view = deadline::evaluate(clock, shipped(), date("2026-12-04"));
    CHECK(view.due == date("2021-03-16"));
    REQUIRE(view.moves.size() == 1);
    CHECK(view.moves[0].from == date("2021-03-17"));
    CHECK(deadline::pending_calendar_moves(clock, shipped(), date("2026-12-04")).empty());
    CHECK_FALSE(deadline::next_calendar_check(clock, shipped(), date("2021-03-01")).has_value());
  }
}

TEST_CASE("a deadline met before the amendment never moves", "[deadline][calendar]") {
  auto clock = clock_from("2021-02-15", 20);
  clock.ended = date("2021-02-19");
  CHECK(deadline::pending_calendar_moves(clock, shipped(), date("2026-12-04")).empty());
  CHECK_FALSE(deadline::next_calendar_check(clock, shipped(), date("2021-02-19")).has_value());
  const auto view = deadline::evaluate(clock, shipped(), date("2026-12-04"));
  CHECK(view.status == deadline::Status::Met);
  CHECK(view.due == date("2021-03-17"));
  CHECK(view.moves.empty());
}

TEST_CASE("a deadline that had passed before the amendment is not moved by it",
          "[deadline][calendar]") {
  // 3 hari kerja from 10 Feb 2021 was due 16 Feb, before SKB 281/2021 was signed.
  const auto clock = clock_from("2021-02-10", 3);
  CHECK(deadline::pending_calendar_moves(clock, shipped(), date("2021-03-01")).empty());
  const auto view = deadline::evaluate(clock, shipped(), date("2021-03-01"));
  CHECK(view.due == date("2021-02-16"));
  CHECK(view.status == deadline::Status::Overdue);
  CHECK_FALSE(deadline::next_calendar_check(clock, shipped(), date("2021-02-15")).has_value());
}

TEST_CASE("calendar-day and fixed-date deadlines never move", "[deadline][calendar]") {
  auto clock = clock_from("2021-02-15", 30);
  clock.within.unit = time::DayUnit::Calendar;
  CHECK(deadline::pending_calendar_moves(clock, shipped(), date("2021-03-01")).empty());
  CHECK(deadline::evaluate(clock, shipped(), date("2021-03-01")).due == date("2021-03-17"));

  auto target = clock_from("2021-02-15", 20);
  target.fixed_due = date("2021-03-17");
  CHECK(deadline::pending_calendar_moves(target, shipped(), date("2021-03-01")).empty());
}

TEST_CASE("a deadline running across both 2021 amendments is owed one move per decree",
          "[deadline][calendar]") {
  // 214 hari kerja from Monday 15 Feb 2021. Under the original list (cuti bersama 12 March,
  // 17-19 May, 24 and 27 December) it ended on 4 January 2022; SKB 281/2021 (22 Feb) cut the
  // cuti bersama to 12 May and 24 December: 28 December 2021; SKB 712/2021 (18 Jun) deleted 24
  // December: 27 December. Each move starts where the previous one ended.
  const auto clock = clock_from("2021-02-15", 214);
  const auto owed = deadline::pending_calendar_moves(clock, shipped(), date("2021-12-01"));
  REQUIRE(owed.size() == 2);
  CHECK(owed[0] == deadline::DeadlineMove{date("2021-02-22"), kSkb281, date("2022-01-04"),
                                          date("2021-12-28")});
  CHECK(owed[1].on == date("2021-06-18"));
  CHECK(owed[1].decree ==
        "SKB Menag, Menaker, MenPANRB No. 712/2021, 1/2021, 3/2021 (18 Jun 2021)");
  CHECK(owed[1].from == date("2021-12-28"));
  CHECK(owed[1].to == date("2021-12-27"));
  // Asked between the two decrees, only the first is owed.
  CHECK(deadline::pending_calendar_moves(clock, shipped(), date("2021-06-17")).size() == 1);
}

TEST_CASE("shared cut calendars give the dates calendar_of gives, one cut per start day",
          "[deadline][calendar]") {
  // `stats` keeps the calendar as in force on each start day for every clock that started then
  // (deadline::CalendarCuts) instead of cutting one per clock: the dates must not change.
  deadline::CalendarCuts cuts(shipped());
  for (const char* started : {"2021-02-15", "2021-02-15", "2021-02-22", "2020-12-01"}) {
    const auto clock = clock_from(started, 20);
    std::optional<time::HolidayCalendar> scratch;
    const auto& own = deadline::calendar_of(clock, shipped(), scratch);
    const auto& shared = cuts.of(clock);
    CHECK(shared.in_force_on() == own.in_force_on());
    for (const char* today : {"2021-02-19", "2021-03-01", "2026-12-04"}) {
      CHECK(deadline::evaluate_under(clock, shared, date(today)).due ==
            deadline::evaluate(clock, shipped(), date(today)).due);
    }
  }
  CHECK(&cuts.of(clock_from("2021-02-15", 20)) == &cuts.of(clock_from("2021-02-15", 5)));
  CHECK(&cuts.of(clock_from("2026-12-01", 20)) == &shipped());  // no decree after it: no cut
}
