// Decision tables: named inputs, rows of conditions, outputs. Workflows use them to route (an
// action whose target step is a table output) and for deadline parameters (the days a step gets,
// by category).
//
// A condition cell is `'*'` (any value; also what an omitted input means), one value, a list of
// values, or — for number and date inputs — comparisons such as `'>= 100'` or
// `'>= 2026-01-01 and < 2027-01-01'`. The hit policy `unique` (the default) requires that no two
// rows can match the same facts, and build_table's checks prove it; `first` takes the first row
// that matches. A combination of enum and bool input values that no row covers is a warning.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/diagnostic.hpp"
#include "engine/model/value.hpp"
#include "engine/rules/evaluator.hpp"
#include "engine/rules/scope.hpp"

namespace regflow::rules {

enum class HitPolicy { Unique, First };

// --- what the loader hands over ---

/// One `when` cell as written: a scalar, or a YAML list of scalars.
struct CellSource {
  std::string input;
  std::vector<std::string> items;
  bool is_list = false;
  model::SourceLocation location;
};

/// One `then` cell; a YAML null (`~`) means the row gives no value for this output.
struct OutputCellSource {
  std::string output;
  std::optional<std::string> value;
  model::SourceLocation location;
};

struct RowSource {
  model::SourceLocation location;
  std::vector<CellSource> when;
  std::vector<OutputCellSource> then;
  std::string basis;
};

struct OutputSource {
  std::string name;
  model::ValueType type = model::ValueType::Text;
  model::SourceLocation location;
};

struct TableSource {
  std::string name;
  std::string description;
  std::string basis;
  model::SourceLocation location;
  HitPolicy hit = HitPolicy::Unique;
  std::vector<std::pair<std::string, model::SourceLocation>> inputs;
  std::vector<OutputSource> outputs;
  std::vector<RowSource> rows;
};

// --- the checked table ---

/// One end of a number or date interval; dates count days since 1970-01-01.
struct Bound {
  double value = 0;
  bool inclusive = true;
};

/// A number or date interval; a missing bound is unbounded.
struct Interval {
  std::optional<Bound> lower;
  std::optional<Bound> upper;
};

/// A cell: `any`, or the accepted values (text, enum, bool as "true"/"false"), or intervals
/// (number, date).
struct Condition {
  bool any = true;
  std::vector<std::string> values;
  std::vector<Interval> intervals;
};

struct TableInput {
  std::string name;
  VariableInfo info;
};

struct TableOutput {
  std::string name;
  model::ValueType type = model::ValueType::Text;
};

struct TableRow {
  std::vector<Condition> conditions;            ///< one per table input, in the table's input order
  std::map<std::string, model::Value> outputs;  ///< null cells are absent
  std::string basis;
  model::SourceLocation location;
};

struct DecisionTable {
  std::string name;
  std::string description;
  std::string basis;
  model::SourceLocation location;
  HitPolicy hit = HitPolicy::Unique;
  std::vector<TableInput> inputs;
  std::vector<TableOutput> outputs;
  std::vector<TableRow> rows;
};

/// Checks the cells against the declared inputs and outputs, then proves the hit policy
/// (overlapping rows under `unique` are errors) and reports uncovered combinations as warnings.
/// Returns nullopt when the table has errors in its cells.
std::optional<DecisionTable> build_table(const TableSource& source,
                                         const std::map<std::string, VariableInfo>& inputs,
                                         model::Diagnostics& out);

/// The index of the row that matches `input`, or nullopt. An unset input matches only `any`.
std::optional<std::size_t> match(const DecisionTable& table, const EvalInput& input);

/// The outputs of the matching row, or nullopt when no row matches.
std::optional<std::map<std::string, model::Value>> decide(const DecisionTable& table,
                                                          const EvalInput& input);

}  // namespace regflow::rules
