#include "engine/rules/decision_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

#include "engine/model/spelling.hpp"

namespace regflow::rules {
namespace {

using model::ValueType;

constexpr std::size_t kMaxCombinations = 100000;
constexpr std::size_t kMaxGapWarnings = 10;

bool is_interval_type(ValueType type) {
  return type == ValueType::Number || type == ValueType::Date;
}
bool is_finite_type(ValueType type) {
  return type == ValueType::Enum || type == ValueType::Bool;
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

std::optional<double> scalar_of(const std::string& text, ValueType type) {
  const auto value = model::parse_value(text, type);
  if (!value) return std::nullopt;
  if (const auto* number = std::get_if<double>(&*value)) return *number;
  if (const auto* date = std::get_if<time::Date>(&*value)) {
    return static_cast<double>(date->time_since_epoch().count());
  }
  return std::nullopt;
}

std::string format_scalar(double value, ValueType type) {
  if (type == ValueType::Date) {
    return time::format_date(time::Date{std::chrono::days{static_cast<int>(value)}});
  }
  return model::to_text(model::Value{value});
}

// "<= 100" → Interval{upper 100 inclusive}; "100" → the point 100; a conjunction with "and".
std::optional<Interval> parse_interval(const std::string& text, ValueType type) {
  Interval interval;
  std::string_view rest = text;
  while (true) {
    const auto and_at = rest.find(" and ");
    std::string part = trim(rest.substr(0, and_at));
    std::string op;
    for (const char* candidate : {">=", "<=", "==", ">", "<"}) {
      if (part.rfind(candidate, 0) == 0) {
        op = candidate;
        break;
      }
    }
    const auto value = scalar_of(trim(std::string_view(part).substr(op.size())), type);
    if (!value) return std::nullopt;
    auto tighten_lower = [&](Bound bound) {
      if (!interval.lower || bound.value > interval.lower->value ||
          (bound.value == interval.lower->value && !bound.inclusive)) {
        interval.lower = bound;
      }
    };
    auto tighten_upper = [&](Bound bound) {
      if (!interval.upper || bound.value < interval.upper->value ||
          (bound.value == interval.upper->value && !bound.inclusive)) {
        interval.upper = bound;
      }
    };
    if (op == ">=") tighten_lower({*value, true});
    if (op == ">") tighten_lower({*value, false});
    if (op == "<=") tighten_upper({*value, true});
    if (op == "<") tighten_upper({*value, false});
    if (op.empty() || op == "==") {
      tighten_lower({*value, true});
      tighten_upper({*value, true});
    }
    if (and_at == std::string_view::npos) break;
    rest = rest.substr(and_at + 5);
  }
  return interval;
}

bool is_empty(const Interval& interval) {
  if (!interval.lower || !interval.upper) return false;
  if (interval.lower->value != interval.upper->value) {
    return interval.lower->value > interval.upper->value;
  }
  return !(interval.lower->inclusive && interval.upper->inclusive);
}

Interval intersect(const Interval& a, const Interval& b) {
  Interval out = a;
  if (b.lower && (!out.lower || b.lower->value > out.lower->value ||
                  (b.lower->value == out.lower->value && !b.lower->inclusive))) {
    out.lower = b.lower;
  }
  if (b.upper && (!out.upper || b.upper->value < out.upper->value ||
                  (b.upper->value == out.upper->value && !b.upper->inclusive))) {
    out.upper = b.upper;
  }
  return out;
}

bool contains(const Interval& interval, double value) {
  if (interval.lower && (value < interval.lower->value ||
                         (value == interval.lower->value && !interval.lower->inclusive))) {
    return false;
  }
  if (interval.upper && (value > interval.upper->value ||
                         (value == interval.upper->value && !interval.upper->inclusive))) {
    return false;
  }
  return true;
}

// "nilai=100", "nilai>=100", "nilai>=100 and <500", "nilai=any".
model::Message describe_interval(const std::string& name, const Interval& interval,
                                 ValueType type) {
  if (interval.lower && interval.upper && interval.lower->value == interval.upper->value) {
    return model::verbatim(name + "=" + format_scalar(interval.lower->value, type));
  }
  if (!interval.lower && !interval.upper) return model::say("{}=any", name);
  std::string out = name;
  if (interval.lower) {
    out += (interval.lower->inclusive ? ">=" : ">") + format_scalar(interval.lower->value, type);
  }
  if (interval.upper) {
    if (interval.lower) out += " and ";
    out += (interval.upper->inclusive ? "<=" : "<") + format_scalar(interval.upper->value, type);
  }
  return model::verbatim(out);
}

// "a, b, c": the parts of a description, each worded on its own.
model::Message comma_separated(const std::vector<model::Message>& parts) {
  std::vector<model::Message> out;
  for (const auto& part : parts) {
    if (!out.empty()) out.push_back(model::verbatim(", "));
    out.push_back(part);
  }
  return model::joined(std::move(out));
}

// The first part of the line that `intervals` leave uncovered, if any.
std::optional<Interval> first_gap(std::vector<Interval> intervals) {
  std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) {
    if (!a.lower || !b.lower) return !a.lower && b.lower;
    if (a.lower->value != b.lower->value) return a.lower->value < b.lower->value;
    return a.lower->inclusive && !b.lower->inclusive;
  });
  std::optional<Bound> reach;  // covered up to here; nullopt before the first interval
  bool started = false;
  for (const auto& interval : intervals) {
    if (is_empty(interval)) continue;
    if (!started) {
      if (interval.lower) {
        return Interval{std::nullopt, Bound{interval.lower->value, !interval.lower->inclusive}};
      }
      started = true;
      reach = interval.upper;
      if (!reach) return std::nullopt;
      continue;
    }
    if (interval.lower && (interval.lower->value > reach->value ||
                           (interval.lower->value == reach->value && !interval.lower->inclusive &&
                            !reach->inclusive))) {
      return Interval{Bound{reach->value, !reach->inclusive},
                      Bound{interval.lower->value, !interval.lower->inclusive}};
    }
    if (!interval.upper) return std::nullopt;
    if (interval.upper->value > reach->value ||
        (interval.upper->value == reach->value && interval.upper->inclusive)) {
      reach = interval.upper;
    }
  }
  if (!started) return Interval{};
  return Interval{Bound{reach->value, !reach->inclusive}, std::nullopt};
}

std::vector<std::string> finite_values(const VariableInfo& info) {
  if (info.type == ValueType::Bool) return {"true", "false"};
  return info.values;
}

class TableBuilder {
 public:
  TableBuilder(const TableSource& source, model::Diagnostics& out) : source_(source), out_(out) {}

