// Dates as people type them: ISO, and day/month/year as Indonesians write them.
#include "engine/time/date_input.hpp"

#include <catch2/catch.hpp>

namespace regflow::time {
namespace {

TEST_CASE("a typed date may be ISO or DD/MM/YYYY", "[time]") {
  const Date expected{std::chrono::year{2021} / std::chrono::February / std::chrono::day{15}};
  CHECK(parse_date_input("2021-02-15") == expected);
  CHECK(parse_date_input("15/02/2021") == expected);
  CHECK(parse_date_input("15/2/2021") == expected);
  CHECK_FALSE(parse_date_input("30/02/2021").has_value());  // no such day
  CHECK_FALSE(parse_date_input("02/15/2021").has_value());  // month first is not accepted
  CHECK_FALSE(parse_date_input("15/02/21").has_value());
  CHECK_FALSE(parse_date_input("15/02/2021x").has_value());
  CHECK_FALSE(parse_date_input("").has_value());
}

TEST_CASE("the text of --now may start with DD/MM/YYYY", "[time]") {
  CHECK(iso_date_input("15/02/2021") == "2021-02-15");
  CHECK(iso_date_input("15/02/2021 09:30") == "2021-02-15T09:30");
  CHECK(iso_date_input("15/02/2021T09:30") == "2021-02-15T09:30");
  CHECK(iso_date_input("2021-02-15T09:30") == "2021-02-15T09:30");
  CHECK(iso_date_input("31/02/2021") == "31/02/2021");  // left for the caller to refuse
}

}  // namespace
}  // namespace regflow::time
