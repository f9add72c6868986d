#include "engine/runtime/decide.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/deadline/calendar_moves.hpp"
#include "engine/deadline/status.hpp"
#include "engine/deadline/table_period.hpp"
#include "engine/deadline/timers.hpp"
#include "engine/rules/decision_table.hpp"
#include "engine/rules/rule_set.hpp"
#include "engine/runtime/documents.hpp"
#include "engine/runtime/evolve.hpp"

namespace regflow::runtime {
namespace {

const model::WorkflowDefinition& def_of(const DecideContext& ctx) {
  return *ctx.workflow.definition;
}

Event base_event(const DecideContext& ctx, const DossierState& state, EventType type,
                 const std::string& actor, const std::string& agency) {
  Event event;
  event.dossier_id = state.id;
  event.type = type;
  event.at = ctx.now;
  event.actor = actor;
  event.agency = agency;
  event.from_step = state.step;
  return event;
}

/// An event a person's act produces: who acted for them and when it was entered, if not now.
Event acted_event(const DecideContext& ctx, const DossierState& state, EventType type,
                  const Actor& actor, const std::string& agency) {
  Event event = base_event(ctx, state, type, actor.user, agency);
  if (!actor.administrator.empty() && actor.administrator != actor.user) {
    event.data["administrator"] = actor.administrator;
  }
  if (actor.entered_at) event.data["entered_at"] = time::format_instant(*actor.entered_at);
  return event;
}

/// Records in `event` the period of each table-driven deadline it starts or restarts, decided
/// from the facts as they will be after the event (see deadline/table_period.hpp for why).
void record_periods(const DecideContext& ctx, const DossierState& before, Event& event) {
  const auto& def = def_of(ctx);
  const bool enters = event.type == EventType::Started ||
                      (!event.to_step.empty() && event.to_step != event.from_step);
  if (!enters || ctx.workflow.rules == nullptr) return;
  const std::string& to = event.to_step;
  std::optional<rules::EvalInput> input;
  for (const auto* spec : def.all_deadlines()) {
    if (!spec->within_table) continue;
    const auto* clock = before.find_clock(spec->id);
    const bool starts = spec->kind != model::DeadlineKind::DateVariable && spec->from == to &&
                        (clock == nullptr || !clock->running());
    const bool restarts = clock != nullptr && clock->away() &&
                          clock->rounds.back().from_step == to &&
                          clock->on_return == model::ReturnPolicy::Restart;
    if (!starts && !restarts) continue;
    if (!input) {
      DossierState after = before;
      evolve(def, after, event, ctx.offset);
      input = eval_input(ctx, after);
    }
    const auto resolved =
        deadline::resolve_period(*spec->within_table, *ctx.workflow.rules, *input);
    event.data[deadline::period_key(spec->id)] =
        resolved.within ? time::format_duration(*resolved.within) : "none";
    if (!resolved.basis.empty()) event.data[deadline::period_basis_key(spec->id)] = resolved.basis;
  }
}

/// Numbers and seals events after the state's last one, recording table-driven periods first.
std::vector<Event> chain(const DecideContext& ctx, const DossierState& state,
                         std::vector<Event> events) {
  std::string previous = state.last_hash;
  std::int64_t sequence = state.version;
  for (auto& event : events) {
    record_periods(ctx, state, event);
    event.sequence = ++sequence;
    seal(event, previous);
    previous = event.hash;
  }
  return events;
}

Refusal refuse(RefusalKind kind, std::string subject, std::string found = {},
               std::string detail = {}, std::vector<std::string> options = {}) {
  return Refusal{kind, std::move(subject), std::move(found), std::move(detail), std::move(options),
                 {}};
}

/// Validates `--set` pairs against the declarations; on success fills `changes` (normalised text).
std::optional<Refusal> check_sets(const model::WorkflowDefinition& def,
                                  const std::map<std::string, std::string>& sets,
                                  const std::vector<std::string>* allowed,
                                  const std::string& action,
                                  std::map<std::string, std::string>& changes) {
  std::vector<std::string> names;
  for (const auto& v : def.variables) names.push_back(v.name);
  for (const auto& [name, text] : sets) {
    const auto* decl = def.find_variable(name);
    if (decl == nullptr) return refuse(RefusalKind::UnknownVariable, name, {}, {}, names);
    if (allowed != nullptr && std::find(allowed->begin(), allowed->end(), name) == allowed->end()) {
      return refuse(RefusalKind::VariableNotSettable, name, action, {}, *allowed);
    }
    auto value = model::parse_value(text, decl->type, decl->values);
    if (!value) {
      return refuse(RefusalKind::BadValue, name, text, model::type_name(decl->type), decl->values);
    }
    changes[name] = model::to_text(*value);
  }
  return std::nullopt;
}

/// `signers` is the number of distinct agencies the step's signers resolve to: when a role is
/// bound to an agency that is also listed, that agency signs once for both.
bool quorum_reached(const model::Step& step, std::size_t signatures, std::size_t signers) {
  switch (step.quorum.kind) {
    case model::QuorumKind::All:
      return signatures >= signers;
    case model::QuorumKind::Any:
      return signatures >= 1;
    case model::QuorumKind::AtLeast:
      return signatures >= static_cast<std::size_t>(step.quorum.count);
  }
  return false;
}

std::string joined(const std::vector<std::string>& names) {
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string first_allowed(const Actor& actor, const std::vector<std::string>& allowed) {
  for (const auto& agency : actor.agencies) {
    if (std::find(allowed.begin(), allowed.end(), agency) != allowed.end()) return agency;
  }
  return {};
}

/// A refusal when the actor's role does not grant `permission`.
std::optional<Refusal> role_refusal(const DecideContext& ctx, const Actor& actor,
                                    model::Permission permission, const std::string& what) {
  if (ctx.roles.allows(actor.role, permission)) return std::nullopt;
  return refuse(RefusalKind::RoleMayNot, what, actor.role, model::permission_name(permission),
                ctx.roles.granting(permission));
}

}  // namespace

std::string resolve_party(const model::WorkflowDefinition& def, const DossierState& state,
                          const std::string& party) {
  if (const auto* role = def.find_role(party)) {
    auto it = state.bindings.find(party);
    if (it != state.bindings.end()) return it->second;
    return role->default_agency;
  }
  return party;
}

std::vector<std::string> agencies_allowed(const model::WorkflowDefinition& def,
                                          const DossierState& state, const model::Action& action) {
  std::vector<std::string> out;
  if (action.by.empty()) {
    const auto* step = def.find_step(state.step);
    if (step != nullptr) out.push_back(resolve_party(def, state, step->owner));
  } else {
    for (const auto& party : action.by) out.push_back(resolve_party(def, state, party));
  }
  out.erase(std::remove(out.begin(), out.end(), std::string{}), out.end());
  return out;
}

std::vector<std::string> pending_signers(const model::WorkflowDefinition& def,
                                         const DossierState& state) {
  std::vector<std::string> out;
  const auto* step = def.find_step(state.step);
  if (step == nullptr || step->kind != model::StepKind::SignOff) return out;
  for (const auto& signer : step->signers) {
    const std::string agency = resolve_party(def, state, signer);
    if (state.signatures.count(agency) == 0 &&
        std::find(out.begin(), out.end(), agency) == out.end()) {
      out.push_back(agency);
    }
  }
  return out;
}

rules::EvalInput eval_input(const DecideContext& ctx, const DossierState& state) {
  rules::EvalInput input;
  input.variables = state.variables;
  for (const auto& role : def_of(ctx).roles) {
    input.bindings[role.name] = resolve_party(def_of(ctx), state, role.name);
  }
  input.workflow = state.workflow;
  input.step = state.step;
  input.today = time::local_date(ctx.now, ctx.offset);
  input.started = time::local_date(state.started_at, ctx.offset);
  const auto entered = time::local_date(state.entered_step_at, ctx.offset);
  input.days_in_step = static_cast<double>((input.today - entered).count());
  input.working_days_in_step = ctx.calendar.working_days_between(entered, input.today);
  input.reached = state.reached;
  return input;
}

Decision decide_start(const DecideContext& ctx, const StartCommand& command, const Actor& actor) {
  const auto& def = def_of(ctx);
  DossierState empty;
  empty.id = command.dossier_id;
  if (auto refusal = role_refusal(ctx, actor, model::Permission::Act, "start")) return *refusal;
  if (command.title.find_first_not_of(" \t\r\n") == std::string::npos) {
    return refuse(RefusalKind::EmptyValue, "--title");
  }
  Event event = acted_event(ctx, empty, EventType::Started, actor,
                            actor.agencies.empty() ? std::string{} : actor.agencies.front());
  event.action = "start";
  event.from_step.clear();
  event.to_step = def.initial;
  event.data["workflow"] = def.name;
  event.data["definition_hash"] = def.content_hash;
  event.data["title"] = command.title;

  std::vector<std::string> role_names;
  for (const auto& role : def.roles) role_names.push_back(role.name);
  for (const auto& [role, agency] : command.bindings) {
    if (def.find_role(role) == nullptr)
      return refuse(RefusalKind::UnknownRole, role, {}, {}, role_names);
    if (!ctx.agencies.contains(agency)) {
      return refuse(RefusalKind::UnknownAgency, agency, {}, {}, ctx.agencies.codes());
    }
    event.data["bind." + role] = agency;
  }
  for (const auto& role : def.roles) {
    if (command.bindings.count(role.name) == 0) {
      if (role.default_agency.empty()) {
        // Every agency of the province may be bound; outside bodies never hold a role.
        std::vector<std::string> candidates;
        for (const auto& [code, agency] : ctx.agencies.all()) {
          if (!agency.outside) candidates.push_back(code);
        }
        return refuse(RefusalKind::UnboundRole, role.name, def.name, role.title, candidates);
      }
      event.data["bind." + role.name] = role.default_agency;
    }
  }
  if (auto refusal = check_sets(def, command.sets, nullptr, "start", event.changes))
    return *refusal;
  for (const auto& variable : def.variables) {
    if (variable.required && event.changes.count(variable.name) == 0 && !variable.default_value) {
      return refuse(RefusalKind::MissingVariable, variable.name, {},
                    model::type_name(variable.type), variable.values);
    }
  }
  if (command.target && command.within) return refuse(RefusalKind::NoTarget, "target");
  const time::Date today = time::local_date(ctx.now, ctx.offset);
  if (command.target) {
    event.data["target"] = time::format_date(*command.target);
  } else if (command.within) {
    event.data["target"] = time::format_date(ctx.calendar.add(today, *command.within).date);
    event.data["target_within"] =
        std::to_string(command.within->amount) + " " + time::unit_name(command.within->unit);
  }
  return chain(ctx, empty, {std::move(event)});
}

Decision decide_advance(const DecideContext& ctx, const DossierState& state,
                        const AdvanceCommand& command, const Actor& actor) {
  const auto& def = def_of(ctx);
  if (command.expect_version && *command.expect_version != state.version) {
    return refuse(RefusalKind::VersionConflict, state.last_actor, std::to_string(state.version),
                  std::to_string(*command.expect_version), {state.step});
  }
  if (state.cancelled) return refuse(RefusalKind::DossierCancelled, state.id, state.cancel_reason);
  if (state.closed) return refuse(RefusalKind::DossierClosed, state.id, state.step);
  const model::Step* step = def.find_step(state.step);
  if (step == nullptr) return refuse(RefusalKind::UnknownAction, command.action, state.step);
  std::vector<std::string> here;
  if (step->kind == model::StepKind::SignOff) here.push_back("sign");
  for (const auto& a : step->actions) here.push_back(a.name);

  // "paraf" is the Indonesian name of the built-in sign action (docs/glossary.md#paraf); the
  // event records "sign" either way, so histories and --json stay language-neutral.
  const bool signs = command.action == "sign" || command.action == "paraf";
  if (signs && step->kind == model::StepKind::SignOff) {
    const auto pending = pending_signers(def, state);
    std::string agency = first_allowed(actor, pending);
    if (agency.empty()) {
      for (const auto& a : actor.agencies) {
        auto signed_by = state.signatures.find(a);
        if (signed_by != state.signatures.end()) {
          return refuse(RefusalKind::AlreadySigned, a, signed_by->second);
        }
      }
      return refuse(RefusalKind::NotASigner, joined(actor.agencies), state.step, {}, pending);
    }
    // One person initials a step once, whatever agencies they hold: a paraf vouches for a
    // person's reading, and two from one reader would count twice towards the quorum.
    for (const auto& [signed_agency, user] : state.signatures) {
      if (user == actor.user) return refuse(RefusalKind::PersonAlreadySigned, actor.user, signed_agency);
    }
    if (auto refusal = role_refusal(ctx, actor, model::Permission::Sign, "sign")) return *refusal;
    Event event = acted_event(ctx, state, EventType::Signed, actor, agency);
    event.action = "sign";
    event.note = command.note;
    static const std::vector<std::string> kNothingSettable;
    if (auto refusal = check_sets(def, command.sets, &kNothingSettable, "sign", event.changes)) {
      return *refusal;
    }
    std::set<std::string> distinct;
    for (const auto& signer : step->signers) distinct.insert(resolve_party(def, state, signer));
    event.to_step = quorum_reached(*step, state.signatures.size() + 1, distinct.size())
                        ? step->next
                        : state.step;
    if (auto missing = missing_documents(def, *step, state, event.to_step, false);
        !missing.empty()) {
      return refuse(RefusalKind::DocumentsMissing, "sign", state.step, {}, std::move(missing));
    }
    return chain(ctx, state, {std::move(event)});
  }

  const model::Action* action = step->find_action(command.action);
  if (action == nullptr) {
    std::string elsewhere;
    for (const auto& other : def.steps) {
      if (other.find_action(command.action) != nullptr) {
        elsewhere += (elsewhere.empty() ? "" : ", ") + other.id;
      }
    }
    if (!elsewhere.empty()) {
      return refuse(RefusalKind::ActionNotHere, command.action, state.step, elsewhere, here);
    }
    return refuse(RefusalKind::UnknownAction, command.action, state.step, {}, here);
  }
  const auto allowed = agencies_allowed(def, state, *action);
  const std::string agency = first_allowed(actor, allowed);
  if (agency.empty()) {
    return refuse(RefusalKind::NotAllowed, command.action, joined(actor.agencies), actor.user,
                  allowed);
  }
  if (action->note_required && command.note.find_first_not_of(" \t\r\n") == std::string::npos) {
    return refuse(RefusalKind::NoteRequired, command.action);
  }
  if (auto refusal = role_refusal(ctx, actor, model::Permission::Act, command.action)) {
    return *refusal;
  }
  Event event = acted_event(ctx, state, EventType::ActionTaken, actor, agency);
  event.action = action->name;
  event.note = command.note;
  if (auto refusal = check_sets(def, command.sets, &action->sets, action->name, event.changes)) {
    return *refusal;
  }
  // Guards and routes read the variables as they will be after this action's --set values
  // (a copy of the state only when there are some: copying it was 2% of an action).
  std::optional<DossierState> with_sets;
  if (!event.changes.empty()) {
    with_sets = state;
    for (const auto& [name, text] : event.changes) {
      const auto* decl = def.find_variable(name);
      if (auto value = model::parse_value(text, decl->type, decl->values))
        with_sets->variables[name] = *value;
    }
  }
  const auto input = eval_input(ctx, with_sets ? *with_sets : state);
  if (const auto* guard = ctx.workflow.guard(step->id, action->name)) {
    const auto result = rules::evaluate(*guard, input, *ctx.workflow.rules);
    if (!result.is_true()) {
      Refusal refusal = refuse(RefusalKind::GuardFalse, action->name, {}, guard->text());
      for (const auto& read : result.inputs) {
        refusal.inputs.emplace_back(read.name, read.value ? model::to_text(*read.value) : "");
      }
      return refusal;
    }
  }
  if (!action->target.empty()) {
    event.to_step = action->target;
  } else {
    const auto* table = ctx.workflow.rules->find_table(action->route_table);
    std::optional<std::map<std::string, model::Value>> outputs;
    if (table != nullptr) outputs = rules::decide(*table, input);
    auto it = outputs ? outputs->find("step") : decltype(outputs->end()){};
    if (!outputs || it == outputs->end() || def.find_step(model::to_text(it->second)) == nullptr) {
      return refuse(RefusalKind::RouteFailed, action->name, {}, action->route_table);
    }
    event.to_step = model::to_text(it->second);
    event.data["route"] = action->route_table;
  }
  if (action->is_return) event.data["return"] = "true";
  if (auto missing = missing_documents(def, *step, state, event.to_step, action->is_return);
      !missing.empty()) {
    return refuse(RefusalKind::DocumentsMissing, action->name, state.step, {}, std::move(missing));
  }
  return chain(ctx, state, {std::move(event)});
}

Decision decide_extend(const DecideContext& ctx, const DossierState& state,
                       const ExtendCommand& command, const Actor& actor) {
  if (command.expect_version && *command.expect_version != state.version) {
    return refuse(RefusalKind::VersionConflict, state.last_actor, std::to_string(state.version),
                  std::to_string(*command.expect_version), {state.step});
  }
  const auto* clock = state.find_clock(command.deadline);
  if (clock == nullptr) {
    std::vector<std::string> ids;
    for (const auto& c : state.clocks) ids.push_back(c.id);
    return refuse(RefusalKind::UnknownDeadline, command.deadline, {}, {}, ids);
  }
  if (!clock->running()) return refuse(RefusalKind::DeadlineEnded, command.deadline);
  if (command.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return refuse(RefusalKind::NoteRequired, "extend");
  }
  const time::Date today = time::local_date(ctx.now, ctx.offset);
  if (command.to < today) {
    return refuse(RefusalKind::BadExtension, command.deadline, time::format_date(command.to),
                  time::format_date(today));
  }
  // The agency answerable for the deadline extends it: a step's own limit belongs to that
  // step's owner; a target or an anchored period to whoever holds the dossier now.
  const auto& def = def_of(ctx);
  const auto* spec = def.find_deadline(command.deadline);
  const auto* answerable_step = def.find_step(
      spec != nullptr && spec->kind == model::DeadlineKind::StepLimit ? spec->from : state.step);
  const std::string owner =
      answerable_step != nullptr ? resolve_party(def, state, answerable_step->owner) : "";
  const std::string agency = first_allowed(actor, {owner});
  if (agency.empty()) {
    return refuse(RefusalKind::NotAllowed, "extend", joined(actor.agencies), actor.user,
                  {owner});
  }
  if (auto refusal = role_refusal(ctx, actor, model::Permission::Extend, "extend")) {
    return *refusal;
  }
  Event event = acted_event(ctx, state, EventType::DeadlineExtended, actor, agency);
  event.action = "extend";
  event.note = command.reason;
  event.data["deadline"] = command.deadline;
  event.data["to"] = time::format_date(command.to);
  // The event keeps the due date the rule computed before this extension (and the earlier
  // extension it replaces, if any), as event.hpp promises: the history then says by how much
  // the deadline moved, without recomputing it later with a calendar that may have changed.
  // A paused clock has no due date until it resumes, so neither is written then.
  const auto before = deadline::evaluate(*clock, ctx.calendar, today);
  if (before.computed_due) event.data["computed"] = time::format_date(*before.computed_due);
  if (before.computed_due && clock->extended_to) {
    event.data["replaces"] = time::format_date(*clock->extended_to);
  }
  return chain(ctx, state, {std::move(event)});
}

std::vector<Event> decide_tick(const DecideContext& ctx, const DossierState& state) {
  const auto& def = def_of(ctx);
  const time::Date today = time::local_date(ctx.now, ctx.offset);
  std::vector<Event> out;
  DossierState current = state;
  // First the decrees signed since the running deadlines were computed: the timers below fire
  // by the due dates as moved (docs/legal-basis.md#calendar-moves).
  if (!current.closed) {
    const auto* step = def.find_step(current.step);
    const std::string owner = step != nullptr ? resolve_party(def, current, step->owner) : "";
    std::vector<Event> moved;
    for (const auto& clock : current.clocks) {
      for (const auto& move : deadline::pending_calendar_moves(clock, ctx.calendar, today)) {
        Event event;
        event.type = EventType::DeadlineRecomputed;
        event.dossier_id = current.id;
        event.at = ctx.now;
        event.actor = "system";
        event.agency = owner;
        event.from_step = current.step;
        event.action = clock.id;
        event.data["deadline"] = clock.id;
        event.data["decree"] = move.decree;
        event.data["on"] = time::format_date(move.on);
        event.data["from"] = time::format_date(move.from);
        event.data["to"] = time::format_date(move.to);
        moved.push_back(std::move(event));
      }
    }
    if (!moved.empty()) {
      auto sealed = chain(ctx, current, std::move(moved));
      for (auto& event : sealed) {
        evolve(def, current, event, ctx.offset);
        out.push_back(std::move(event));
      }
    }
  }
  // An automatic transition changes the step, which can make further timers due; the loop is
  // bounded because each timer fires at most once per clock generation.
  for (int round = 0; round < 64; ++round) {
    const auto due = deadline::due_timers(def, current, ctx.calendar, today);
    if (due.empty()) break;
    const auto& timer = due.front();
    Event event;
    event.dossier_id = current.id;
    event.at = ctx.now;
    event.actor = "system";
    event.from_step = current.step;
    event.action = timer.deadline;
    event.data["deadline"] = timer.deadline;
    event.data["timer"] = std::to_string(timer.index);
    event.data["due"] = time::format_date(timer.due);
    event.note = timer.spec.note;
    const auto* step = def.find_step(current.step);
    const std::string owner = step != nullptr ? resolve_party(def, current, step->owner) : "";
    event.agency = owner;
    switch (timer.spec.kind) {
      case model::TimerKind::Remind:
        event.type = EventType::ReminderSent;
        break;
      case model::TimerKind::Escalate: {
        // With no one above the owner (the Governor), escalating to itself would only mislead
        // the queue; the owner is reminded and the event says why it was not escalated.
        if (const auto* parent = ctx.agencies.parent_of(owner)) {
          event.type = EventType::Escalated;
          event.data["to_agency"] = parent->code;
        } else {
          event.type = EventType::ReminderSent;
          event.data["not_escalated"] = "no parent agency";
        }
        break;
      }
      case model::TimerKind::Transition: {
        const auto* guard = ctx.workflow.timer_guard(timer.deadline, static_cast<std::size_t>(timer.index));
        const bool holds =
            guard == nullptr ||
            rules::evaluate(*guard, eval_input(ctx, current), *ctx.workflow.rules).is_true();
        if (holds) {
          event.type = EventType::AutoTransition;
          event.to_step = timer.spec.target;
          break;
        }
        // The declared outcome may not happen yet (its legal condition is missing): the
        // dossier stays and goes up to the owner's parent, saying what is missing.
        event.note = fmt::format("not moved to '{}': requires {}", timer.spec.target,
                                 guard->text());
        event.data["guard_false"] = guard->text();
        if (const auto* parent = ctx.agencies.parent_of(owner)) {
          event.type = EventType::Escalated;
          event.data["to_agency"] = parent->code;
        } else {
          event.type = EventType::ReminderSent;
          event.data["not_escalated"] = "no parent agency";
        }
        break;
      }
    }
    auto sealed = chain(ctx, current, {event});
    evolve(def, current, sealed.front(), ctx.offset);
    out.push_back(std::move(sealed.front()));
  }
  return out;
}

}  // namespace regflow::runtime