  std::optional<DecisionTable> build(const std::map<std::string, VariableInfo>& declared) {
    DecisionTable table{source_.name,
                        source_.description,
                        source_.basis,
                        source_.location,
                        source_.hit,
                        {},
                        {},
                        {}};
    std::vector<std::string> declared_names;
    for (const auto& [name, info] : declared) declared_names.push_back(name);
    for (const auto& [name, location] : source_.inputs) {
      auto it = declared.find(name);
      if (it == declared.end()) {
        error("E-TABLE-INPUT", location,
              model::say("table '{}' uses undeclared input '{}'{}; declare it under 'inputs:' in a "
                         "rules file",
                         source_.name, name, model::suggestion(name, declared_names)));
        continue;
      }
      if (it->second.type == ValueType::List) {
        error("E-TABLE-INPUT", location,
              model::say("table input '{}' is a list; inputs are text, number, bool, date or enum",
                         name));
        continue;
      }
      table.inputs.push_back(TableInput{name, it->second});
    }
    for (const auto& output : source_.outputs) {
      if (output.type == ValueType::Enum || output.type == ValueType::List) {
        error("E-TABLE-OUTPUT", output.location,
              model::say("output '{}' cannot be of type '{}'; accepted types: 'text', 'number', "
                         "'bool', 'date'",
                         output.name, model::type_name(output.type)));
        continue;
      }
      table.outputs.push_back(TableOutput{output.name, output.type});
    }
    if (source_.rows.empty()) {
      error("E-TABLE-EMPTY", source_.location, model::say("table '{}' has no rows", source_.name));
    }
    if (table.inputs.size() == source_.inputs.size()) {
      for (std::size_t i = 0; i < source_.rows.size(); ++i) {
        table.rows.push_back(build_row(table, source_.rows[i], i + 1));
      }
    }
    if (error_count_ > 0) return std::nullopt;
    check_overlaps(table);
    check_gaps(table);
    return table;
  }

