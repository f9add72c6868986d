#include "engine/report/dossier_facts.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "engine/runtime/decide.hpp"
#include "engine/runtime/evolve.hpp"

namespace regflow::report {
namespace {

// A stay at a step not yet ended: time before the current segment is in `days`; a stay that is
// away in revision waits for the dossier to come back to its step.
struct OpenStay {
  std::string agency;
  time::DayUnit unit = time::DayUnit::Calendar;
  model::ReturnPolicy on_return = model::ReturnPolicy::Pause;
  int days = 0;
  time::Date segment{};
  std::optional<time::Date> away_since;
};

std::string holder(const model::WorkflowDefinition& def, const runtime::DossierState& state) {
  const auto* step = def.find_step(state.step);
  if (step == nullptr || step->kind == model::StepKind::Final) return {};
  return runtime::resolve_party(def, state, step->owner);
}

bool is_step_limit(const model::WorkflowDefinition& def, const runtime::DeadlineClock& clock) {
  const auto* step = def.find_step(clock.id);
  return clock.kind == model::DeadlineKind::StepLimit && step != nullptr && step->limit;
}

DeadlineOutcome outcome(const model::WorkflowDefinition& def, const runtime::DeadlineClock& clock,
                        const time::HolidayCalendar& calendar, time::Date day,
                        std::string agency) {
  const auto view = deadline::evaluate(clock, calendar, day);
  DeadlineOutcome out;
  out.deadline = clock.id;
  out.title = clock.title;
  out.step_limit = is_step_limit(def, clock);
  out.agency = std::move(agency);
  out.status = view.status;
  out.unit = view.unit;
  out.due = view.due;
  out.margin = view.days_left;
  out.extended = clock.extended_to.has_value();
  out.day = clock.ended ? *clock.ended : day;
  return out;
}

// Whether a date-variable deadline counts on the as-of day (as deadline::evaluate_all decides
// for `show`): only in its `active_in` steps, and not once the dossier is closed.
bool watched(const model::WorkflowDefinition& def, const runtime::DossierState& state,
             const runtime::DeadlineClock& clock) {
  if (clock.kind != model::DeadlineKind::DateVariable || clock.id == "target") return true;
  if (state.closed) return false;
  const auto* spec = def.find_deadline(clock.id);
  return spec == nullptr || spec->active_in.empty() ||
         std::find(spec->active_in.begin(), spec->active_in.end(), state.step) !=
             spec->active_in.end();
}

class Fold {
 public:
  Fold(const model::WorkflowDefinition& def, const time::HolidayCalendar& calendar,
       time::UtcOffset offset)
      : def_(def), calendar_(calendar), offset_(offset) {}

  void apply(const runtime::Event& event) {
    const time::Date day = time::local_date(event.at, offset_);
    // Clocks are only ever appended or replaced in place, so a clock is known by its index: one
    // that was running before the event (at that generation) and is ended after it ended now.
    running_.clear();
    for (const auto& clock : state_.clocks) running_.push_back(clock.running() ? clock.generation : 0);
    const std::string from = state_.step;
    if (event.type == runtime::EventType::DeadlineExtended) record_extension(event, day);
    runtime::evolve(def_, state_, event, offset_);
    facts_.title = state_.title;  // as corrected, if it was
    if (event.type == runtime::EventType::Cancelled) {
      // Cancelling removes the running clocks, so the indices below no longer hold; nothing
      // after a cancellation is a fact about the procedure.
      facts_.cancelled = true;
      return;
    }

    if (event.type == runtime::EventType::Started) {
      facts_.id = state_.id;
      facts_.workflow = state_.workflow;
      facts_.title = state_.title;
      facts_.started = day;
    }
    for (std::size_t i = 0; i < running_.size(); ++i) {
      const auto& clock = state_.clocks[i];
      if (clock.ended && running_[i] == clock.generation) {
        keep(outcome(def_, clock, calendar_, *clock.ended, holder_));
      }
    }
    if (state_.step != from) {
      move(from, event.data.count("return") > 0, day);
      holder_ = holder(def_, state_);
    }
  }

