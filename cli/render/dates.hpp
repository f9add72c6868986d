// Dates where a person reads them, in the current language (cli/render/translate.hpp). English
// screens keep ISO 8601 ("2021-02-15"), as they always showed; Indonesian screens write dates
// as Indonesians do: "15/02/2021" in tables, "Senin, 15 Februari 2021" in headings and
// sentences. --json, CSV, iCalendar and stored data stay ISO whatever the language.
#pragma once

#include <string>

#include "engine/time/date.hpp"

namespace regflow::cli::render {

/// A date in a table cell: "2021-02-15" (en), "15/02/2021" (id).
std::string date_text(time::Date date);
/// A date in a heading or a sentence: "2021-02-15" (en), "Senin, 15 Februari 2021" (id).
std::string long_date_text(time::Date date);
/// An instant at the installation's offset, to the minute: "2021-01-07 10:00" (en),
/// "07/01/2021 10:00" (id).
std::string date_time_text(time::Instant at, time::UtcOffset offset);
/// A month as the statistics count it ("2021-03", ISO): "2021-03" (en), "Maret 2021" (id), or
/// "Mar 2021" when `short_name` (a chart's axis). Text that is not YYYY-MM is returned as it is.
std::string month_text(const std::string& iso_month, bool short_name = false);

}  // namespace regflow::cli::render