 private:
  void error(std::string code, const model::SourceLocation& where, model::Message said) {
    out_.push_back(model::make_error(std::move(code), where, std::move(said)));
    ++error_count_;
  }

  TableRow build_row(const DecisionTable& table, const RowSource& source, std::size_t number) {
    TableRow row;
    row.location = source.location;
    row.basis = source.basis;
    row.conditions.resize(table.inputs.size());
    std::vector<std::string> input_names;
    for (const auto& input : table.inputs) input_names.push_back(input.name);
    for (const auto& cell : source.when) {
      auto it = std::find(input_names.begin(), input_names.end(), cell.input);
      if (it == input_names.end()) {
        error("E-TABLE-CELL", cell.location,
              model::say("row {} tests '{}', which is not an input of table '{}'{}; inputs: {}",
                         number, cell.input, table.name, model::suggestion(cell.input, input_names),
                         model::quoted_list(input_names)));
        continue;
      }
      const auto index = static_cast<std::size_t>(it - input_names.begin());
      if (auto condition = build_condition(table.inputs[index], cell)) {
        row.conditions[index] = std::move(*condition);
      }
    }
    for (const auto& output : table.outputs) {
      auto cell = std::find_if(source.then.begin(), source.then.end(),
                               [&](const OutputCellSource& c) { return c.output == output.name; });
      if (cell == source.then.end()) {
        error("E-TABLE-CELL", source.location,
              model::say("row {} gives no value for output '{}' (write '~' for none)", number,
                         output.name));
        continue;
      }
      if (!cell->value) continue;
      if (auto value = model::parse_value(*cell->value, output.type)) {
        row.outputs.emplace(output.name, std::move(*value));
      } else {
        error("E-TABLE-CELL", cell->location,
              model::say("output '{}' is {}; found '{}'", output.name,
                         model::type_word(output.type), *cell->value));
      }
    }
    std::vector<std::string> output_names;
    for (const auto& output : table.outputs) output_names.push_back(output.name);
    for (const auto& cell : source.then) {
      if (std::find(output_names.begin(), output_names.end(), cell.output) == output_names.end()) {
        error("E-TABLE-CELL", cell.location,
              model::say("row {} sets '{}', which is not an output of table '{}'{}; outputs: {}",
                         number, cell.output, table.name,
                         model::suggestion(cell.output, output_names),
                         model::quoted_list(output_names)));
      }
    }
    return row;
  }

  std::optional<Condition> build_condition(const TableInput& input, const CellSource& cell) {
    if (!cell.is_list && cell.items.size() == 1 && trim(cell.items.front()) == "*") {
      return Condition{};
    }
    if (cell.items.empty()) {
      error(
          "E-TABLE-CELL", cell.location,
          model::say("the condition on '{}' is an empty list, which matches nothing", input.name));
      return std::nullopt;
    }
    Condition condition;
    condition.any = false;
    const ValueType type = input.info.type;
    for (const auto& item : cell.items) {
      if (is_interval_type(type)) {
        auto interval = parse_interval(item, type);
        if (!interval) {
          error("E-TABLE-CELL", cell.location,
                model::say("'{}' is not a {} condition for '{}'; write a value, '*', or "
                           "comparisons such as '>= 10' or '>= 10 and < 20'",
                           item, model::type_word(type), input.name));
          return std::nullopt;
        }
        condition.intervals.push_back(*interval);
        continue;
      }
      if (type == ValueType::Enum) {
        if (std::find(input.info.values.begin(), input.info.values.end(), item) ==
            input.info.values.end()) {
          error("E-TABLE-CELL", cell.location,
                model::say("'{}' is not a value of enum '{}'{}; accepted values: {}", item,
                           input.name, model::suggestion(item, input.info.values),
                           model::quoted_list(input.info.values)));
          return std::nullopt;
        }
      } else if (type == ValueType::Bool && item != "true" && item != "false") {
        error("E-TABLE-CELL", cell.location,
              model::say("'{}' is not a bool condition for '{}'; accepted: 'true', 'false', '*'",
                         item, input.name));
        return std::nullopt;
      }
      condition.values.push_back(item);
    }
    return condition;
  }