  DossierFacts finish(time::Date as_of) {
    if (!state_.closed) {
      if (auto it = open_.find(state_.step); it != open_.end() && !it->second.away_since) {
        const OpenStay& stay = it->second;
        facts_.stays.push_back({state_.step, stay.agency, stay.unit,
                                stay.days + calendar_.days_between(stay.segment, as_of, stay.unit),
                                true, as_of});
      }
    }
    for (const auto& clock : state_.clocks) {
      if (clock.running() && watched(def_, state_, clock)) {
        keep(outcome(def_, clock, calendar_, as_of, holder_));
      }
    }
    std::sort(agencies_.begin(), agencies_.end());
    agencies_.erase(std::unique(agencies_.begin(), agencies_.end()), agencies_.end());
    facts_.agencies = std::move(agencies_);
    return std::move(facts_);
  }

 private:
  void keep(DeadlineOutcome out) {
    if (out.deadline == "target") {
      facts_.target = std::move(out);
    } else {
      facts_.deadlines.push_back(std::move(out));
    }
  }

  // Before the event is folded: how far it moves the due date that applied until then.
  void record_extension(const runtime::Event& event, time::Date day) {
    auto field = [&](const char* key) {
      auto it = event.data.find(key);
      return it == event.data.end() ? std::string{} : it->second;
    };
    const auto to = time::parse_date(field("to"));
    if (!to) return;
    Extension ext;
    ext.deadline = field("deadline");
    ext.actor = event.actor;
    ext.agency = event.agency;
    ext.on = day;
    ext.to = *to;
    if (const auto* clock = state_.find_clock(ext.deadline)) {
      const auto view = deadline::evaluate(*clock, calendar_, day);
      // The date the extension moved, as the event recorded it (the earlier extension, else
      // the computed date); events written before the event kept it are recomputed here.
      auto moved = time::parse_date(field("replaces"));
      if (!moved) moved = time::parse_date(field("computed"));
      if (!moved) moved = view.due;
      if (moved) ext.days = calendar_.days_between(*moved, *to, view.unit);
    }
    facts_.extensions.push_back(std::move(ext));
  }

  void move(const std::string& from, bool is_return, time::Date day) {
    if (auto it = open_.find(from); !from.empty() && it != open_.end()) {
      OpenStay& stay = it->second;
      stay.days += calendar_.days_between(stay.segment, day, stay.unit);
      if (is_return) {
        stay.away_since = day;
      } else {
        facts_.stays.push_back({from, stay.agency, stay.unit, stay.days, false, day});
        open_.erase(it);
      }
    }
    const auto* step = def_.find_step(state_.step);
    if (step != nullptr && step->kind == model::StepKind::Final) {
      facts_.closed_on = day;
      facts_.completed = step->completes;
      return;
    }
    if (auto it = open_.find(state_.step); it != open_.end() && it->second.away_since) {
      back_from_revision(it->second, day);
      return;
    }
    OpenStay stay;
    stay.agency = holder(def_, state_);
    stay.segment = day;
    if (step != nullptr && step->limit) {
      const auto* clock = state_.find_clock(step->id);
      stay.unit = clock != nullptr ? clock->within.unit : step->limit->within.unit;
      stay.on_return = step->limit->on_return;
    }
    if (!stay.agency.empty()) agencies_.push_back(stay.agency);
    open_.insert_or_assign(state_.step, std::move(stay));
  }

  void back_from_revision(OpenStay& stay, time::Date day) {
    switch (stay.on_return) {
      case model::ReturnPolicy::Continue:
        stay.days += calendar_.days_between(*stay.away_since, day, stay.unit);
        break;
      case model::ReturnPolicy::Restart:
        stay.days = 0;
        break;
      case model::ReturnPolicy::Pause:
        break;
    }
    stay.segment = day;
    stay.away_since.reset();
  }

  const model::WorkflowDefinition& def_;
  const time::HolidayCalendar& calendar_;
  time::UtcOffset offset_;
  runtime::DossierState state_;
  std::string holder_;         // the agency holding the dossier's current step
  std::vector<int> running_;   // per clock index: its generation if it was running, else 0
  std::map<std::string, OpenStay> open_;
  std::vector<std::string> agencies_;
  DossierFacts facts_;
};

}  // namespace

DossierFacts dossier_facts(const model::WorkflowDefinition& definition,
                           std::span<const runtime::Event> events,
                           const time::HolidayCalendar& calendar, time::UtcOffset offset,
                           time::Date as_of) {
  Fold fold(definition, calendar, offset);
  for (const auto& event : events) {
    if (time::local_date(event.at, offset) > as_of) break;
    fold.apply(event);
  }
  return fold.finish(as_of);
}

}  // namespace regflow::report
