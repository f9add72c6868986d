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

}  // namespace regflow::cli::render