  // The common part of two cells for one input, described for a message; nullopt when none.
  static std::optional<model::Message> overlap(const TableInput& input, const Condition& a,
                                               const Condition& b) {
    const ValueType type = input.info.type;
    if (is_interval_type(type)) {
      const std::vector<Interval> all{Interval{}};
      for (const auto& x : a.any ? all : a.intervals) {
        for (const auto& y : b.any ? all : b.intervals) {
          const Interval common = intersect(x, y);
          if (!is_empty(common)) return describe_interval(input.name, common, type);
        }
      }
      return std::nullopt;
    }
    if (a.any && b.any) return model::say("{}=any", input.name);
    const auto& candidates = a.any ? b.values : a.values;
    for (const auto& value : candidates) {
      if (a.any || b.any || std::find(b.values.begin(), b.values.end(), value) != b.values.end()) {
        return model::verbatim(input.name + "='" + value + "'");
      }
    }
    return std::nullopt;
  }

  void check_overlaps(const DecisionTable& table) {
    if (table.hit != HitPolicy::Unique) return;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      for (std::size_t j = i + 1; j < table.rows.size(); ++j) {
        std::vector<model::Message> witness;
        bool overlapping = true;
        for (std::size_t k = 0; k < table.inputs.size() && overlapping; ++k) {
          const Condition& a = table.rows[i].conditions[k];
          const Condition& b = table.rows[j].conditions[k];
          auto common = overlap(table.inputs[k], a, b);
          if (!common) overlapping = false;
          if (common && !(a.any && b.any)) witness.push_back(*common);
        }
        if (!overlapping) continue;
        const int first_line = table.rows[i].location.line;
        const int second_line = table.rows[j].location.line;
        model::Diagnostic d = model::make_error(
            "E-TABLE-OVERLAP", table.rows[j].location,
            witness.empty()
                ? model::say("rows {} (line {}) and {} (line {}) of table '{}' overlap: both match "
                             "everything",
                             i + 1, first_line, j + 1, second_line, table.name)
                : model::say("rows {} (line {}) and {} (line {}) of table '{}' overlap for {}",
                             i + 1, first_line, j + 1, second_line, table.name,
                             comma_separated(witness)));
        d.notes.push_back(model::say(
            "with 'hit: unique' at most one row may match; make the rows exclusive, or use "
            "'hit: first' to let the earlier row win"));
        out_.push_back(std::move(d));
      }
    }
  }

  void check_gaps(const DecisionTable& table) {
    std::vector<std::size_t> finite;
    std::vector<std::size_t> open;  // inputs whose values cannot be enumerated
    std::size_t combinations = 1;
    for (std::size_t k = 0; k < table.inputs.size(); ++k) {
      if (is_finite_type(table.inputs[k].info.type)) {
        finite.push_back(k);
        combinations *= std::max<std::size_t>(1, finite_values(table.inputs[k].info).size());
        if (combinations > kMaxCombinations) return;
      } else {
        open.push_back(k);
      }
    }
    std::vector<model::Message> gaps;
    std::size_t total = 0;
    std::vector<std::size_t> choice(finite.size(), 0);
    for (std::size_t c = 0; c < combinations; ++c) {
      std::size_t rest = c;
      for (std::size_t f = finite.size(); f-- > 0;) {
        const std::size_t size = finite_values(table.inputs[finite[f]].info).size();
        choice[f] = size == 0 ? 0 : rest % size;
        rest = size == 0 ? rest : rest / size;
      }
      std::vector<model::Message> combination;
      std::vector<const TableRow*> matching;
      for (const auto& row : table.rows) {
        bool matches = true;
        for (std::size_t f = 0; f < finite.size() && matches; ++f) {
          const Condition& condition = row.conditions[finite[f]];
          const auto values = finite_values(table.inputs[finite[f]].info);
          if (values.empty()) continue;
          matches = condition.any || std::find(condition.values.begin(), condition.values.end(),
                                               values[choice[f]]) != condition.values.end();
        }
        if (matches) matching.push_back(&row);
      }
      for (std::size_t f = 0; f < finite.size(); ++f) {
        const auto values = finite_values(table.inputs[finite[f]].info);
        if (values.empty()) continue;
        combination.push_back(
            model::verbatim(table.inputs[finite[f]].name + "='" + values[choice[f]] + "'"));
      }
      if (auto gap = uncovered(table, open, matching)) {
        combination.insert(combination.end(), gap->begin(), gap->end());
        ++total;
        if (gaps.size() < kMaxGapWarnings) gaps.push_back(comma_separated(combination));
      }
    }
    for (const auto& gap : gaps) {
      out_.push_back(
          model::make_warning("W-TABLE-GAP", table.location,
                              model::say("no row of table '{}' covers {}", table.name, gap)));
    }
    if (total > gaps.size()) {
      out_.push_back(
          model::make_warning("W-TABLE-GAP", table.location,
                              model::say("table '{}' leaves {} more combinations uncovered",
                                         table.name, total - gaps.size())));
    }
  }

