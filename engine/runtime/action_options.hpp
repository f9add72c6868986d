// What one person may do on a dossier now: every action of the current step (and `sign` on a
// sign-off step), each with the refusal `decide` would give this actor, and every running
// deadline with the refusal an extension would get. A read-side query for the shells (the
// dossier page, `show`): it asks the decider itself, so no shell repeats a rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/runtime/decide.hpp"

namespace regflow::runtime {

struct ActionOption {
  std::string name;                       ///< the action, or "sign"
  const model::Action* action = nullptr;  ///< its declaration; nullptr for "sign"
  std::string to_step;                    ///< where it leads; empty when a table routes it
  /// Taking it cannot be undone by the workflow: it signs, or no path leads from where it goes
  /// back to this step (stop, promulgate). A shell asks once more before it.
  bool irreversible = false;
  /// Why `decide` would refuse it for this actor now; nullopt: allowed. The probe gives a note,
  /// so a required note is not counted as missing.
  std::optional<Refusal> refusal;
};

/// The actions of the dossier's current step with what `decide_advance` says of each for
/// `actor`; empty when the dossier is closed.
std::vector<ActionOption> action_options(const DecideContext& context, const DossierState& state,
                                         const Actor& actor);

struct ExtendOption {
  std::string deadline;  ///< a running deadline of the dossier
  /// Why `decide_extend` would refuse `actor` (to today, with a reason); nullopt: allowed.
  std::optional<Refusal> refusal;
};

/// The running deadlines of the dossier with what `decide_extend` says of each for `actor`.
std::vector<ExtendOption> extend_options(const DecideContext& context, const DossierState& state,
                                         const Actor& actor);

/// True when no path of the workflow (actions, sign-off `next`) leads from `from` back to `to`.
bool no_way_back(const model::WorkflowDefinition& definition, const std::string& from,
                 const std::string& to);

}  // namespace regflow::runtime
