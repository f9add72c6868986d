// The fold that turns one dossier's events into its statistics facts (dossier_facts.hpp), as an
// object that can stop and resume: what it has gathered so far is saved as bytes beside the
// dossier (the statistics facts projection, schema version 9) and taken up again when the next
// events are written, so that `stats` sums saved facts instead of replaying every history.
//
// The saved bytes hold every fact that happened (stays that ended, deadlines that ended,
// extensions, the start, the end) and the stays still open; what depends on the day the
// figures are asked for (a stay still running, a deadline still running, an open dossier's
// age) is computed by finish() from the saved dates, never frozen at write time. Working-day
// counts of facts that happened were computed with the holiday calendar of the write; the
// caller keeps a fingerprint of that calendar beside the bytes and replays when it moved
// (app/statistics_facts.hpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/deadline/calendar_moves.hpp"
#include "engine/deadline/status.hpp"
#include "engine/report/dossier_facts.hpp"
#include "engine/runtime/dossier_state.hpp"

namespace regflow::report {

/// Raise whenever the saved bytes or the meaning of a saved fact change: saved facts of another
/// format are replayed (and written again by the next rebuild).
inline constexpr int kFactsFormat = 1;

class FactsFold {
 public:
  FactsFold(const model::WorkflowDefinition& def, const time::HolidayCalendar& calendar,
            time::UtcOffset offset);

  /// Folds one event (sequence order; the first one `started`) into the facts and the state.
  void apply(const runtime::Event& event);

  /// The facts as of the end of `as_of` (on or after the last event's day). Consumes the fold.
  DossierFacts finish(time::Date as_of);

  /// The dossier's state as folded so far. A resumed fold takes the full state of the version
  /// it was saved at (set_state) before it applies further events.
  runtime::DossierState& state() { return state_; }
  void set_state(runtime::DossierState state) { state_ = std::move(state); }

  const DossierFacts& facts() const { return facts_; }
  /// The local day of the last event folded.
  time::Date last_day() const { return last_day_; }

  /// What the fold gathered, as bytes of kFactsFormat. Of the state only what finish() reads is
  /// kept (the step, whether it is closed, the running clocks).
  std::string encode() const;
  /// Takes the cut calendars of running clocks from `cuts` (built on the fold's calendar)
  /// instead of building one per clock: for a reader folding many dossiers. Same figures.
  void share_cuts(deadline::CalendarCuts& cuts) { cuts_ = &cuts; }
  /// Resumes from encode()'s bytes; false (the fold is then unspecified) when they are not such
  /// bytes. The state is then the part finish() reads: set_state before applying events.
  bool decode(std::string_view bytes);

 private:
  // A stay at a step not yet ended: time before the current segment is in `days`; a stay that
  // is away in revision waits for the dossier to come back to its step.
  struct OpenStay {
    std::string agency;
    time::DayUnit unit = time::DayUnit::Calendar;
    model::ReturnPolicy on_return = model::ReturnPolicy::Pause;
    int days = 0;
    time::Date segment{};
    std::optional<time::Date> away_since;
  };

  deadline::DeadlineView view_of(const runtime::DeadlineClock& clock, time::Date day) const;
  DeadlineOutcome outcome(const runtime::DeadlineClock& clock, time::Date day,
                          std::string agency) const;
  void keep(DeadlineOutcome out);
  void record_extension(const runtime::Event& event, time::Date day);
  void move(const std::string& from, bool is_return, time::Date day);
  void back_from_revision(OpenStay& stay, time::Date day);

  const model::WorkflowDefinition& def_;
  const time::HolidayCalendar& calendar_;
  time::UtcOffset offset_;
  deadline::CalendarCuts* cuts_ = nullptr;
  runtime::DossierState state_;
  std::string holder_;        // the agency holding the dossier's current step
  std::vector<int> running_;  // per clock index: its generation if it was running, else 0
  std::map<std::string, OpenStay> open_;
  std::vector<std::string> agencies_;
  time::Date last_day_{};
  DossierFacts facts_;
};

}  // namespace regflow::report
