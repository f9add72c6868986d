// What one dossier's history says for the statistics: how long it stayed at each step, how each
// of its deadlines ended (or stands), the extensions granted on it, when it started, finished or
// was stopped, and how its own target (the Governor's "within two weeks") went. Pure: computed
// from the dossier's events, its definition and the holiday calendar, as of a given day, by
// replaying the events through runtime::evolve — the same fold that decides — so a figure here
// is what `show` would have said on that day.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/deadline/status.hpp"
#include "engine/model/definition.hpp"
#include "engine/runtime/event.hpp"
#include "engine/time/calendar.hpp"
#include "engine/time/date.hpp"

namespace regflow::report {

/// One stay at a step: from entering it until leaving it forward (not by a return for
/// revision). Time away in revision counts as the step's limit counts it: excluded under
/// `on_return: pause` (and for a step without a limit), included under `continue`, and a
/// `restart` starts the stay afresh when the dossier comes back.
struct StepStay {
  std::string step;
  std::string agency;  ///< the agency holding the step (its owner, roles resolved)
  time::DayUnit unit = time::DayUnit::Calendar;  ///< the step limit's unit; hari without one
  int days = 0;                                  ///< time at the step, in `unit`
  bool running = false;  ///< still at the step on the as-of day
  time::Date day{};      ///< the day it left the step; the as-of day while running
};

/// How one deadline clock ended, or where it stands on the as-of day.
struct DeadlineOutcome {
  std::string deadline;  ///< its id; a step limit's id is its step's; "target" for the target
  std::string title;
  bool step_limit = false;
  std::string agency;  ///< the agency holding the dossier when it ended, or on the as-of day
  deadline::Status status = deadline::Status::OnTrack;  ///< met/missed, or the running status
  time::DayUnit unit = time::DayUnit::Calendar;
  std::optional<time::Date> due;  ///< with any extension; none while paused
  /// Days from `day` to `due` in `unit`: to spare when positive, late by its negation when
  /// negative; while paused, the time left.
  int margin = 0;
  bool extended = false;
  time::Date day{};  ///< the day it ended; the as-of day while running
};

/// One extension of a deadline (`regflow extend`).
struct Extension {
  std::string deadline;
  std::string actor;
  std::string agency;  ///< the agency the actor acted for
  time::Date on{};
  time::Date to{};
  int days = 0;  ///< from the due date that applied before to the new one, in the deadline's unit
};

struct DossierFacts {
  std::string id;
  std::string workflow;
  std::string title;
  time::Date started{};
  std::optional<time::Date> closed_on;  ///< the day it reached a final step
  bool completed = false;               ///< that final step completes the procedure
  /// Started by mistake and cancelled: its figures would describe no real work, so statistics
  /// leave it out (its running deadlines were voided, not met or missed).
  bool cancelled = false;
  std::vector<StepStay> stays;          ///< in the order they ended; running ones last
  std::vector<DeadlineOutcome> deadlines;  ///< every deadline but the target
  std::optional<DeadlineOutcome> target;   ///< the dossier's own target, when it was given one
  std::vector<Extension> extensions;
  std::vector<std::string> agencies;  ///< every agency that held one of its steps, sorted
};

/// The facts of one dossier from its events (sequence order, the first one `started`) as of the
/// end of `as_of` (a local date): later events are not read. `offset` turns event times into
/// local dates. Never throws on events the decider wrote; unknown steps are counted in hari.
DossierFacts dossier_facts(const model::WorkflowDefinition& definition,
                           std::span<const runtime::Event> events,
                           const time::HolidayCalendar& calendar, time::UtcOffset offset,
                           time::Date as_of);

}  // namespace regflow::report
