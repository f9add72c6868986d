// Which timers are due at a given day: reminders (ahead of or after a due date), escalations
// and declared automatic transitions. Pure; `regflow tick` turns each into an event, and a timer
// that fired once for a clock's generation never fires again (tick is idempotent).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/model/definition.hpp"
#include "engine/runtime/dossier_state.hpp"
#include "engine/time/calendar.hpp"

namespace regflow::deadline {

struct DueTimer {
  std::string deadline;  ///< the clock's id
  int index = 0;         ///< the timer's position in the deadline's on_miss list
  model::TimerSpec spec;
  time::Date due{};  ///< the deadline's due date the timer is relative to
};

/// The timers of running deadlines that are due on `today` and have not fired yet, in the order
/// the deadlines and timers are declared.
std::vector<DueTimer> due_timers(const model::WorkflowDefinition& definition,
                                 const runtime::DossierState& state,
                                 const time::HolidayCalendar& calendar, time::Date today);

/// A timer that has not fired yet, and the first day it fires on if no event comes before.
struct ScheduledTimer {
  DueTimer timer;
  time::Date fires_on{};
};

/// Every timer of the running deadlines that has not fired yet, earliest first (then in the
/// order declared): what `tick` will do to this dossier, and when, if nobody acts on it.
std::vector<ScheduledTimer> scheduled_timers(const model::WorkflowDefinition& definition,
                                             const runtime::DossierState& state,
                                             const time::HolidayCalendar& calendar,
                                             time::Date today);

/// The first day on which due_timers gives a timer, or on which a decree may move a running
/// deadline (next_calendar_check), if no event comes before it; nullopt when neither is pending.
/// `today` is the day it is computed on (a day that has passed is given as it is). A due date
/// depends on the calendar, so a changed calendar moves this day.
std::optional<time::Date> next_timer_day(const model::WorkflowDefinition& definition,
                                         const runtime::DossierState& state,
                                         const time::HolidayCalendar& calendar, time::Date today);

/// The key under which a clock records a fired timer.
std::string fired_key(const runtime::DeadlineClock& clock, int index);

}  // namespace regflow::deadline
