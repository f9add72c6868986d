// workflows/*.yaml → WorkflowDefinition. The loader checks the shape of the file (keys, types,
// duplicates, durations); the checker (engine/check) then checks the meaning (references,
// reachability, deadlines). The format is documented in docs/workflow-format.md.
#pragma once

#include <optional>
#include <string>

#include "engine/model/definition.hpp"
#include "engine/model/diagnostic.hpp"

namespace regflow::load {

/// Loads one workflow from its text. Returns the definition even when there were errors (as far
/// as it could be read), so the checker can report more; callers must not run a definition whose
/// diagnostics contain errors.
std::optional<model::WorkflowDefinition> load_workflow_text(const std::string& path,
                                                            const std::string& text,
                                                            model::Diagnostics& out);

/// Reads and loads one workflow file.
std::optional<model::WorkflowDefinition> load_workflow_file(const std::string& path,
                                                            model::Diagnostics& out);

}  // namespace regflow::load
