#include "engine/model/value.hpp"

#include <catch2/catch.hpp>

using namespace regflow::model;

TEST_CASE("values parse according to their declared type", "[model][value]") {
  CHECK(to_text(*parse_value("42", ValueType::Number)) == "42");
  CHECK(to_text(*parse_value("2.5", ValueType::Number)) == "2.5");
  CHECK(to_text(*parse_value("2026-03-12", ValueType::Date)) == "2026-03-12");
  CHECK(to_text(*parse_value("ya", ValueType::Bool)) == "true");
  CHECK(to_text(*parse_value("apbd", ValueType::Enum, {"apbd", "umkm"})) == "apbd");
}

TEST_CASE("values that do not fit their type are rejected", "[model][value]") {
  CHECK_FALSE(parse_value("4x", ValueType::Number));
  CHECK_FALSE(parse_value("", ValueType::Number));
  CHECK_FALSE(parse_value("2026-02-30", ValueType::Date));
  CHECK_FALSE(parse_value("maybe", ValueType::Bool));
  CHECK_FALSE(parse_value("apdb", ValueType::Enum, {"apbd", "umkm"}));
}

TEST_CASE("a bool is yes or no in English or Indonesian, in any case", "[model][value]") {
  for (const char* yes : {"true", "TRUE", "Ya", "YA", "yes"}) {
    CHECK(to_text(*parse_value(yes, ValueType::Bool)) == "true");
  }
  for (const char* no : {"false", "False", "tidak", "TIDAK", "no"}) {
    CHECK(to_text(*parse_value(no, ValueType::Bool)) == "false");
  }
}

TEST_CASE("a date variable is accepted only in the documented range", "[model][value]") {
  CHECK(parse_value("1900-01-01", ValueType::Date));
  CHECK(parse_value("2200-12-31", ValueType::Date));
  CHECK_FALSE(parse_value("1899-12-31", ValueType::Date));
  CHECK_FALSE(parse_value("2201-01-01", ValueType::Date));
  CHECK_FALSE(parse_value("0000-01-01", ValueType::Date));
}
