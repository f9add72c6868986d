// The named rules and decision tables of rules/*.yaml, with the typed inputs they share.
//
// Inputs are declared once for the whole set (a second declaration, in any file, is an error). A
// rule is a named expression over those inputs and other rules; a table decides outputs from
// them. Fill the set with add_input/add_rule/add_table in any order, then call finalize(), which
// compiles every rule (other rules first), reports cycles between rules, and builds and checks
// every table. Workflows then use the finished set read-only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/diagnostic.hpp"
#include "engine/rules/compiled_expression.hpp"
#include "engine/rules/decision_table.hpp"
#include "engine/rules/scope.hpp"

namespace regflow::rules {

/// An input shared by the rules and tables of the set.
struct RuleInput {
  std::string name;
  VariableInfo info;
  std::string description;
  model::SourceLocation location;
};

/// A named rule: the `when` expression and what it is for.
struct NamedRule {
  std::string name;
  std::string description;
  std::string basis;                             ///< legal basis with its confidence tag
  std::string text;                              ///< the expression as written
  model::SourceLocation location;                ///< the expression's first character
  model::SourceLocation name_location;           ///< the rule's key
  std::optional<CompiledExpression> expression;  ///< empty until finalize(), or on error
  std::vector<std::string> inputs;  ///< inputs read, directly or through other rules; sorted
};

class RuleSet {
 public:
  /// Declares an input; reports a second declaration of the same name and returns false.
  bool add_input(RuleInput input, model::Diagnostics& out);
  /// Adds a rule (not compiled yet); reports a duplicate name and returns false.
  bool add_rule(NamedRule rule, model::Diagnostics& out);
  /// Adds a table (not built yet); reports a duplicate name and returns false.
  bool add_table(TableSource table, model::Diagnostics& out);

  /// Compiles the rules and builds the tables; every problem goes to `out`.
  void finalize(model::Diagnostics& out);

  /// The rule called `name`, or null.
  const NamedRule* find_rule(std::string_view name) const;
  /// The table called `name`, or null (also null when it had errors).
  const DecisionTable* find_table(std::string_view name) const;
  /// The declared inputs by name.
  const std::map<std::string, RuleInput>& inputs() const { return inputs_; }
  /// The rules by name as added (compiled once finalized).
  const std::map<std::string, NamedRule, std::less<>>& rules() const { return rules_; }
  /// The tables by name as added, before they are built.
  const std::map<std::string, TableSource>& table_sources() const { return table_sources_; }
  /// Rule names, sorted.
  std::vector<std::string> rule_names() const;
  /// Table names that built without errors, sorted.
  std::vector<std::string> table_names() const;
  /// The inputs as a Scope for compiling a rule: no roles, no steps.
  Scope scope() const;

 private:
  void compile_rule(const std::string& name, std::map<std::string, int>& state,
                    std::vector<std::string>& path, model::Diagnostics& out);

  std::map<std::string, RuleInput> inputs_;
  std::map<std::string, NamedRule, std::less<>> rules_;
  std::map<std::string, TableSource> table_sources_;
  std::map<std::string, DecisionTable, std::less<>> tables_;
};

/// Checks that a workflow whose variables are `scope` may use the rule or table `name` at `use`:
/// each input it reads must be a workflow variable of the same type (and, for an enum, the same
/// values). compile() already does this for rules named in an expression; call it for tables
/// used for routing or deadline parameters.
model::Diagnostics check_rule_inputs(const RuleSet& rules, const std::string& name,
                                     const Scope& scope, const model::SourceLocation& use);

}  // namespace regflow::rules
