#include "engine/deadline/status.hpp"

#include <algorithm>

#include "engine/deadline/calendar_moves.hpp"

namespace regflow::deadline {

std::string status_name(Status status) {
  switch (status) {
    case Status::OnTrack: return "on track";
    case Status::DueSoon: return "due soon";
    case Status::Overdue: return "overdue";
    case Status::Paused: return "paused";
    case Status::Met: return "met";
    case Status::Missed: return "missed";
  }
  return "?";
}

int urgency_rank(Status status) {
  switch (status) {
    case Status::Overdue: return 0;
    case Status::DueSoon: return 1;
    case Status::OnTrack: return 2;
    case Status::Paused: return 3;
    case Status::Missed: return 4;
    case Status::Met: return 5;
  }
  return 6;
}

namespace {

DeadlineView evaluate_with(const runtime::DeadlineClock& clock,
                           const time::HolidayCalendar& calendar, time::Date today) {
  DeadlineView view;
  view.clock = &clock;
  view.unit = clock.within.unit;
  std::optional<time::Date> due;
  std::optional<int> remaining_while_away;
  if (clock.fixed_due) {
    due = clock.fixed_due;
    view.unit = time::DayUnit::Calendar;
  } else {
    auto first = calendar.add(clock.started, clock.within);
    due = first.date;
    view.provisional = first.provisional;
    if (clock.on_return == model::ReturnPolicy::Pause) {
      // Each round stops the clock on the day the dossier was sent back, and restarts it with
      // the time that was left on the day it came back (docs/workflow-format.md, `on_return: pause`).
      for (const auto& round : clock.rounds) {
        if (round.returned < clock.started) continue;
        const int left = calendar.days_between(round.returned, *due, clock.within.unit);
        if (!round.back) {
          remaining_while_away = left;
          view.paused_days += calendar.days_between(round.returned, today, clock.within.unit);
          break;
        }
        view.paused_days += calendar.days_between(round.returned, *round.back, clock.within.unit);
        // A dossier returned after its due date comes back with nothing left: due on return.
        auto resumed = calendar.add(*round.back, {std::max(left, 0), clock.within.unit});
        due = resumed.date;
        view.provisional = view.provisional || resumed.provisional;
      }
    } else if (clock.on_return == model::ReturnPolicy::Restart && clock.away()) {
      remaining_while_away = clock.within.amount;
    }
  }
  view.computed_due = due;
  view.due = clock.extended_to ? clock.extended_to : due;
  if (clock.ended) {
    view.status = *clock.ended <= *view.due ? Status::Met : Status::Missed;
    view.days_left = calendar.days_between(*clock.ended, *view.due, view.unit);
    return view;
  }
  if (remaining_while_away && !clock.extended_to) {
    view.status = Status::Paused;
    view.days_left = *remaining_while_away;
    view.due.reset();
    view.computed_due.reset();
    return view;
  }
  view.days_left = calendar.days_between(today, *view.due, view.unit);
  view.provisional = view.provisional || calendar.is_provisional_between(today, *view.due);
  if (today > *view.due) {
    view.status = Status::Overdue;
  } else if (view.days_left <= clock.due_soon) {
    view.status = Status::DueSoon;
  } else {
    view.status = Status::OnTrack;
  }
  return view;
}

}  // namespace

DeadlineView evaluate_under(const runtime::DeadlineClock& clock,
                            const time::HolidayCalendar& calendar, time::Date today) {
  return evaluate_with(clock, calendar, today);
}

DeadlineView evaluate(const runtime::DeadlineClock& clock, const time::HolidayCalendar& calendar,
                      time::Date today) {
  std::optional<time::HolidayCalendar> scratch;
  DeadlineView view = evaluate_with(clock, calendar_of(clock, calendar, scratch), today);
  view.moves = clock.calendar_moves;
  return view;
}

std::vector<DeadlineView> evaluate_all(const model::WorkflowDefinition& def,
                                       const runtime::DossierState& state,
                                       const time::HolidayCalendar& calendar, time::Date today) {
  std::vector<DeadlineView> views;
  for (const auto& clock : state.clocks) {
    if (clock.kind == model::DeadlineKind::DateVariable && clock.id != "target") {
      const auto* spec = def.find_deadline(clock.id);
      if (spec != nullptr && !spec->active_in.empty() &&
          std::find(spec->active_in.begin(), spec->active_in.end(), state.step) ==
              spec->active_in.end()) {
        continue;
      }
      if (state.closed) continue;
    }
    views.push_back(evaluate(clock, calendar, today));
  }
  std::stable_sort(views.begin(), views.end(), [](const DeadlineView& a, const DeadlineView& b) {
    const int ra = urgency_rank(a.status);
    const int rb = urgency_rank(b.status);
    if (ra != rb) return ra < rb;
    if (a.due && b.due && *a.due != *b.due) return *a.due < *b.due;
    return false;
  });
  return views;
}

std::optional<DeadlineView> most_urgent(const std::vector<DeadlineView>& views) {
  for (const auto& view : views) {
    if (view.clock->running()) return view;
  }
  return std::nullopt;
}

}  // namespace regflow::deadline
