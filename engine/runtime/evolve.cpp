#include "engine/runtime/evolve.hpp"

#include <algorithm>

#include "engine/deadline/table_period.hpp"

namespace regflow::runtime {

const DeadlineClock* DossierState::find_clock(const std::string& clock_id) const {
  for (const auto& clock : clocks) {
    if (clock.id == clock_id) return &clock;
  }
  return nullptr;
}

DeadlineClock* DossierState::find_clock(const std::string& clock_id) {
  for (auto& clock : clocks) {
    if (clock.id == clock_id) return &clock;
  }
  return nullptr;
}

namespace {

DeadlineClock new_clock(const model::DeadlineSpec& spec, time::Date started) {
  DeadlineClock clock;
  clock.id = spec.id;
  clock.kind = spec.kind;
  clock.title = spec.title;
  clock.basis = spec.basis;
  clock.within = spec.within;
  clock.on_return = spec.on_return;
  clock.due_soon = spec.due_soon;
  clock.started = started;
  return clock;
}

/// The period a clock of `spec` starts with: a table-driven period as the starting event
/// recorded it (see deadline/table_period.hpp); nullopt when the table gave none. Events written
/// before a deadline read its period from a table carry no record and keep `otherwise`.
std::optional<time::Duration> period_of(const model::DeadlineSpec& spec, const Event& event) {
  if (!spec.within_table) return spec.within;
  auto it = event.data.find(deadline::period_key(spec.id));
  if (it == event.data.end()) {
    return spec.within.amount > 0 ? std::optional<time::Duration>(spec.within) : std::nullopt;
  }
  return time::parse_duration(it->second);
}

void apply_period(DeadlineClock& clock, const model::DeadlineSpec& spec, const Event& event,
                  time::Duration within) {
  clock.within = within;
  auto basis = event.data.find(deadline::period_basis_key(spec.id));
  if (basis != event.data.end() && !basis->second.empty()) clock.basis = basis->second;
}

/// Starts (or starts afresh) a clock; an ended clock of the same id is replaced by a new
/// generation so that its timers may fire again. A table-driven deadline with no period for this
/// dossier does not start.
void start_clock(DossierState& state, const model::DeadlineSpec& spec, const Event& event,
                 time::Date today) {
  auto* existing = state.find_clock(spec.id);
  if (existing != nullptr && existing->running()) return;
  const auto within = period_of(spec, event);
  if (!within) return;
  DeadlineClock fresh = new_clock(spec, today);
  apply_period(fresh, spec, event, *within);
  if (existing != nullptr) {
    fresh.generation = existing->generation + 1;
    *existing = std::move(fresh);
    return;
  }
  state.clocks.push_back(std::move(fresh));
}

void refresh_date_variable_clocks(const model::WorkflowDefinition& def, DossierState& state) {
  for (const auto& spec : def.deadlines) {
    if (spec.kind != model::DeadlineKind::DateVariable) continue;
    auto it = state.variables.find(spec.variable);
    if (it == state.variables.end() || !std::holds_alternative<time::Date>(it->second)) continue;
    const auto due = std::get<time::Date>(it->second);
    if (auto* clock = state.find_clock(spec.id)) {
      if (clock->fixed_due != due) {
        clock->fixed_due = due;
        clock->ended.reset();
        clock->generation += 1;
      }
    } else {
      auto fresh = new_clock(spec, due);
      fresh.fixed_due = due;
      state.clocks.push_back(std::move(fresh));
    }
  }
}

void apply_changes(const model::WorkflowDefinition& def, DossierState& state, const Event& event) {
  for (const auto& [name, text] : event.changes) {
    const auto* decl = def.find_variable(name);
    if (decl == nullptr) continue;  // decide never emits this; tolerate old definitions
    if (auto value = model::parse_value(text, decl->type, decl->values)) {
      state.variables[name] = *value;
    }
  }
  if (!event.changes.empty()) refresh_date_variable_clocks(def, state);
}

void leave_step(DossierState& state, bool is_return, time::Date today, const std::string& note) {
  const std::string& from = state.step;
  for (auto& clock : state.clocks) {
    if (!clock.running() || clock.kind == model::DeadlineKind::DateVariable) continue;
    if (is_return) {
      if (!clock.away()) clock.rounds.push_back(RevisionRound{today, std::nullopt, from, note});
    } else if (clock.kind == model::DeadlineKind::StepLimit && clock.id == from) {
      clock.ended = today;
    }
  }
}

void enter_step(const model::WorkflowDefinition& def, DossierState& state, const std::string& to,
                const Event& event, time::Date today) {
  state.step = to;
  state.reached.insert(to);
  state.entered_step_at = event.at;
  state.signatures.clear();
  state.escalated_to.clear();
  state.reminders = 0;
  // A kendala explains why the dossier is stuck where it is; once it moves, it no longer is.
  state.kendala.clear();
  state.kendala_agency.clear();
  state.kendala_at = {};
  // Back from revision: clocks that were away since a return from this step resume.
  for (auto& clock : state.clocks) {
    if (clock.away() && clock.rounds.back().from_step == to) {
      clock.rounds.back().back = today;
      if (clock.on_return == model::ReturnPolicy::Restart) {
        clock.started = today;
        clock.generation += 1;
        // A fresh period is counted with the calendar in force on its new first day.
        clock.calendar_moves.clear();
        // A restart is a fresh period: a table-driven one is decided afresh, as recorded.
        const auto* spec = def.find_deadline(clock.id);
        if (spec != nullptr && spec->within_table &&
            event.data.count(deadline::period_key(spec->id)) > 0) {
          if (auto within = period_of(*spec, event)) apply_period(clock, *spec, event, *within);
        }
      }
    }
  }
  const model::Step* step = def.find_step(to);
  if (step != nullptr && step->limit) start_clock(state, *step->limit, event, today);
  for (const auto& spec : def.deadlines) {
    if (spec.kind != model::DeadlineKind::Anchored) continue;
    auto* clock = state.find_clock(spec.id);
    if (clock != nullptr && clock->running() &&
        std::find(spec.to.begin(), spec.to.end(), to) != spec.to.end()) {
      clock->ended = today;
    } else if (spec.from == to) {
      start_clock(state, spec, event, today);
    }
  }
  if (std::find(def.target_until.begin(), def.target_until.end(), to) != def.target_until.end()) {
    auto* target = state.find_clock("target");
    if (target != nullptr && target->running()) target->ended = today;
  }
  if (step != nullptr && step->kind == model::StepKind::Final) {
    state.closed = true;
    for (auto& clock : state.clocks) {
      if (clock.running()) clock.ended = today;
    }
  }
}

void move(const model::WorkflowDefinition& def, DossierState& state, const Event& event,
          time::Date today) {
  if (event.to_step.empty() || event.to_step == event.from_step) return;
  const bool is_return = event.data.count("return") > 0;
  leave_step(state, is_return, today, event.note);
  enter_step(def, state, event.to_step, event, today);
}

void mark_fired(DossierState& state, const Event& event) {
  auto deadline = event.data.find("deadline");
  auto timer = event.data.find("timer");
  if (deadline == event.data.end() || timer == event.data.end()) return;
  if (auto* clock = state.find_clock(deadline->second)) {
    clock->fired.insert(std::to_string(clock->generation) + ":" + timer->second);
  }
}

// The events a person wrote (a timer's and a decree's are the installation's own).
bool by_a_person(EventType type) {
  switch (type) {
    case EventType::Started:
    case EventType::ActionTaken:
    case EventType::Signed:
    case EventType::DeadlineExtended:
    case EventType::Corrected:
    case EventType::Cancelled:
    case EventType::Kendala:
    case EventType::DocumentAttached:
      return true;
    case EventType::ReminderSent:
    case EventType::Escalated:
    case EventType::AutoTransition:
    case EventType::Imported:
    case EventType::DeadlineRecomputed:
      return false;
  }
  return false;
}

}  // namespace

void evolve(const model::WorkflowDefinition& def, DossierState& state, const Event& event,
            time::UtcOffset offset) {
  const time::Date today = time::local_date(event.at, offset);
  state.version = event.sequence;
  state.last_hash = event.hash;
  state.last_actor = event.actor;
  state.last_agency = event.agency;
  if (by_a_person(event.type) && !event.agency.empty()) state.acted_for.insert(event.agency);
  switch (event.type) {
    case EventType::Started: {
      state.id = event.dossier_id;
      state.started_at = event.at;
      auto get = [&](const char* key) {
        auto it = event.data.find(key);
        return it == event.data.end() ? std::string{} : it->second;
      };
      state.workflow = get("workflow");
      state.definition_hash = get("definition_hash");
      state.title = get("title");
      state.started_by = event.agency;
      for (const auto& [key, value] : event.data) {
        if (key.rfind("bind.", 0) == 0) state.bindings[key.substr(5)] = value;
      }
      for (const auto& variable : def.variables) {
        if (variable.default_value) state.variables[variable.name] = *variable.default_value;
      }
      apply_changes(def, state, event);
      refresh_date_variable_clocks(def, state);
      if (auto target = time::parse_date(get("target"))) {
        DeadlineClock clock;
        clock.id = "target";
        clock.kind = model::DeadlineKind::DateVariable;
        clock.title = get("target_title").empty() ? "target" : get("target_title");
        clock.basis = get("target_basis");
        clock.started = today;
        clock.fixed_due = *target;
        clock.due_soon = 2;
        state.clocks.push_back(std::move(clock));
      }
      state.step.clear();
      enter_step(def, state, event.to_step, event, today);
      break;
    }
    case EventType::ActionTaken:
      apply_changes(def, state, event);
      move(def, state, event, today);
      break;
    case EventType::AutoTransition: {
      apply_changes(def, state, event);
      mark_fired(state, event);
      // The outcome happened by law on the first day after the period, not on the day a tick
      // noticed it: the clocks of the next step (the 7-day report to the Minister) run from then.
      time::Date legal_day = today;
      if (const auto it = event.data.find("due"); it != event.data.end()) {
        if (const auto due = time::parse_date(it->second)) {
          legal_day = std::min(today, *due + std::chrono::days{1});
        }
      }
      move(def, state, event, legal_day);
      break;
    }
    case EventType::Signed:
      state.signatures[event.agency] = event.actor;
      apply_changes(def, state, event);
      move(def, state, event, today);
      break;
    case EventType::DeadlineExtended:
      if (auto* clock =
              state.find_clock(event.data.count("deadline") ? event.data.at("deadline") : "")) {
        auto it = event.data.find("to");
        if (it != event.data.end()) clock->extended_to = time::parse_date(it->second);
        clock->extension_reason = event.note;
      }
      break;
    case EventType::ReminderSent:
      mark_fired(state, event);
      state.reminders += 1;
      break;
    case EventType::Escalated:
      mark_fired(state, event);
      if (auto it = event.data.find("to_agency"); it != event.data.end()) {
        state.escalated_to = it->second;
      }
      break;
    case EventType::DeadlineRecomputed:
      if (auto* clock =
              state.find_clock(event.data.count("deadline") ? event.data.at("deadline") : "")) {
        const auto date_of = [&event](const char* key) {
          const auto it = event.data.find(key);
          return it == event.data.end() ? std::nullopt : time::parse_date(it->second);
        };
        const auto on = date_of("on");
        const auto from = date_of("from");
        const auto to = date_of("to");
        if (on && from && to) {
          const auto decree = event.data.find("decree");
          clock->calendar_moves.push_back(
              {*on, decree == event.data.end() ? std::string{} : decree->second, *from, *to});
        }
      }
      break;
    case EventType::Imported:
      break;  // provenance only: the dossier stands where its last archived event left it
    case EventType::Corrected:
      for (const auto& [key, value] : event.data) {
        if (key == "title") state.title = value;
        if (key.rfind("bind.", 0) == 0) state.bindings[key.substr(5)] = value;
      }
      break;
    case EventType::Cancelled:
      state.closed = true;
      state.cancelled = true;
      state.cancel_reason = event.note;
      // A dossier started by mistake neither met nor missed its running deadlines: they are
      // void, and leave the state (and so the statistics) rather than end as met.
      std::erase_if(state.clocks, [](const DeadlineClock& clock) { return clock.running(); });
      break;
    case EventType::Kendala:
      if (event.data.count("cleared") > 0) {
        state.kendala.clear();
        state.kendala_agency.clear();
        state.kendala_at = {};
      } else {
        state.kendala = event.note;
        state.kendala_agency = event.agency;
        state.kendala_at = event.at;
      }
      break;
    case EventType::DocumentAttached:
      // The dossier stays where it is; what it now holds may let it leave the step.
      if (auto it = event.data.find("kind"); it != event.data.end()) state.documents[it->second] += 1;
      break;
  }
}

DossierState replay(const model::WorkflowDefinition& def, const std::vector<Event>& events,
                    time::UtcOffset offset) {
  DossierState state;
  for (const auto& event : events) evolve(def, state, event, offset);
  return state;
}

}  // namespace regflow::runtime
