#include "engine/deadline/timers.hpp"

#include <algorithm>

#include "engine/deadline/status.hpp"

namespace regflow::deadline {

std::string fired_key(const runtime::DeadlineClock& clock, int index) {
  return std::to_string(clock.generation) + ":" + std::to_string(index);
}

std::vector<DueTimer> due_timers(const model::WorkflowDefinition& def,
                                 const runtime::DossierState& state,
                                 const time::HolidayCalendar& calendar, time::Date today) {
  std::vector<DueTimer> out;
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
    const DeadlineView view = evaluate(clock, calendar, today);
    if (view.status == Status::Paused || !view.due) continue;
    for (std::size_t i = 0; i < spec->timers.size(); ++i) {
      const auto& timer = spec->timers[i];
      const int index = static_cast<int>(i);
      if (clock.fired.count(fired_key(clock, index)) > 0) continue;
      const time::Date at = calendar.add(*view.due, {timer.offset_days, timer.offset_unit}).date;
      // A reminder ahead of the due date fires on its day; anything at or after the due date
      // fires once that day has passed (a deadline is due at the end of its day).
      const bool fires = timer.offset_days < 0 ? today >= at : today > at;
      if (fires) out.push_back(DueTimer{clock.id, index, timer, *view.due});
    }
  }
  return out;
}

}  // namespace regflow::deadline
