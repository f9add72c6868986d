// Dates as people type them. Stored data, YAML and --json keep ISO 8601 ("2021-02-15"); where a
// person types a date (--now, --target, --to, --from, a date variable), the way Indonesians write
// it, "15/02/2021" (day/month/year), is accepted as well.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/time/date.hpp"

namespace regflow::time {

/// "YYYY-MM-DD" or "DD/MM/YYYY" (one- or two-digit day and month: "5/2/2021"); a real calendar
/// date, else nullopt.
std::optional<Date> parse_date_input(std::string_view text);

/// `text` with a leading "DD/MM/YYYY" date rewritten as "YYYY-MM-DD" (the rest, such as
/// "T09:00" or " 09:00", kept, a space turned into 'T'); other text unchanged. For --now.
std::string iso_date_input(std::string_view text);

}  // namespace regflow::time
