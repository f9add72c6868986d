// Drives dossiers through any workflow the way a busy bureau would, asking the engine's pure
// decider which actions it would accept now: the data generator and the per-process benchmark
// both need "a plausible next action" for dossiers of the shipped workflows.
#pragma once

#include <optional>
#include <random>
#include <string>

#include "engine/app/installation.hpp"

namespace regflow::bench {

/// A user who may act for every agency that owns steps (not the outside bodies), so that any
/// step can be advanced and every sign-off signed.
runtime::Actor register_bench_user(app::Installation& installation, const std::string& name);

/// A start command with a value for every required variable; the rest and every role keep their
/// defaults (a default acting governor, for one, is what most dossiers see).
runtime::StartCommand start_command(const model::WorkflowDefinition& definition,
                                    const std::string& title, std::mt19937& random);

struct WalkPolicy {
  /// Chance of taking a return for revision when one is open to the actor.
  double return_chance = 0.15;
  /// Never return more often than this per dossier (keeps walks finite).
  int max_returns = 2;
};

/// An action the engine accepts for `dossier` now (a random one among those accepted, a return
/// only by the policy), or nullopt when none is.
std::optional<runtime::AdvanceCommand> pick_action(const app::Installation& installation,
                                                   const app::Dossier& dossier,
                                                   const runtime::Actor& actor, time::Instant now,
                                                   const WalkPolicy& policy, std::mt19937& random);

}  // namespace regflow::bench
