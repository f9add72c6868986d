// Which definition of a workflow governs new dossiers. The database keeps every version that
// ever governed one; a workflow file whose text the database does not hold is a proposal until
// an administrator accepts it (`regflow definitions accept`), so that a private --config copy
// with the same name and other content cannot start dossiers under rules of its own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/load/config_set.hpp"
#include "engine/runtime/command.hpp"
#include "engine/runtime/refusal.hpp"
#include "engine/store/store.hpp"

namespace regflow::app {

/// Nullopt when `definition` may govern a new dossier: its text is stored already, or no
/// definition of its workflow is (the installation's first). Otherwise a DefinitionNotAccepted
/// refusal naming the stored version.
std::optional<runtime::Refusal> unaccepted(const model::WorkflowDefinition& definition,
                                           const store::Store& store);

struct Acceptance {
  std::string workflow;
  int version = 0;
  std::string hash;
  bool already = false;  ///< the database held this text before
};

/// Stores the loaded definitions of `workflows` (every loaded one when empty) so that they
/// govern new dossiers: the version in force today, or with `version` the loaded version of
/// that number (one workflow only), so that an older version can govern a back-dated start.
/// Once the database has an administrator, only one (`by`) may. Throws InputError, storing
/// nothing, for an unknown workflow or version, a changed text that keeps a stored version
/// number, or — without `version` — a version lower than one stored.
std::vector<Acceptance> accept_definitions(const load::ConfigSet& config, store::Store& store,
                                           const std::vector<std::string>& workflows,
                                           const std::optional<runtime::Actor>& by,
                                           bool administrators_designated,
                                           std::optional<int> version = std::nullopt);

}  // namespace regflow::app
