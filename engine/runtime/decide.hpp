// decide: a command, the dossier's state, the definitions, the calendar and `now` in; events or
// a refusal out. Pure: no I/O, no clock, no database. The events come sealed into the dossier's
// hash chain, numbered after the state's version.
#pragma once

#include <variant>
#include <vector>

#include "engine/model/agency.hpp"
#include "engine/model/user_role.hpp"
#include "engine/runtime/command.hpp"
#include "engine/runtime/dossier_state.hpp"
#include "engine/runtime/event.hpp"
#include "engine/runtime/executable_workflow.hpp"
#include "engine/runtime/refusal.hpp"
#include "engine/rules/evaluator.hpp"
#include "engine/time/calendar.hpp"

namespace regflow::runtime {

struct DecideContext {
  const ExecutableWorkflow& workflow;
  const model::AgencyDirectory& agencies;
  const model::RoleDirectory& roles;
  const time::HolidayCalendar& calendar;
  time::UtcOffset offset;
  time::Instant now;
};

using Decision = std::variant<std::vector<Event>, Refusal>;

/// Opens a dossier: checks bindings, variables and the target, and enters the initial step.
Decision decide_start(const DecideContext& context, const StartCommand& command, const Actor& actor);

/// Takes an action (or `sign`) on the dossier's current step.
Decision decide_advance(const DecideContext& context, const DossierState& state,
                        const AdvanceCommand& command, const Actor& actor);

/// Moves one deadline of one dossier to a later (or earlier) date, with a reason; audited.
Decision decide_extend(const DecideContext& context, const DossierState& state,
                       const ExtendCommand& command, const Actor& actor);

/// Fires every due timer of one dossier: reminders, escalations, automatic transitions. Empty
/// when nothing is due, so a second tick at the same `now` writes nothing.
std::vector<Event> decide_tick(const DecideContext& context, const DossierState& state);

/// The agency a party (an agency code or a role) stands for in this dossier; empty if unbound.
std::string resolve_party(const model::WorkflowDefinition& definition, const DossierState& state,
                          const std::string& party);

/// The agencies that may take `action` in the current step (for `show` and refusals).
std::vector<std::string> agencies_allowed(const model::WorkflowDefinition& definition,
                                          const DossierState& state, const model::Action& action);

/// For a sign-off step: the signer agencies that have not signed yet.
std::vector<std::string> pending_signers(const model::WorkflowDefinition& definition,
                                         const DossierState& state);

/// The facts guards read, for this dossier on this day.
rules::EvalInput eval_input(const DecideContext& context, const DossierState& state);

}  // namespace regflow::runtime
