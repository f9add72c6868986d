// Dates as the tests write them, "2026-03-19". A date that does not parse is a typo in the
// test: it throws, which fails the test that wrote it.
#pragma once

#include <stdexcept>
#include <string>

#include "engine/time/date.hpp"

namespace regflow::test {

inline time::Date date(const char* text) {
  const auto parsed = time::parse_date(text);
  if (!parsed) throw std::invalid_argument(std::string("not a test date: ") + text);
  return *parsed;
}

}  // namespace regflow::test
