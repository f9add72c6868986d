// What a change of the holiday calendar does to a running deadline
// (docs/legal-basis.md#calendar-moves).
//
// A decree (an SKB amendment, a Keppres, a year's list published) can change which days are
// working days after a working-day deadline started. The policy: a deadline already met or
// already passed when the decree was signed never moves; a running one is recomputed with the
// calendar as in force after the decree, and `tick` records each such move as a
// `deadline-recomputed` event in the dossier's chain, so that the earlier date stays visible and
// the board, queue and feed follow the recorded date. Until a move is recorded, a clock's dates
// are computed with the calendar as in force on DeadlineClock::calendar_day(). Pure.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "engine/runtime/dossier_state.hpp"
#include "engine/time/calendar.hpp"

namespace regflow::deadline {

/// The calendar a clock's dates are computed with: `calendar` as in force on the clock's
/// calendar_day(). That is `calendar` itself when no decree was signed after that day, or for
/// deadlines no decree moves (calendar days, fixed dates); otherwise the cut calendar, built
/// into `scratch` (O(H log H)).
const time::HolidayCalendar& calendar_of(const runtime::DeadlineClock& clock,
                                         const time::HolidayCalendar& calendar,
                                         std::optional<time::HolidayCalendar>& scratch);

/// calendar_of for many clocks against one `calendar` (which must outlive it): each cut
/// calendar is built once per calendar_day() and kept, instead of once per clock. For readers
/// that evaluate every dossier's clocks (`stats`); not thread-safe.
class CalendarCuts {
 public:
  explicit CalendarCuts(const time::HolidayCalendar& calendar) : calendar_(calendar) {}
  const time::HolidayCalendar& base() const { return calendar_; }
  /// The same calendar as calendar_of(clock, base(), scratch) gives.
  const time::HolidayCalendar& of(const runtime::DeadlineClock& clock);

 private:
  const time::HolidayCalendar& calendar_;
  std::map<time::Date, time::HolidayCalendar> cuts_;
};

/// The moves a running working-day clock is owed on `today`: one for each day after its
/// calendar_day() and up to `today` on which a decree was signed that changes its computed due
/// date, earliest first. Stops at a decree signed after the due date had passed. Empty for
/// ended clocks, calendar-day and fixed-date deadlines, a clock away for revision, and when
/// nothing moved: so `tick`, which records them, writes nothing the second time.
std::vector<runtime::CalendarMove> pending_calendar_moves(const runtime::DeadlineClock& clock,
                                                          const time::HolidayCalendar& calendar,
                                                          time::Date today);

/// The day `tick` must look at the clock again because of the calendar: the first pending move's
/// day (on or before `today`) when one is owed, else the next day after `today`, and on or
/// before its due date, on which a decree was signed; nullopt when none can move it.
std::optional<time::Date> next_calendar_check(const runtime::DeadlineClock& clock,
                                              const time::HolidayCalendar& calendar,
                                              time::Date today);

}  // namespace regflow::deadline
