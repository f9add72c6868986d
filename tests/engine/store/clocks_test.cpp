#include "engine/store/clocks.hpp"

#include <catch2/catch.hpp>

#include "engine/model/error.hpp"
#include "tests/support/dates.hpp"

using regflow::StoreError;
using regflow::store::DeadlineRow;
using regflow::store::DeadlineTiming;
using regflow::store::decode_clocks;
using regflow::store::encode_clocks;
using regflow::test::date;

namespace {

DeadlineRow clock(const std::string& id, std::optional<regflow::time::Date> due, bool working,
                  int due_soon, int paused, bool provisional) {
  DeadlineRow row;
  row.dossier_id = "PERDA-2026-0001";
  row.deadline_id = id;
  row.due = due;
  row.working_days = working;
  row.due_soon = due_soon;
  row.paused_remaining = paused;
  row.provisional = provisional;
  return row;
}

}  // namespace

TEST_CASE("clocks text keeps every running deadline's timing, in deadline id order", "[store]") {
  const std::vector<DeadlineRow> rows{
      clock("seluruhnya", date("2026-12-01"), false, 10, 0, false),
      clock("harmonisasi", std::nullopt, true, 3, 6, false),
      clock("evaluasi_kemendagri", date("2027-02-01"), true, 5, 0, true)};
  const std::string text = encode_clocks(rows);
  // 2026-12-01 is day 20788 after 1970-01-01; 2027-02-01 is day 20850.
  CHECK(text ==
        "evaluasi_kemendagri 20850 W 5 0 P;harmonisasi - W 3 6 -;seluruhnya 20788 C 10 0 -");

  std::vector<DeadlineTiming> out(5);  // more elements than needed: the rest are dropped
  REQUIRE(decode_clocks(text, out));
  REQUIRE(out.size() == 3);
  CHECK(out[0].deadline_id == "evaluasi_kemendagri");
  CHECK(out[0].due == date("2027-02-01"));
  CHECK(out[0].working_days);
  CHECK(out[0].due_soon == 5);
  CHECK(out[0].provisional);
  CHECK(out[1].deadline_id == "harmonisasi");
  CHECK_FALSE(out[1].due.has_value());
  CHECK(out[1].paused_remaining == 6);
  CHECK(out[2].deadline_id == "seluruhnya");
  CHECK(out[2].due == date("2026-12-01"));
  CHECK_FALSE(out[2].working_days);
  CHECK(out[2].due_soon == 10);
  CHECK_FALSE(out[2].provisional);

  CHECK(encode_clocks({}).empty());
  // The first and last days the text may hold.
  REQUIRE(decode_clocks("a -25567 C 2 0 -;b 2932896 C 2 0 -", out));
  CHECK(out[0].due == date("1900-01-01"));
  CHECK(out[1].due == date("9999-12-31"));
  CHECK(decode_clocks("", out));
  CHECK(out.empty());
}

TEST_CASE("clocks text that is not well formed is refused, never half read", "[store]") {
  std::vector<DeadlineTiming> out;
  for (const char* bad :
       {"x", "x 1 W 2 0", "x 1 W 2 0 - extra", "x 1 Q 2 0 -", "x one W 2 0 -", "x 1 W 2 0 Y",
        "x 1 W 2 0 -;", ";x 1 W 2 0 -", "x 1 W 2  0 -", " 1 W 2 0 -", "x 99999999999 W 2 0 -",
        "x 1 W 2.5 0 -", "x 1 W +2 0 -", "x 2932897 W 2 0 -", "x -25568 W 2 0 -"}) {
    INFO(bad);
    CHECK_FALSE(decode_clocks(bad, out));
  }
}

TEST_CASE("a deadline id the text cannot hold is refused before anything is written", "[store]") {
  for (const char* id : {"", "two words", "a;b"}) {
    INFO(id);
    CHECK_THROWS_AS(encode_clocks({clock(id, date("2026-01-05"), true, 2, 0, false)}), StoreError);
  }
}
