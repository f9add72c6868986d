// DossierState: where a dossier stands, derived only from its events (evolve). It holds the raw
// facts of each deadline clock (when it started, when it was away for revision, extensions);
// due dates are computed from them with the calendar by engine/deadline, so replaying events
// needs no calendar.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/model/definition.hpp"
#include "engine/model/value.hpp"
#include "engine/time/date.hpp"
#include "engine/time/day_unit.hpp"

namespace regflow::runtime {

/// One return-for-revision round as seen by a deadline clock.
struct RevisionRound {
  time::Date returned;               ///< the local date the dossier was sent back
  std::optional<time::Date> back;    ///< when it reached the step it was returned from again
  std::string from_step;             ///< the step it was returned from
  std::string note;                  ///< why (the return's note)

  bool operator==(const RevisionRound&) const = default;
};

/// A change of the holiday calendar that moved a running deadline, as a `deadline-recomputed`
/// event recorded it (docs/legal-basis.md#calendar-moves): the decree, the day it was signed,
/// and the computed due date before and after it.
struct CalendarMove {
  time::Date on{};     ///< the day the decree was signed
  std::string decree;  ///< the decree(s) that changed the list on that day
  time::Date from{};   ///< the computed due date before it
  time::Date to{};     ///< the computed due date after it

  bool operator==(const CalendarMove&) const = default;
};

/// The facts of one running or ended deadline for one dossier.
struct DeadlineClock {
  std::string id;  ///< the deadline's id; "target" for a per-dossier target
  model::DeadlineKind kind = model::DeadlineKind::StepLimit;
  std::string title;
  std::string basis;
  time::Duration within{0, time::DayUnit::Calendar};
  model::ReturnPolicy on_return = model::ReturnPolicy::Continue;
  int due_soon = 2;
  time::Date started{};                 ///< local date the clock started (or restarted)
  std::optional<time::Date> fixed_due;  ///< a target date or a date variable's value
  std::vector<RevisionRound> rounds;
  std::optional<time::Date> extended_to;
  std::string extension_reason;
  std::optional<time::Date> ended;  ///< met (or closed) on this local date
  int generation = 1;               ///< +1 on each restart; timer firings are per generation
  std::set<std::string> fired;      ///< "<generation>:<timer index>" already fired
  /// The moves of this generation recorded by `tick`, earliest first; the due date is computed
  /// with the holiday calendar as in force on calendar_day().
  std::vector<CalendarMove> calendar_moves;

  bool operator==(const DeadlineClock&) const = default;
  /// The day whose holiday calendar the due date is computed with: the day the clock started,
  /// or the day of the latest decree that moved it.
  time::Date calendar_day() const {
    return calendar_moves.empty() ? started : std::max(started, calendar_moves.back().on);
  }
  bool running() const { return !ended.has_value(); }
  bool away() const { return !rounds.empty() && !rounds.back().back.has_value(); }
};

struct DossierState {
  std::string id;
  std::string workflow;
  std::string definition_hash;
  std::string title;
  std::string step;  ///< current step id
  bool closed = false;
  std::int64_t version = 0;  ///< number of events folded
  std::string last_hash;
  std::map<std::string, model::Value> variables;
  std::map<std::string, std::string> bindings;  ///< role → agency code
  std::set<std::string> reached;                ///< every step ever entered
  std::map<std::string, std::string> signatures;  ///< agency → user, for the current sign-off step
  time::Instant started_at{};
  time::Instant entered_step_at{};
  std::string escalated_to;  ///< agency the current step was escalated to, if any
  std::vector<DeadlineClock> clocks;
  int reminders = 0;  ///< reminders sent in the current step
  std::string last_actor;
  std::string last_agency;
  std::string started_by;  ///< the agency the dossier was started for (corrections are theirs)
  bool cancelled = false;  ///< closed because it was started by mistake (not a final step)
  std::string cancel_reason;
  /// Why the dossier is stuck, as last recorded in this step (entering another step clears it).
  std::string kendala;
  std::string kendala_agency;
  time::Instant kendala_at{};
  std::map<std::string, std::int64_t> documents;  ///< document kind → versions attached
  /// Every agency a person acted for on this dossier (started, acted, signed, extended,
  /// corrected, attached, recorded a kendala): they stay involved after the step moves on.
  std::set<std::string> acted_for;

  /// Field by field; a snapshot must decode to the state the events replay to.
  bool operator==(const DossierState&) const = default;
  const DeadlineClock* find_clock(const std::string& id) const;
  DeadlineClock* find_clock(const std::string& id);
};

}  // namespace regflow::runtime
