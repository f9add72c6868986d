// Checks deadlines whose period comes from a decision table (`within: {table, output}`): the
// table and output exist, the table's inputs are variables the workflow declares the same way,
// every value the output can give is a period within bounds, and — unless the deadline has an
// `otherwise` — every combination of the table's enum and bool inputs yields one.
#pragma once

#include "engine/model/definition.hpp"
#include "engine/model/diagnostic.hpp"

namespace regflow::rules {
class RuleSet;
}

namespace regflow::check {

void check_table_periods(const model::WorkflowDefinition& definition, const rules::RuleSet& rules,
                         model::Diagnostics& out);

/// A copy of `definition` in which each table-driven period is the longest the table can give
/// (or its `otherwise`), for the path lengths of `regflow workflows`.
model::WorkflowDefinition with_longest_periods(const model::WorkflowDefinition& definition,
                                               const rules::RuleSet& rules);

}  // namespace regflow::check
