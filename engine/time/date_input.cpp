#include "engine/time/date_input.hpp"

#include <fmt/format.h>

#include <charconv>

namespace regflow::time {
namespace {

struct DayMonthYear {
  int day = 0;
  int month = 0;
  int year = 0;
  std::size_t length = 0;  ///< characters the date took
};

bool read_number(std::string_view text, std::size_t& at, std::size_t min_digits,
                 std::size_t max_digits, int& out) {
  std::size_t end = at;
  while (end < text.size() && end - at < max_digits && text[end] >= '0' && text[end] <= '9') ++end;
  if (end - at < min_digits) return false;
  std::from_chars(text.data() + at, text.data() + end, out);
  at = end;
  return true;
}

std::optional<DayMonthYear> read_day_month_year(std::string_view text) {
  DayMonthYear out;
  std::size_t at = 0;
  if (!read_number(text, at, 1, 2, out.day) || at >= text.size() || text[at] != '/') {
    return std::nullopt;
  }
  ++at;
  if (!read_number(text, at, 1, 2, out.month) || at >= text.size() || text[at] != '/') {
    return std::nullopt;
  }
  ++at;
  if (!read_number(text, at, 4, 4, out.year)) return std::nullopt;
  if (at < text.size() && text[at] >= '0' && text[at] <= '9') return std::nullopt;
  out.length = at;
  return out;
}

std::optional<Date> to_date(const DayMonthYear& dmy) {
  const std::chrono::year_month_day ymd{std::chrono::year{dmy.year},
                                        std::chrono::month{static_cast<unsigned>(dmy.month)},
                                        std::chrono::day{static_cast<unsigned>(dmy.day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

}  // namespace

std::optional<Date> parse_date_input(std::string_view text) {
  if (auto iso = parse_date(text)) return iso;
  const auto dmy = read_day_month_year(text);
  if (!dmy || dmy->length != text.size()) return std::nullopt;
  return to_date(*dmy);
}

std::string iso_date_input(std::string_view text) {
  const auto dmy = read_day_month_year(text);
  if (!dmy) return std::string(text);
  const auto date = to_date(*dmy);
  if (!date) return std::string(text);
  std::string rest(text.substr(dmy->length));
  if (!rest.empty() && rest.front() == ' ') rest.front() = 'T';
  return format_date(*date) + rest;
}

}  // namespace regflow::time
