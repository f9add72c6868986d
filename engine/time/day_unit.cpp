#include "engine/time/day_unit.hpp"

#include <array>
#include <charconv>

namespace regflow::time {
namespace {

struct UnitWord {
  std::string_view word;
  DayUnit unit;
  int days_per_unit;
  bool short_form;  // short forms may follow the amount without a space
};

constexpr std::array<UnitWord, 9> kUnitWords{{
    {"hari", DayUnit::Calendar, 1, false},
    {"hari kerja", DayUnit::Working, 1, false},
    {"day", DayUnit::Calendar, 1, false},
    {"days", DayUnit::Calendar, 1, false},
    {"working day", DayUnit::Working, 1, false},
    {"working days", DayUnit::Working, 1, false},
    {"d", DayUnit::Calendar, 1, true},
    {"wd", DayUnit::Working, 1, true},
    {"w", DayUnit::Calendar, 7, true},
}};

}  // namespace

std::optional<Duration> parse_duration(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  // Seven digits could already exceed kMaxDurationDays; more could overflow int.
  if (digits == 0 || digits > 7) return std::nullopt;
  int amount = 0;
  std::from_chars(text.data(), text.data() + digits, amount);

  std::string_view rest = text.substr(digits);
  const bool spaced = !rest.empty() && rest.front() == ' ';
  if (spaced) rest.remove_prefix(1);
  for (const auto& unit_word : kUnitWords) {
    if (unit_word.word != rest || (!spaced && !unit_word.short_form)) continue;
    if (amount > kMaxDurationDays / unit_word.days_per_unit) return std::nullopt;
    return Duration{amount * unit_word.days_per_unit, unit_word.unit};
  }
  return std::nullopt;
}

std::string unit_name(DayUnit unit) {
  switch (unit) {
    case DayUnit::Calendar:
      return "hari";
    case DayUnit::Working:
      return "hari kerja";
  }
  return "hari";
}

std::string format_duration(Duration duration) {
  return std::to_string(duration.amount) + " " + unit_name(duration.unit);
}

}  // namespace regflow::time
