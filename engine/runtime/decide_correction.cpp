#include "engine/runtime/decide_correction.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace regflow::runtime {
namespace {

Refusal refuse(RefusalKind kind, std::string subject, std::string found = {},
               std::string detail = {}, std::vector<std::string> options = {}) {
  return Refusal{kind, std::move(subject), std::move(found), std::move(detail), std::move(options),
                 {}};
}

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

bool holds(const Actor& actor, const std::string& agency) {
  return std::find(actor.agencies.begin(), actor.agencies.end(), agency) != actor.agencies.end();
}

/// One event of `actor` for `agency`, numbered and sealed after the state's last one. These
/// events never enter a step, so no deadline period is recorded with them (decide.cpp's chain).
std::vector<Event> sealed(const DecideContext& ctx, const DossierState& state, Event event,
                          const Actor& actor, const std::string& agency) {
  event.dossier_id = state.id;
  event.at = ctx.now;
  event.actor = actor.user;
  event.agency = agency;
  event.from_step = state.step;
  if (!actor.administrator.empty() && actor.administrator != actor.user) {
    event.data["administrator"] = actor.administrator;
  }
  if (actor.entered_at) event.data["entered_at"] = time::format_instant(*actor.entered_at);
  event.sequence = state.version + 1;
  seal(event, state.last_hash);
  return {std::move(event)};
}

void add_unique(std::vector<std::string>& out, const std::string& agency) {
  if (!agency.empty() && std::find(out.begin(), out.end(), agency) == out.end()) {
    out.push_back(agency);
  }
}

}  // namespace

std::optional<Refusal> starter_refusal(const DecideContext& ctx, const DossierState& state,
                                       const Actor& actor, const std::string& what) {
  if (state.cancelled) return refuse(RefusalKind::DossierCancelled, state.id, state.cancel_reason);
  if (state.closed) return refuse(RefusalKind::DossierClosed, state.id, state.step);
  const auto& initial = ctx.workflow.definition->initial;
  // Reaching any other step means others have acted on what the dossier said: from then on the
  // workflow's own actions (a return, a stop) are the way, and the record shows them.
  if (state.step != initial || state.reached.size() > 1) {
    return refuse(RefusalKind::NotInFirstStep, what, state.step, initial);
  }
  if (!holds(actor, state.started_by)) {
    return refuse(RefusalKind::NotAllowed, what, fmt::format("{}", fmt::join(actor.agencies, ", ")),
                  actor.user, {state.started_by});
  }
  if (!ctx.roles.allows(actor.role, model::Permission::Act)) {
    return refuse(RefusalKind::RoleMayNot, what, actor.role,
                  model::permission_name(model::Permission::Act),
                  ctx.roles.granting(model::Permission::Act));
  }
  return std::nullopt;
}

std::optional<Refusal> kendala_refusal(const DecideContext& ctx, const DossierState& state,
                                       const Actor& actor) {
  if (state.cancelled) return refuse(RefusalKind::DossierCancelled, state.id, state.cancel_reason);
  if (state.closed) return refuse(RefusalKind::DossierClosed, state.id, state.step);
  const auto involved = agencies_involved(*ctx.workflow.definition, state);
  const bool involved_actor =
      std::any_of(actor.agencies.begin(), actor.agencies.end(), [&](const auto& a) {
        return std::find(involved.begin(), involved.end(), a) != involved.end();
      });
  if (!involved_actor) {
    return refuse(RefusalKind::NotAllowed, "kendala",
                  fmt::format("{}", fmt::join(actor.agencies, ", ")), actor.user, involved);
  }
  if (!ctx.roles.allows(actor.role, model::Permission::Act)) {
    return refuse(RefusalKind::RoleMayNot, "kendala", actor.role,
                  model::permission_name(model::Permission::Act),
                  ctx.roles.granting(model::Permission::Act));
  }
  return std::nullopt;
}

std::vector<std::string> agencies_involved(const model::WorkflowDefinition& def,
                                           const DossierState& state) {
  std::vector<std::string> out;
  add_unique(out, state.started_by);
  for (const auto& [role, agency] : state.bindings) add_unique(out, agency);
  if (const auto* step = def.find_step(state.step)) {
    add_unique(out, resolve_party(def, state, step->owner));
    for (const auto& signer : step->signers) add_unique(out, resolve_party(def, state, signer));
    for (const auto& action : step->actions) {
      for (const auto& agency : agencies_allowed(def, state, action)) add_unique(out, agency);
    }
  }
  add_unique(out, state.escalated_to);
  // An agency that acted in an earlier step (the Sekda who promulgated, before the report to
  // the Minister) still knows why the file is stuck.
  for (const auto& agency : state.acted_for) add_unique(out, agency);
  return out;
}

Decision decide_correct(const DecideContext& ctx, const DossierState& state,
                        const CorrectCommand& command, const Actor& actor) {
  if (auto refusal = starter_refusal(ctx, state, actor, "correct")) return *refusal;
  const auto& def = *ctx.workflow.definition;
  Event event;
  event.type = EventType::Corrected;
  event.action = "correct";
  if (command.title) {
    if (blank(*command.title)) return refuse(RefusalKind::EmptyValue, "--title");
    if (*command.title != state.title) {
      event.data["title"] = *command.title;
      event.data["was.title"] = state.title;
    }
  }
  std::vector<std::string> role_names;
  for (const auto& role : def.roles) role_names.push_back(role.name);
  for (const auto& [role, agency] : command.bindings) {
    if (def.find_role(role) == nullptr) {
      return refuse(RefusalKind::UnknownRole, role, {}, {}, role_names);
    }
    if (!ctx.agencies.contains(agency)) {
      return refuse(RefusalKind::UnknownAgency, agency, {}, {}, ctx.agencies.codes());
    }
    const std::string was = resolve_party(def, state, role);
    if (agency == was) continue;
    event.data["bind." + role] = agency;
    event.data["was.bind." + role] = was;
  }
  if (event.data.empty()) return refuse(RefusalKind::NothingToCorrect, state.id);
  return sealed(ctx, state, std::move(event), actor, state.started_by);
}

Decision decide_cancel(const DecideContext& ctx, const DossierState& state,
                       const CancelCommand& command, const Actor& actor) {
  if (auto refusal = starter_refusal(ctx, state, actor, "cancel")) return *refusal;
  if (blank(command.reason)) return refuse(RefusalKind::NoteRequired, "cancel");
  Event event;
  event.type = EventType::Cancelled;
  event.action = "cancel";
  event.note = command.reason;
  return sealed(ctx, state, std::move(event), actor, state.started_by);
}

Decision decide_kendala(const DecideContext& ctx, const DossierState& state,
                        const KendalaCommand& command, const Actor& actor) {
  if (auto refusal = kendala_refusal(ctx, state, actor)) return *refusal;
  const auto involved = agencies_involved(*ctx.workflow.definition, state);
  std::string agency;
  for (const auto& a : actor.agencies) {
    if (std::find(involved.begin(), involved.end(), a) != involved.end()) {
      agency = a;
      break;
    }
  }
  Event event;
  event.type = EventType::Kendala;
  event.action = "kendala";
  if (command.clear) {
    if (state.kendala.empty()) return refuse(RefusalKind::NoKendala, state.id);
    event.data["cleared"] = "true";
    event.note = state.kendala;
  } else {
    if (blank(command.text)) return refuse(RefusalKind::EmptyValue, "kendala");
    event.note = command.text;
  }
  return sealed(ctx, state, std::move(event), actor, agency);
}

}  // namespace regflow::runtime
