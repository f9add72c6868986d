// The evaluator of the rules language: computes a checked expression's value from a dossier's
// facts. It is pure — no I/O, no clock (`today` is an input), no side effects — and it terminates
// on every input: trees are bounded by the parser and rules cannot refer to themselves.
//
// Unset values: a variable or binding with no value makes every comparison that reads it false
// (`==` and `!=` alike, and `in`), and an unset bool variable reads as false. So
// `kategori != 'apbd'` is false while kategori is unset, and `not (kategori == 'apbd')` is true.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/value.hpp"
#include "engine/rules/compiled_expression.hpp"
#include "engine/time/date.hpp"

namespace regflow::rules {

class RuleSet;

/// The facts an expression may read about one dossier.
struct EvalInput {
  std::map<std::string, model::Value> variables;  ///< set variables; a missing one is unset
  std::map<std::string, std::string> bindings;    ///< role → agency code
  std::string workflow;
  std::string step;
  time::Date today{};
  time::Date started{};
  double days_in_step = 0;          ///< calendar days
  double working_days_in_step = 0;  ///< working days, by the installation's calendar
  std::set<std::string> reached;    ///< steps the dossier has been in, the current one included
};

/// One name the evaluation read, with what it read; nullopt when it was unset.
struct NameRead {
  std::string name;  ///< `kategori`, `perlu_evaluasi`, `reached('fasilitasi')`
  std::optional<model::Value> value;

  friend bool operator==(const NameRead&, const NameRead&) = default;
};

struct Evaluation {
  /// The result; a bool expression always has one, another type is nullopt when it reads an unset
  /// name (a text-typed rule that returns an unset variable, say).
  std::optional<model::Value> value;
  /// Every name read, once each, in the order first read (short-circuiting skips the rest), so
  /// that a refusal can explain itself: "kategori is 'umkm'". A rule is listed before the names
  /// it read.
  std::vector<NameRead> inputs;

  /// True when the value is the bool `true`.
  bool is_true() const;
};

/// Evaluates `expression`, reading named rules from `rules` (the set it was compiled against).
Evaluation evaluate(const CompiledExpression& expression, const EvalInput& input,
                    const RuleSet& rules);

}  // namespace regflow::rules
