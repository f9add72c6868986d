#include "engine/time/date.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdint>

using namespace regflow::time;
using namespace std::chrono;

namespace {

Date d(int y, unsigned m, unsigned day) {
  return Date{year{y} / month{m} / std::chrono::day{day}};
}

}  // namespace

TEST_CASE("parse_date reads real YYYY-MM-DD dates", "[time][date]") {
  CHECK(parse_date("2026-03-19") == d(2026, 3, 19));
  CHECK(parse_date("2025-01-01") == d(2025, 1, 1));
  CHECK(parse_date("2028-02-29") == d(2028, 2, 29));
  CHECK(parse_date("2026-12-31") == d(2026, 12, 31));
}

TEST_CASE("parse_date refuses impossible dates and other shapes", "[time][date]") {
  CHECK_FALSE(parse_date("2026-02-29"));  // 2026 is not a leap year
  CHECK_FALSE(parse_date("2026-02-30"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("2026-00-10"));
  CHECK_FALSE(parse_date("2026-04-31"));
  CHECK_FALSE(parse_date("2026-4-1"));
  CHECK_FALSE(parse_date("26-04-01"));
  CHECK_FALSE(parse_date("2026/04/01"));
  CHECK_FALSE(parse_date("2026-04-01 "));
  CHECK_FALSE(parse_date("+026-04-01"));
  CHECK_FALSE(parse_date(""));
}

TEST_CASE("format_date prints YYYY-MM-DD with leading zeros", "[time][date]") {
  CHECK(format_date(d(2026, 3, 9)) == "2026-03-09");
  CHECK(format_date(d(2028, 2, 29)) == "2028-02-29");
  CHECK(parse_date(format_date(d(2025, 12, 31))) == d(2025, 12, 31));
}

TEST_CASE("dates and instants are written as they always were, in every year", "[time][date]") {
  // The text is part of every event hash: it must stay what fmt's "{:04}-{:02}-{:02}" and
  // "{}T{:02}:{:02}:{:02}Z" gave.
  for (int days = -800000; days <= 3000000; days += 997) {
    const Date date{std::chrono::days{days}};
    const std::chrono::year_month_day ymd{date};
    CHECK(format_date(date) == fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                                           static_cast<unsigned>(ymd.month()),
                                           static_cast<unsigned>(ymd.day())));
    const Instant instant =
        date + std::chrono::seconds{(std::int64_t{days} * 7919 % 86400 + 86400) % 86400};
    const std::chrono::hh_mm_ss hms{instant - date};
    CHECK(format_instant(instant) == fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(date),
                                                 hms.hours().count(), hms.minutes().count(),
                                                 hms.seconds().count()));
  }
  CHECK(format_instant(Instant{std::chrono::seconds{-1}}) == "1969-12-31T23:59:59Z");
  CHECK(format_date(d(10000, 1, 1)) == "10000-01-01");
}

TEST_CASE("year_of gives the calendar year, also at the edges of a year", "[time][date]") {
  CHECK(year_of(d(2026, 1, 1)) == 2026);
  CHECK(year_of(d(2026, 12, 31)) == 2026);
  CHECK(year_of(d(2025, 12, 31)) == 2025);
  CHECK(year_of(d(2028, 2, 29)) == 2028);
  CHECK(year_of(d(1969, 12, 31)) == 1969);
}

TEST_CASE("a bare date as an instant is 09:00 local time", "[time][date]") {
  const UtcOffset wib;
  const auto instant = parse_instant("2026-03-12", wib);
  REQUIRE(instant);
  CHECK(format_instant(*instant) == "2026-03-12T02:00:00Z");
}

TEST_CASE("instants are read in local time unless a zone is given", "[time][date]") {
  const UtcOffset wib;
  CHECK(format_instant(*parse_instant("2026-03-12T08:30", wib)) == "2026-03-12T01:30:00Z");
  CHECK(format_instant(*parse_instant("2026-03-12T08:30:15", wib)) == "2026-03-12T01:30:15Z");
  CHECK(format_instant(*parse_instant("2026-03-12T08:30:00Z", wib)) == "2026-03-12T08:30:00Z");
  CHECK(format_instant(*parse_instant("2026-03-12T08:30:00+08:00", wib)) == "2026-03-12T00:30:00Z");
  CHECK(format_instant(*parse_instant("2026-03-12T01:00:00-02:00", wib)) == "2026-03-12T03:00:00Z");
}

TEST_CASE("malformed instants are refused", "[time][date]") {
  const UtcOffset wib;
  CHECK_FALSE(parse_instant("2026-03-12T24:00", wib));
  CHECK_FALSE(parse_instant("2026-03-12T08:60", wib));
  CHECK_FALSE(parse_instant("2026-03-12T8:30", wib));
  CHECK_FALSE(parse_instant("2026-03-12X08:30", wib));
  CHECK_FALSE(parse_instant("2026-02-30T08:30", wib));
  CHECK_FALSE(parse_instant("2026-03-12T08:30+15:00", wib));
}

TEST_CASE("the local date of an instant follows the installation's offset", "[time][date]") {
  const UtcOffset wib;
  // 17:00 UTC is already midnight in WIB.
  CHECK(local_date(*parse_instant("2026-03-12T16:59:59Z", wib), wib) == d(2026, 3, 12));
  CHECK(local_date(*parse_instant("2026-03-12T17:00:00Z", wib), wib) == d(2026, 3, 13));
  CHECK(local_date(*parse_instant("2026-03-12T17:00:00Z", wib), UtcOffset{minutes{0}}) ==
        d(2026, 3, 12));
}

TEST_CASE("a deadline date passes at the last second of that local day", "[time][date]") {
  const UtcOffset wib;
  const Instant end = end_of_local_day(d(2026, 3, 31), wib);
  CHECK(format_instant(end) == "2026-03-31T16:59:59Z");
  CHECK(local_date(end, wib) == d(2026, 3, 31));
  CHECK(local_date(end + seconds{1}, wib) == d(2026, 4, 1));
}
