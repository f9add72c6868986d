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

/// A running deadline moved by a change of calendar (docs/calendar-format.md).
struct DeadlineMove {
  time::Date on;       ///< the day the decree was signed
  std::string decree;  ///< the decree(s) that changed the list on that day
  time::Date from;     ///< the due date before it
  time::Date to;       ///< the due date after it

  friend bool operator==(const DeadlineMove&, const DeadlineMove&) = default;
};

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

/// Evaluates one clock on `today` (a local date) with the calendar as in force while it runs:
/// it starts with the list in force on the day the clock started; each decree signed after that
/// and on or before the day it ended (or today, while it runs) that changes its due date moves
/// it, and the move is kept in `moves`. A decree signed after the due date had passed moves
/// nothing, and nothing moves a deadline after it ended. Calendar-day and fixed-date deadlines
/// never move.
DeadlineView evaluate(const runtime::DeadlineClock& clock, const time::HolidayCalendar& calendar,
                      time::Date today);

/// Every clock of a dossier that should be shown: running ones first by urgency, then ended ones.
/// Date-variable deadlines count only in their `active_in` steps.
std::vector<DeadlineView> evaluate_all(const model::WorkflowDefinition& definition,
                                       const runtime::DossierState& state,
                                       const time::HolidayCalendar& calendar, time::Date today);

/// The most urgent running deadline, if any (for the board).
std::optional<DeadlineView> most_urgent(const std::vector<DeadlineView>& views);

}  // namespace regflow::deadline
