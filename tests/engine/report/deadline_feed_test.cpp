#include "engine/report/deadline_feed.hpp"

#include <catch2/catch.hpp>

#include "engine/report/board.hpp"
#include "tests/engine/store/store_builders.hpp"
#include "tests/support/dates.hpp"

using regflow::test::date;

using regflow::deadline::Status;
using regflow::report::build_deadline_feed;
using regflow::report::due_soon_from;
using regflow::report::FeedFilter;
using regflow::report::row_status;
using regflow::store::DeadlineRow;
using regflow::store::Store;
using regflow::time::CalendarYear;

namespace {
CalendarYear year_2026() {
  CalendarYear year;
  year.year = 2026;
  year.source = "SKB 2026";
  return year;
}
}  // namespace
using regflow::time::Date;
using regflow::time::HolidayCalendar;
using regflow::time::NonWorkingDay;

namespace {

// March 2026 around Idulfitri: Nyepi on Thursday 19 March, holidays and cuti bersama from
// Wednesday 18 to Tuesday 24 March (docs/legal-basis.md#calendar-2026).
HolidayCalendar march_2026() {
  std::vector<NonWorkingDay> days;
  for (const char* day : {"2026-03-18", "2026-03-19", "2026-03-20", "2026-03-23", "2026-03-24"}) {
    NonWorkingDay listed;
    listed.date = date(day);
    listed.name = "libur";
    listed.decree = "SKB 2026";
    days.push_back(listed);
  }
  return HolidayCalendar(days, {year_2026()});
}

DeadlineRow deadline_row(const std::string& dossier, const std::string& id, const char* due,
                         bool working_days, int due_soon) {
  DeadlineRow row;
  row.dossier_id = dossier;
  row.deadline_id = id;
  row.title = "Batas " + id;
  row.basis = "UU 12/2011 Pasal 79(1)";
  if (due != nullptr) {
    row.due = date(due);
    row.computed_due = row.due;
  } else {
    row.paused_remaining = 3;
  }
  row.working_days = working_days;
  row.due_soon = due_soon;
  return row;
}

Status status_on(const DeadlineRow& row, const HolidayCalendar& calendar, Date today) {
  int days_left = 0;
  return row_status(row, calendar, today, days_left);
}

}  // namespace

TEST_CASE("due_soon_from is the first day the board calls a deadline due soon") {
  const auto calendar = march_2026();
  // Due dates on working days and weekends, either side of the Idulfitri break, thresholds 0–5.
  for (const char* due : {"2026-03-16", "2026-03-25", "2026-03-26", "2026-03-28", "2026-04-06"}) {
    for (const bool working_days : {false, true}) {
      for (int threshold = 0; threshold <= 5; ++threshold) {
        const auto row = deadline_row("PERGUB-2026-0001", "batas", due, working_days, threshold);
        INFO("due " << due << (working_days ? " hari kerja" : " hari") << ", threshold "
                    << threshold);
        const auto from = due_soon_from(row, calendar);
        REQUIRE(from);
        CHECK(*from <= *row.due);
        CHECK(status_on(row, calendar, *from) == Status::DueSoon);
        CHECK(status_on(row, calendar, *from - std::chrono::days{1}) == Status::OnTrack);
      }
    }
  }
}

TEST_CASE("due_soon_from in working days skips the Idulfitri break") {
  const auto calendar = march_2026();
  // Due Wednesday 25 March, due soon at 2 hari kerja left: from Monday 16 on, only Tuesday 17 and
  // the due date itself are working days still ahead; the break in between counts for nothing.
  const auto row = deadline_row("PERGUB-2026-0001", "batas", "2026-03-25", true, 2);
  CHECK(due_soon_from(row, calendar) == date("2026-03-16"));
  const auto calendar_days = deadline_row("PERGUB-2026-0001", "batas", "2026-03-25", false, 2);
  CHECK(due_soon_from(calendar_days, calendar) == date("2026-03-23"));
}

TEST_CASE("due_soon_from has no date while the deadline is paused") {
  const auto row = deadline_row("PERGUB-2026-0001", "batas", nullptr, true, 2);
  CHECK_FALSE(due_soon_from(row, march_2026()).has_value());
}

TEST_CASE("The deadline feed lists every running deadline of the open dossiers") {
  const auto calendar = march_2026();
  auto store = Store::in_memory();
  const auto start = [&](const std::string& owner, std::vector<DeadlineRow> deadlines,
                         const std::string& workflow, bool closed = false) {
    return store.start("PERGUB", 2026, [&](const std::string& id) {
      auto write = regflow::test::started(id, owner);
      write.dossier.workflow = workflow;
      write.dossier.closed = closed;
      for (auto& row : deadlines) row.dossier_id = id;
      write.deadlines = deadlines;
      return write;
    });
  };
  const auto first = start("dinas-kukm",
                           {deadline_row("", "target", "2026-03-10", false, 2),
                            deadline_row("", "penetapan", "2026-03-30", true, 3)},
                           "pergub");
  const auto second =
      start("biro-hukum", {deadline_row("", "harmonisasi", nullptr, true, 2)}, "perda");
  start("dinas-kukm", {deadline_row("", "target", "2026-03-05", false, 2)}, "pergub", true);

  const auto feed = build_deadline_feed(store, {}, date("2026-03-09"), calendar);
  REQUIRE(feed.size() == 3);
  CHECK(feed[0].dossier.id == first);
  CHECK(feed[0].deadline.deadline_id == "target");
  CHECK(feed[0].status == Status::DueSoon);
  CHECK(feed[0].days_left == 1);
  CHECK(feed[1].deadline.deadline_id == "penetapan");
  CHECK(feed[1].status == Status::OnTrack);
  CHECK(feed[1].due_soon_from == date("2026-03-25"));
  CHECK(feed[2].dossier.id == second);
  CHECK(feed[2].status == Status::Paused);
  CHECK_FALSE(feed[2].due_soon_from.has_value());

  const auto perda =
      build_deadline_feed(store, FeedFilter{"", "perda"}, date("2026-03-09"), calendar);
  REQUIRE(perda.size() == 1);
  CHECK(perda[0].dossier.id == second);
  const auto biro =
      build_deadline_feed(store, FeedFilter{"biro-hukum", ""}, date("2026-03-09"), calendar);
  REQUIRE(biro.size() == 1);
  CHECK(biro[0].deadline.deadline_id == "harmonisasi");
  CHECK(build_deadline_feed(store, FeedFilter{"sekda", ""}, date("2026-03-09"), calendar).empty());
}
