#include "engine/report/board.hpp"

#include <catch2/catch.hpp>

#include "tests/engine/store/store_builders.hpp"
#include "tests/support/dates.hpp"

using regflow::test::date;

using regflow::deadline::Status;
using regflow::report::Board;
using regflow::report::BoardFilter;
using regflow::report::build_board;
using regflow::store::DeadlineRow;
using regflow::store::Store;
using regflow::store::Write;
using regflow::time::CalendarYear;

namespace {
CalendarYear year_2026() {
  CalendarYear year;
  year.year = 2026;
  year.source = "test";
  return year;
}
}  // namespace
using regflow::time::Date;
using regflow::time::HolidayCalendar;

namespace {

HolidayCalendar weekends_only_2026() {
  return HolidayCalendar({}, {year_2026()});
}

DeadlineRow due_on(const char* id, const char* due, int due_soon = 2) {
  DeadlineRow row;
  row.deadline_id = id;
  row.title = std::string("Batas ") + id;
  row.basis = "UU 12/2011 Pasal 79(1)";
  if (due != nullptr) {
    row.due = date(due);
    row.computed_due = row.due;
  } else {
    row.paused_remaining = 3;
  }
  row.due_soon = due_soon;
  return row;
}

std::string open(Store& store, const std::string& owner, std::vector<DeadlineRow> deadlines) {
  return store.start("PERGUB", 2026, [&](const std::string& id) {
    Write write = regflow::test::started(id, owner);
    write.deadlines = std::move(deadlines);
    return write;
  });
}

std::vector<std::string> order(const Board& board) {
  std::vector<std::string> out;
  for (const auto& e : board.entries) {
    out.push_back(e.dossier.id + " " + (e.deadline ? e.deadline->deadline_id : "-") + " " +
                  std::to_string(e.days_left));
  }
  return out;
}

}  // namespace

TEST_CASE("the board ranks each dossier by its most urgent deadline, most urgent first",
          "[report]") {
  Store store = Store::in_memory();
  const auto calendar = weekends_only_2026();
  const Date today = date("2026-03-10");  // a Tuesday
  open(store, "dinas-kukm", {due_on("langkah", "2026-03-20"), due_on("target", "2026-03-09")});
  open(store, "biro-hukum", {due_on("langkah", "2026-03-11")});  // 0002: due soon
  open(store, "biro-hukum", {due_on("langkah", nullptr)});       // 0003: paused
  open(store, "sekda", {});                                      // 0004: none
  open(store, "biro-hukum", {due_on("langkah", "2026-03-05")});  // 0005: overdue 5
  open(store, "dinas-kukm", {due_on("a", "2026-03-30"), due_on("b", "2026-03-12", 5)});  // 0006

  const Board board = build_board(store, {}, today, calendar);
  CHECK(order(board) ==
        std::vector<std::string>{"PERGUB-2026-0005 langkah -5", "PERGUB-2026-0001 target -1",
                                 "PERGUB-2026-0002 langkah 1", "PERGUB-2026-0006 b 2",
                                 "PERGUB-2026-0003 langkah 3", "PERGUB-2026-0004 - 0"});
  CHECK(board.entries[0].status == Status::Overdue);
  CHECK(board.entries[3].status == Status::DueSoon);  // its 5-day threshold, not a's date
  CHECK(board.matching == 6);
  CHECK(board.totals_by_status ==
        std::map<std::string, int>{
            {"overdue", 2}, {"due soon", 2}, {"paused", 1}, {"no deadline", 1}});
  CHECK(board.late_by_agency == std::map<std::string, int>{{"biro-hukum", 1}, {"dinas-kukm", 1}});

  SECTION("a limit keeps the most urgent entries and still counts every one") {
    for (std::size_t limit = 1; limit <= 7; ++limit) {
      BoardFilter filter;
      filter.limit = limit;
      const Board limited = build_board(store, filter, today, calendar);
      INFO("limit " << limit);
      const auto all = order(board);
      CHECK(order(limited) ==
            std::vector<std::string>(all.begin(),
                                     all.begin() + static_cast<long>(std::min(limit, all.size()))));
      CHECK(limited.matching == 6);
      CHECK(limited.totals_by_status == board.totals_by_status);
      CHECK(limited.late_by_agency == board.late_by_agency);
    }
  }

  SECTION("filters by agency and status") {
    BoardFilter kukm;
    kukm.agency = "dinas-kukm";
    CHECK(order(build_board(store, kukm, today, calendar)) ==
          std::vector<std::string>{"PERGUB-2026-0001 target -1", "PERGUB-2026-0006 b 2"});
    BoardFilter due_soon;
    due_soon.status = "due soon";
    due_soon.limit = 1;
    const Board soon = build_board(store, due_soon, today, calendar);
    CHECK(order(soon) == std::vector<std::string>{"PERGUB-2026-0002 langkah 1"});
    CHECK(soon.matching == 2);
  }

  SECTION("details give the full rows of the chosen deadlines") {
    const auto details = regflow::report::board_details(store, board);
    REQUIRE(details.size() == board.entries.size());
    CHECK(details[1].dossier.id == "PERGUB-2026-0001");
    REQUIRE(details[1].deadline);
    CHECK(details[1].deadline->title == "Batas target");
    CHECK(details[1].deadline->basis == "UU 12/2011 Pasal 79(1)");
    CHECK_FALSE(details[5].deadline);
  }
}
