#include "engine/app/projection_basis.hpp"

#include <fmt/format.h>

#include "engine/model/digest.hpp"

namespace regflow::app {
namespace {

// Raise when the meaning of a stored due date or next timer day changes (deadline/status,
// deadline/timers), so that the first tick of a new regflow recomputes them all.
constexpr int kProjectionRules = 1;

}  // namespace

std::string projection_basis(const time::HolidayCalendar& calendar) {
  std::string text = fmt::format("regflow projections {}\ncuti bersama working: {}\n",
                                 kProjectionRules, calendar.settings().collective_leave_is_working);
  for (const auto& year : calendar.years()) {
    fmt::format_to(std::back_inserter(text), "year {} {}\n", year.year,
                   year.provisional ? "provisional" : "confirmed");
  }
  for (const auto& year : calendar.years()) {
    if (year.published) {
      fmt::format_to(std::back_inserter(text), "year {} from {}\n", year.year,
                     time::format_date(*year.published));
    }
  }
  // A day's period of force is part of the basis: a running deadline is counted with the list
  // in force on its days (docs/calendar-format.md, "A change of calendar").
  for (const auto& day : calendar.days()) {
    fmt::format_to(std::back_inserter(text), "{} {}", time::format_date(day.date),
                   day.kind == time::NonWorkingDay::Kind::CollectiveLeave ? "cuti" : "libur");
    if (day.decreed_on) {
      fmt::format_to(std::back_inserter(text), " from {}", time::format_date(*day.decreed_on));
    }
    if (day.removed_on) {
      fmt::format_to(std::back_inserter(text), " until {}", time::format_date(*day.removed_on));
    }
    text += '\n';
  }
  return model::sha256_hex(text);
}

}  // namespace regflow::app
