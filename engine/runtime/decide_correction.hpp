// Deciding corrections: the commands that put right what a person got wrong, without editing
// the YAML or the database. Each is an event in the dossier's chain, like every other change:
//
// - correct: the title, or the agency bound to a role, while the dossier is still in its first
//   step (after that other agencies have acted on what it said);
// - cancel: a dossier started by mistake is closed, with a reason, while still in its first
//   step; later, only the workflow's own way of stopping a procedure applies;
// - kendala: why a dossier is stuck, recorded (or cleared) by any agency involved in it.
//
// Corrections and cancelling belong to the agency that started the dossier. Pure, like decide.
#pragma once

#include <string>
#include <vector>

#include "engine/runtime/decide.hpp"

namespace regflow::runtime {

/// Changes the title and/or role bindings; refuses after the first step, for another agency
/// than the starting one, for a role without Act, and when nothing would change.
Decision decide_correct(const DecideContext& context, const DossierState& state,
                        const CorrectCommand& command, const Actor& actor);

/// Closes a dossier started by mistake; the reason is required. Same conditions as correct.
Decision decide_cancel(const DecideContext& context, const DossierState& state,
                       const CancelCommand& command, const Actor& actor);

/// Records or clears the kendala of an open dossier, for an agency involved in it.
Decision decide_kendala(const DecideContext& context, const DossierState& state,
                        const KendalaCommand& command, const Actor& actor);

/// Why `actor` may not correct or cancel (`what`) this dossier, if they may not: it is closed,
/// it has left its first step, they do not act for the starting agency, or their role may not
/// act. For pages that show the form only to whom it is open, and the reason to others.
std::optional<Refusal> starter_refusal(const DecideContext& context, const DossierState& state,
                                       const Actor& actor, const std::string& what);

/// Why `actor` may not record or clear this dossier's kendala, if they may not.
std::optional<Refusal> kendala_refusal(const DecideContext& context, const DossierState& state,
                                       const Actor& actor);

/// The agencies involved in a dossier now: the one that started it, every bound role's agency,
/// the holder of the current step and whoever it was escalated to, the agencies that may act or
/// sign in the current step, and every agency that acted on the dossier before (its events). In
/// first-seen order, without repeats.
std::vector<std::string> agencies_involved(const model::WorkflowDefinition& definition,
                                           const DossierState& state);

}  // namespace regflow::runtime
