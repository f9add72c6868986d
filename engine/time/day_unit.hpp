// Units and lengths of legal periods. The law counts some periods in calendar days ("hari") and
// others in working days ("hari kerja"), and the word alone does not always say which
// (docs/legal-basis.md#day-counting), so every duration in regflow carries its unit explicitly.
// The working-day arithmetic itself lives in HolidayCalendar (engine/time/calendar.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace regflow::time {

/// How a period is counted: every day of the week, or Monday–Friday minus holidays and, by
/// default, collective leave.
enum class DayUnit { Calendar, Working };

/// A legal period such as "30 hari" or "10 hari kerja". `amount` is never negative.
struct Duration {
  int amount = 0;
  DayUnit unit = DayUnit::Calendar;

  friend bool operator==(const Duration&, const Duration&) = default;
};

/// The largest amount parse_duration accepts, in days (weeks are converted): about 2,700 years,
/// far beyond any legal period, and small enough that no date arithmetic overflows.
inline constexpr int kMaxDurationDays = 999'999;

/// Parses a period written by people, in Indonesian or English, or in short form:
///   "30 hari", "10 hari kerja", "30 days", "1 day", "10 working days", "1 working day",
///   "30d", "10wd", "2w" (2 weeks = 14 calendar days).
/// The amount is digits only (no sign); tokens are separated by exactly one space; the short
/// forms may also be written with one space ("30 d"). Lower case only: a capitalised "Hari" is a
/// defined term in Permendagri 80/2015 that very likely means working days, so it must not be
/// silently read as calendar days. Returns nullopt for anything else.
std::optional<Duration> parse_duration(std::string_view text);

/// "hari" (calendar days) or "hari kerja" (working days), the words of the law.
std::string unit_name(DayUnit unit);

/// "30 hari", "10 hari kerja": a duration as the law writes it.
std::string format_duration(Duration duration);

}  // namespace regflow::time
