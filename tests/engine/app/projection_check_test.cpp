// The comparison behind `verify`'s FALSE ROW lines: each stored column against what the events
// give, by name; deadlines by id; never the provisional flag.
#include "engine/app/projection_check.hpp"

#include <catch2/catch.hpp>

#include "engine/time/date.hpp"

using namespace regflow;

namespace {

store::DossierRow row() {
  store::DossierRow r;
  r.id = "MINI-2026-0001";
  r.workflow = "mini";
  r.definition_hash = "abc";
  r.title = "Pergub UMKM";
  r.step = "penyusunan";
  r.step_title = "Penyusunan";
  r.owner_agency = "dinas-kukm";
  r.version = 2;
  r.next_timer = *time::parse_date("2026-03-10");
  return r;
}

store::DeadlineRow deadline(const std::string& id, const std::string& due) {
  store::DeadlineRow d;
  d.dossier_id = "MINI-2026-0001";
  d.deadline_id = id;
  d.due = *time::parse_date(due);
  d.working_days = true;
  d.title = id;
  return d;
}

}  // namespace

TEST_CASE("an equal row has no mismatch; each edited column is named", "[app][verify]") {
  CHECK(app::compare_rows(row(), row(), true).empty());
  auto edited = row();
  edited.owner_agency = "biro-hukum";
  edited.closed = true;
  edited.pending_signers = {"sekda"};
  const auto found = app::compare_rows(edited, row(), true);
  REQUIRE(found.size() == 3);
  CHECK(found[0].column == "owner_agency");
  CHECK(found[0].stored == "biro-hukum");
  CHECK(found[0].expected == "dinas-kukm");
  CHECK(found[1].column == "pending_signers");
  CHECK(found[2].column == "closed");
}

TEST_CASE("the next timer day is compared only when asked", "[app][verify]") {
  auto emptied = row();
  emptied.next_timer.reset();  // as after the migration to schema 3, before the first tick
  CHECK(app::compare_rows(emptied, row(), false).empty());
  const auto found = app::compare_rows(emptied, row(), true);
  REQUIRE(found.size() == 1);
  CHECK(found[0].column == "next_timer");
  CHECK(found[0].stored == "none");
  CHECK(found[0].expected == "2026-03-10");
}

TEST_CASE("deadlines differ by date, by a missing row or by one too many", "[app][verify]") {
  const std::vector<store::DeadlineRow> expected{deadline("paraf", "2026-03-10"),
                                                 deadline("target", "2026-04-01")};
  auto provisional = expected;
  provisional[0].provisional = true;  // depends on the day it was computed: never compared
  CHECK(app::compare_deadlines("MINI-2026-0001", "deadlines", provisional, expected, true).empty());

  auto moved = expected;
  moved[1].due = *time::parse_date("2026-12-31");
  auto found = app::compare_deadlines("MINI-2026-0001", "deadlines", moved, expected, true);
  REQUIRE(found.size() == 1);
  CHECK(found[0].column == "deadlines.target.due");
  CHECK(found[0].stored == "2026-12-31");

  found = app::compare_deadlines("MINI-2026-0001", "clocks", {expected[0]}, expected, false);
  REQUIRE(found.size() == 1);
  CHECK(found[0].column == "clocks.target");
  CHECK(found[0].stored == "missing");

  auto extra = expected;
  extra.push_back(deadline("bogus", "2026-05-01"));
  found = app::compare_deadlines("MINI-2026-0001", "deadlines", extra, expected, true);
  REQUIRE(found.size() == 1);
  CHECK(found[0].expected == "not running");

  auto retitled = expected;
  retitled[0].title = "other";
  CHECK(app::compare_deadlines("MINI-2026-0001", "clocks", retitled, expected, false).empty());
  CHECK(app::compare_deadlines("MINI-2026-0001", "deadlines", retitled, expected, true).size() ==
        1);
}
