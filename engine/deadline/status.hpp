// What a deadline clock means today: its due date (computed with the working-day calendar, with
// pauses for revision and extensions applied), the days left in its own unit, and its status.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/runtime/dossier_state.hpp"
#include "engine/time/calendar.hpp"

namespace regflow::deadline {

enum class Status {
  OnTrack,
  DueSoon,
  Overdue,
  Paused,  ///< away for revision under a pause or restart policy
  Met,
  Missed
};

/// "on track", "due soon", "overdue", "paused", "met", "missed".
std::string status_name(Status status);
/// Lower rank = more urgent; for sorting the board.
int urgency_rank(Status status);

/// A running deadline moved by a change of calendar, as recorded in the dossier's chain
/// (engine/deadline/calendar_moves.hpp).
using DeadlineMove = runtime::CalendarMove;

struct DeadlineView {
  const runtime::DeadlineClock* clock = nullptr;
  std::optional<time::Date> computed_due;  ///< from the rule (and pauses), before any extension
  std::optional<time::Date> due;           ///< what applies: the extension when there is one
  bool provisional = false;  ///< the calendar for some counted year is missing or estimated
  Status status = Status::OnTrack;
  int days_left = 0;  ///< in the clock's unit; negative when overdue; remaining time when paused
  time::DayUnit unit = time::DayUnit::Calendar;
  int paused_days = 0;  ///< total time spent away under a pause policy, in the clock's unit
  /// Earliest first: each change of the calendar list that moved this deadline while it ran.
  std::vector<DeadlineMove> moves;
};

/// Evaluates one clock on `today` with the holiday calendar as in force on the clock's
/// calendar_day() (calendar_of): the day it started, or the day of the latest decree that moved
/// it, as `tick` recorded (calendar_moves.hpp). A decree signed later moves nothing until `tick`
/// records it; `moves` are the recorded ones. Calendar-day and fixed-date deadlines never move.
DeadlineView evaluate(const runtime::DeadlineClock& clock, const time::HolidayCalendar& calendar,
                      time::Date today);

/// As evaluate, but with `calendar` exactly as given (not cut at the clock's calendar day), and
/// no moves: what the clock's due date would be under that list.
DeadlineView evaluate_under(const runtime::DeadlineClock& clock,
                            const time::HolidayCalendar& calendar, time::Date today);

/// Every clock of a dossier that should be shown: running ones first by urgency, then ended ones.
/// Date-variable deadlines count only in their `active_in` steps.
std::vector<DeadlineView> evaluate_all(const model::WorkflowDefinition& definition,
                                       const runtime::DossierState& state,
                                       const time::HolidayCalendar& calendar, time::Date today);

/// The most urgent running deadline, if any (for the board).
std::optional<DeadlineView> most_urgent(const std::vector<DeadlineView>& views);

}  // namespace regflow::deadline
