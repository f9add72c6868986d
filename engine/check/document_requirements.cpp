#include "engine/check/document_requirements.hpp"

#include "engine/model/spelling.hpp"

namespace regflow::check {

void check_document_requirements(const model::WorkflowDefinition& definition,
                                 const model::DocumentPolicy& policy, model::Diagnostics& out) {
  const auto kinds = policy.names();
  for (const auto& step : definition.steps) {
    for (std::size_t i = 0; i < step.requires_documents.size(); ++i) {
      const auto& kind = step.requires_documents[i];
      if (policy.find(kind) != nullptr) continue;
      out.push_back(model::make_error(
          "E-UNKNOWN-DOCUMENT-KIND", step.values.of("requires_documents", i, step.location),
          model::say("step '{}' requires document kind '{}', which is not declared{}; kinds: {}",
                     step.id, kind, model::suggestion(kind, kinds), model::quoted_list(kinds))));
    }
  }
}

}  // namespace regflow::check
