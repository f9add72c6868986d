// A dossier's variables as a person reads them: the title the workflow gives each one, a yes/no
// in words, a date as the reader's language writes it, and "not yet filled" for a variable that
// no action has set. Shared by `regflow show` and the web's dossier page; `--json` keeps the codes.
#pragma once

#include <string>
#include <vector>

#include "engine/model/definition.hpp"
#include "engine/runtime/dossier_state.hpp"

namespace regflow::cli::render {

struct VariableFact {
  std::string name;   ///< the code name (`perlu_fasilitasi`)
  std::string title;  ///< the declared title; the code name when the workflow gives none
  std::string value;  ///< in words, in the current language
  bool filled = false;
};

/// An enum value as a person reads it, the workflows giving it no label of its own:
/// "penjabaran_apbd" → "penjabaran apbd" (the start form's choices and the dossier's facts).
std::string enum_label(const std::string& value);

/// Every declared variable in declaration order, then any value the dossier holds that its
/// definition no longer declares (under its code name).
std::vector<VariableFact> variable_facts(const model::WorkflowDefinition& definition,
                                         const runtime::DossierState& state);

}  // namespace regflow::cli::render
