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
  for (const auto& day : calendar.days()) {
    fmt::format_to(std::back_inserter(text), "{} {}\n", time::format_date(day.date),
                   day.kind == time::NonWorkingDay::Kind::CollectiveLeave ? "cuti" : "libur");
  }
  return model::sha256_hex(text);
}

}  // namespace regflow::app
