// Checks that every kind a step requires (requires_documents) is a declared document kind
// (settings.yaml `documents.kinds`, or the standard kinds), so that a misspelt kind is found
// by `regflow check` rather than by a dossier that can never leave its step.
#pragma once

#include "engine/model/definition.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/model/document_policy.hpp"

namespace regflow::check {

/// Appends E-UNKNOWN-DOCUMENT-KIND at each unknown kind, with "did you mean" and the kinds.
void check_document_requirements(const model::WorkflowDefinition& definition,
                                 const model::DocumentPolicy& policy, model::Diagnostics& out);

}  // namespace regflow::check
