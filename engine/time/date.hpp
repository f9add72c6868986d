// Dates and instants. Legal deadlines are dates in the installation's zone (WIB, UTC+7 by
// default), due at the end of that local day; events are stamped with UTC instants.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "engine/model/message.hpp"

namespace regflow::time {

using Date = std::chrono::sys_days;  ///< a local calendar date (no zone attached)
using Instant = std::chrono::sys_seconds;  ///< a UTC instant, whole seconds

/// The installation's fixed offset from UTC. Indonesia has no daylight saving.
struct UtcOffset {
  std::chrono::minutes minutes{7 * 60};
};

/// The dates regflow accepts from people and files (--now, --target, --to, a date variable, an
/// archive's event times): 1900-01-01 to 2200-12-31. Every reader handles years 0–9999, so a
/// date accepted here, plus the longest duration, can never make a stored row unreadable.
inline constexpr int kFirstAcceptedYear = 1900;
inline constexpr int kLastAcceptedYear = 2200;
/// "1900-01-01 to 2200-12-31", for messages.
std::string accepted_range_text();
/// The same as words to translate ("1900-01-01 sampai 2200-12-31"), for a value of a message.
model::Message accepted_range();
bool is_accepted(std::chrono::sys_days date);
/// By the instant's UTC date.
bool is_accepted(std::chrono::sys_seconds instant);

/// Parses "YYYY-MM-DD" (a real calendar date); nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);

/// The calendar year of a date (2026 for 2026-03-19).
int year_of(Date date);

/// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]" (local time at `offset`) or the same with a
/// trailing "Z" or "+HH:MM"; a bare date means 09:00 local, the start of an office day.
std::optional<Instant> parse_instant(std::string_view text, UtcOffset offset);

/// "YYYY-MM-DD".
std::string format_date(Date date);

/// "YYYY-MM-DDTHH:MM:SSZ" (UTC).
std::string format_instant(Instant instant);

/// The local date of an instant at the installation's offset.
Date local_date(Instant instant, UtcOffset offset);

/// The last second of a local date, as a UTC instant: when a deadline on that date passes.
Instant end_of_local_day(Date date, UtcOffset offset);

}  // namespace regflow::time
