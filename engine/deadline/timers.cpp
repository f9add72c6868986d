#include "engine/deadline/timers.hpp"

#include <algorithm>

#include "engine/deadline/calendar_moves.hpp"
#include "engine/deadline/status.hpp"

namespace regflow::deadline {

std::string fired_key(const runtime::DeadlineClock& clock, int index) {
  return std::to_string(clock.generation) + ":" + std::to_string(index);
}

namespace {

// Every timer of a running deadline that has not fired yet, with the first day it fires on.
// due_timers and next_timer_day both read this list, so the day a dossier is looked at again
// is exactly the day a timer of it becomes due.
std::vector<ScheduledTimer> pending_timers(const model::WorkflowDefinition& def,
                                           const runtime::DossierState& state,
                                           const time::HolidayCalendar& calendar,
                                           time::Date today) {
  std::vector<ScheduledTimer> out;
  if (state.closed) return out;
  for (const auto& clock : state.clocks) {
    if (!clock.running()) continue;
    const auto* spec = def.find_deadline(clock.id);
    if (spec == nullptr || spec->timers.empty()) continue;
    if (spec->kind == model::DeadlineKind::StepLimit && clock.id != state.step) continue;
    if (spec->kind == model::DeadlineKind::DateVariable && !spec->active_in.empty() &&
        std::find(spec->active_in.begin(), spec->active_in.end(), state.step) ==
            spec->active_in.end()) {
      continue;
    }
    // A paused clock has no due date until an event brings the dossier back.
    const DeadlineView view = evaluate(clock, calendar, today);
    if (view.status == Status::Paused || !view.due) continue;
    for (std::size_t i = 0; i < spec->timers.size(); ++i) {
      const auto& timer = spec->timers[i];
      const int index = static_cast<int>(i);
      if (clock.fired.count(fired_key(clock, index)) > 0) continue;
      const time::Date at = calendar.add(*view.due, {timer.offset_days, timer.offset_unit}).date;
      // A reminder ahead of the due date fires on its day; anything at or after the due date
      // fires once that day has passed (a deadline is due at the end of its day).
      const time::Date fires_on = timer.offset_days < 0 ? at : at + std::chrono::days{1};
      out.push_back({DueTimer{clock.id, index, timer, *view.due}, fires_on});
    }
  }
  return out;
}

}  // namespace

std::vector<ScheduledTimer> scheduled_timers(const model::WorkflowDefinition& def,
                                             const runtime::DossierState& state,
                                             const time::HolidayCalendar& calendar,
                                             time::Date today) {
  auto timers = pending_timers(def, state, calendar, today);
  std::stable_sort(
      timers.begin(), timers.end(),
      [](const ScheduledTimer& a, const ScheduledTimer& b) { return a.fires_on < b.fires_on; });
  return timers;
}

std::vector<DueTimer> due_timers(const model::WorkflowDefinition& def,
                                 const runtime::DossierState& state,
                                 const time::HolidayCalendar& calendar, time::Date today) {
  std::vector<DueTimer> out;
  for (auto& pending : pending_timers(def, state, calendar, today)) {
    if (today >= pending.fires_on) out.push_back(std::move(pending.timer));
  }
  return out;
}

std::optional<time::Date> next_timer_day(const model::WorkflowDefinition& def,
                                         const runtime::DossierState& state,
                                         const time::HolidayCalendar& calendar, time::Date today) {
  std::optional<time::Date> first;
  for (const auto& pending : pending_timers(def, state, calendar, today)) {
    if (!first || pending.fires_on < *first) first = pending.fires_on;
  }
  // A decree that changes the list moves a running deadline on the day it is signed: tick must
  // look at the dossier then, to record the move (calendar_moves.hpp).
  if (state.closed) return first;
  for (const auto& clock : state.clocks) {
    const auto check = next_calendar_check(clock, calendar, today);
    if (check && (!first || *check < *first)) first = check;
  }
  return first;
}

}  // namespace regflow::deadline
