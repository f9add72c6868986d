// The rules language, in one include: compile an expression against the names a workflow (or
// the rule files) declare, then evaluate it against a dossier's facts. See
// docs/rules-language.md for the language itself.
//
//   model::Diagnostics out;
//   auto guard = rules::compile_condition("perlu_evaluasi and reached('persetujuan_bersama')",
//                                         where, scope, rule_set, out);
//   if (guard && rules::evaluate(*guard, facts, rule_set).is_true()) …
#pragma once

#include <optional>
#include <string_view>

#include "engine/model/diagnostic.hpp"
#include "engine/rules/compiled_expression.hpp"
#include "engine/rules/decision_table.hpp"
#include "engine/rules/evaluator.hpp"
#include "engine/rules/rule_set.hpp"
#include "engine/rules/scope.hpp"

namespace regflow::rules {

/// Parses and type-checks `text`, whose first character is at `where` in its file. Rules named
/// in it must be finalized in `rules`; their inputs are checked against `scope`. Problems go to
/// `out` with the caret inside the expression; returns nullopt when there is any.
std::optional<CompiledExpression> compile(std::string_view text, const model::SourceLocation& where,
                                          const Scope& scope, const RuleSet& rules,
                                          model::Diagnostics& out);

/// As compile(), and the expression must be bool: a guard or a rule's `when`.
std::optional<CompiledExpression> compile_condition(std::string_view text,
                                                    const model::SourceLocation& where,
                                                    const Scope& scope, const RuleSet& rules,
                                                    model::Diagnostics& out);

}  // namespace regflow::rules