  // Whether the rows that match one combination of the enumerable inputs leave facts of the other
  // inputs uncovered: nullopt when covered, else a description of what is missing (nothing when
  // the combination itself has no row). Exact for at most one number or date input; otherwise only
  // a row with '*' for every such input counts as covering.
  static std::optional<std::vector<model::Message>> uncovered(
      const DecisionTable& table, const std::vector<std::size_t>& open,
      const std::vector<const TableRow*>& matching) {
    if (matching.empty()) return std::vector<model::Message>{};
    for (const TableRow* row : matching) {
      bool all_any = true;
      for (std::size_t k : open) all_any = all_any && row->conditions[k].any;
      if (all_any) return std::nullopt;
    }
    if (open.size() == 1 && is_interval_type(table.inputs[open.front()].info.type)) {
      std::vector<Interval> intervals;
      for (const TableRow* row : matching) {
        const Condition& condition = row->conditions[open.front()];
        intervals.insert(intervals.end(), condition.intervals.begin(), condition.intervals.end());
      }
      if (auto gap = first_gap(intervals)) {
        const TableInput& input = table.inputs[open.front()];
        return std::vector<model::Message>{describe_interval(input.name, *gap, input.info.type)};
      }
      return std::nullopt;
    }
    std::vector<model::Message> other;
    for (std::size_t k : open) {
      other.push_back(model::say("{}=other {}", table.inputs[k].name,
                                 model::type_word(table.inputs[k].info.type)));
    }
    return other;
  }

  const TableSource& source_;
  model::Diagnostics& out_;
  std::size_t error_count_ = 0;
};

bool cell_matches(const TableInput& input, const Condition& condition,
                  const std::optional<model::Value>& value) {
  if (condition.any) return true;
  if (!value) return false;
  if (const auto* b = std::get_if<bool>(&*value)) {
    const std::string text = *b ? "true" : "false";
    return std::find(condition.values.begin(), condition.values.end(), text) !=
           condition.values.end();
  }
  if (const auto* text = std::get_if<std::string>(&*value)) {
    return std::find(condition.values.begin(), condition.values.end(), *text) !=
           condition.values.end();
  }
  std::optional<double> number;
  if (const auto* d = std::get_if<double>(&*value)) number = *d;
  if (const auto* date = std::get_if<time::Date>(&*value)) {
    number = static_cast<double>(date->time_since_epoch().count());
  }
  if (!number || !is_interval_type(input.info.type)) return false;
  return std::any_of(condition.intervals.begin(), condition.intervals.end(),
                     [&](const Interval& interval) { return contains(interval, *number); });
}

}  // namespace

std::optional<DecisionTable> build_table(const TableSource& source,
                                         const std::map<std::string, VariableInfo>& inputs,
                                         model::Diagnostics& out) {
  return TableBuilder(source, out).build(inputs);
}

std::optional<std::size_t> match(const DecisionTable& table, const EvalInput& input) {
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    bool matches = true;
    for (std::size_t k = 0; k < table.inputs.size() && matches; ++k) {
      auto it = input.variables.find(table.inputs[k].name);
      const std::optional<model::Value> value =
          it == input.variables.end() ? std::nullopt : std::optional<model::Value>(it->second);
      matches = cell_matches(table.inputs[k], table.rows[r].conditions[k], value);
    }
    if (matches) return r;
  }
  return std::nullopt;
}

std::optional<std::map<std::string, model::Value>> decide(const DecisionTable& table,
                                                          const EvalInput& input) {
  if (auto row = match(table, input)) return table.rows[*row].outputs;
  return std::nullopt;
}

}  // namespace regflow::rules
