// Which of a workflow's variables a start form asks for, derived from the definition alone. A
// number given by the Governor's office at promulgation (`nomor_pergub`) or a counterpart's
// agreement number (`nomor_kb_mitra`) does not exist when a dossier starts: asking for it then
// invites a guess. Such a variable is "filled in later": some action `sets` it, it is not
// `required` at start, and nothing the first step decides reads it — no guard of the first
// step's actions (directly or through named rules) and no input of a table that routes one of
// them. Everything else is asked at start. See docs/workflow-format.md#start-variables.
#pragma once

#include <set>
#include <string>

#include "engine/runtime/executable_workflow.hpp"

namespace regflow::runtime {

/// The names of the variables filled in later (see above); the others are asked at start.
std::set<std::string> filled_later(const ExecutableWorkflow& workflow);

}  // namespace regflow::runtime
