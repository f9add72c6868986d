#include "engine/check/table_periods.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/deadline/table_period.hpp"
#include "engine/model/spelling.hpp"
#include "engine/rules/decision_table.hpp"
#include "engine/rules/rule_set.hpp"
#include "engine/runtime/executable_workflow.hpp"

namespace regflow::check {
namespace {

using model::make_error;
using model::make_warning;

constexpr std::size_t kMaxCombinations = 100000;
constexpr std::size_t kMaxGapErrors = 5;

std::vector<model::Value> finite_values(const rules::VariableInfo& info) {
  if (info.type == model::ValueType::Bool) return {model::Value{true}, model::Value{false}};
  std::vector<model::Value> out;
  for (const auto& value : info.values) out.emplace_back(value);
  return out;
}

class PeriodChecker {
 public:
  PeriodChecker(const model::WorkflowDefinition& def, const rules::RuleSet& rules,
                model::Diagnostics& out)
      : def_(def), rules_(rules), out_(out) {}

  void check(const model::DeadlineSpec& spec) {
    const model::TablePeriod& period = *spec.within_table;
    const model::Message what = model::say("deadline '{}'", spec.id);
    const auto* table = rules_.find_table(period.table);
    if (table == nullptr) {
      out_.push_back(make_error(
          "E-UNKNOWN-TABLE", period.location,
          model::say("{} takes its period from '{}', which is not a decision table in rules/{}",
                     what, period.table, model::suggestion(period.table, rules_.table_names()))));
      return;
    }
    auto output =
        std::find_if(table->outputs.begin(), table->outputs.end(),
                     [&](const rules::TableOutput& o) { return o.name == period.output; });
    if (output == table->outputs.end()) {
      std::vector<std::string> names;
      for (const auto& o : table->outputs) names.push_back(o.name);
      out_.push_back(make_error(
          "E-TABLE-OUTPUT", period.location,
          model::say("{} takes its period from output '{}' of table '{}', "
                     "which has no such output{}; outputs: {}",
                     what, period.output, period.table, model::suggestion(period.output, names),
                     model::quoted_list(names))));
      return;
    }
    for (auto& d :
         rules::check_rule_inputs(rules_, period.table, runtime::scope_of(def_), period.location)) {
      out_.push_back(std::move(d));
    }
    if (!check_output_type(what, period, output->type)) return;
    bool values_ok = true;
    for (std::size_t r = 0; r < table->rows.size(); ++r) {
      values_ok = check_row(what, period, *table, r) && values_ok;
    }
    if (values_ok && !period.otherwise) check_coverage(what, period, *table);
  }

 private:
  bool check_output_type(const model::Message& what, const model::TablePeriod& period,
                         model::ValueType type) {
    if (type == model::ValueType::Number) {
      if (period.unit) return true;
      out_.push_back(make_error("E-MISSING-KEY", period.location,
                                model::say("{} reads a number of days from '{}.{}'; say how they "
                                           "are counted with 'unit: hari' or 'unit: hari kerja'",
                                           what, period.table, period.output)));
      return false;
    }
    if (type == model::ValueType::Text) {
      if (!period.unit) return true;
      out_.push_back(make_error("E-BAD-VALUE", period.location,
                                model::say("{} reads durations such as '15wd' from '{}.{}', which "
                                           "carry their own unit; remove 'unit'",
                                           what, period.table, period.output)));
      return false;
    }
    out_.push_back(
        make_error("E-WRONG-TYPE", period.location,
                   model::say("{} takes its period from '{}.{}', which is {}; a period "
                              "is a number of days or a duration such as '15wd'",
                              what, period.table, period.output, model::type_word(type))));
    return false;
  }

  bool check_row(const model::Message& what, const model::TablePeriod& period,
                 const rules::DecisionTable& table, std::size_t r) {
    const auto& row = table.rows[r];
    auto it = row.outputs.find(period.output);
    if (it == row.outputs.end()) return true;  // '~': no value, covered by the coverage check
    const auto within = deadline::period_value(it->second, period);
    const model::Message where =
        model::say("row {} (line {}) of table '{}'", r + 1, row.location.line, table.name);
    if (!within) {
      const std::string value = model::to_text(it->second);
      out_.push_back(make_error(
          "E-DEADLINE-PERIOD", period.location,
          period.unit ? model::say("{} gives '{}' for '{}', which is not a whole number of days; "
                                   "{} cannot use it as a period",
                                   where, value, period.output, what)
                      : model::say("{} gives '{}' for '{}', which is not a duration such as '15wd' "
                                   "or '7d'; {} cannot use it as a period",
                                   where, value, period.output, what)));
      return false;
    }
    if (within->amount <= 0) {
      out_.push_back(make_error("E-DEADLINE-BOUNDS", period.location,
                                model::say("{} gives {} for {}; a deadline must allow at least 1 "
                                           "day",
                                           where, time::format_duration(*within), what)));
      return false;
    }
    if (within->amount > 3650) {
      out_.push_back(make_warning("W-DEADLINE-LONG", period.location,
                                  model::say("{} gives {} for {} (over ten years); is that "
                                             "intended?",
                                             where, time::format_duration(*within), what)));
    }
    return true;
  }

  // Every combination of enum and bool inputs must give a period when there is no `otherwise`;
  // a table with other inputs cannot be enumerated and relies on its own gap warnings.
  void check_coverage(const model::Message& what, const model::TablePeriod& period,
                      const rules::DecisionTable& table) {
    std::size_t combinations = 1;
    for (const auto& input : table.inputs) {
      const auto type = input.info.type;
      if (type != model::ValueType::Enum && type != model::ValueType::Bool) return;
      combinations *= std::max<std::size_t>(1, finite_values(input.info).size());
      if (combinations > kMaxCombinations) return;
    }
    std::vector<std::string> gaps;
    std::size_t total = 0;
    for (std::size_t c = 0; c < combinations; ++c) {
      rules::EvalInput input;
      std::string described;
      std::size_t rest = c;
      for (auto k = table.inputs.size(); k-- > 0;) {
        const auto values = finite_values(table.inputs[k].info);
        if (values.empty()) continue;
        const auto& value = values[rest % values.size()];
        rest /= values.size();
        input.variables[table.inputs[k].name] = value;
        described = fmt::format("{}='{}'{}{}", table.inputs[k].name, model::to_text(value),
                                described.empty() ? "" : ", ", described);
      }
      if (deadline::resolve_period(period, rules_, input).within) continue;
      ++total;
      if (gaps.size() < kMaxGapErrors) gaps.push_back(described);
    }
    for (const auto& gap : gaps) {
      auto d = make_error("E-DEADLINE-PERIOD-GAP", period.location,
                          model::say("{} takes its period from '{}.{}', which gives none for {}",
                                     what, period.table, period.output, gap));
      d.notes.push_back(
          model::say("give that row a value, or add 'otherwise: DURATION' under 'within' for "
                     "the dossiers the table leaves without one"));
      out_.push_back(std::move(d));
    }
    if (total > gaps.size()) {
      out_.push_back(make_error(
          "E-DEADLINE-PERIOD-GAP", period.location,
          model::say("{} has no period for {} more combinations", what, total - gaps.size())));
    }
  }

  const model::WorkflowDefinition& def_;
  const rules::RuleSet& rules_;
  model::Diagnostics& out_;
};

time::Duration longest(const model::DeadlineSpec& spec, const rules::RuleSet& rules) {
  const auto& period = *spec.within_table;
  time::Duration best = spec.within;
  const auto* table = rules.find_table(period.table);
  if (table == nullptr) return best;
  auto working = [](time::Duration d) {
    return d.unit == time::DayUnit::Working ? d.amount * 7 : d.amount * 5;
  };
  for (const auto& row : table->rows) {
    auto it = row.outputs.find(period.output);
    if (it == row.outputs.end()) continue;
    if (auto within = deadline::period_value(it->second, period)) {
      if (working(*within) > working(best)) best = *within;
    }
  }
  return best;
}

}  // namespace

void check_table_periods(const model::WorkflowDefinition& def, const rules::RuleSet& rules,
                         model::Diagnostics& out) {
  PeriodChecker checker(def, rules, out);
  for (const auto* spec : def.all_deadlines()) {
    if (spec->within_table) checker.check(*spec);
  }
}

model::WorkflowDefinition with_longest_periods(const model::WorkflowDefinition& def,
                                               const rules::RuleSet& rules) {
  model::WorkflowDefinition copy = def;
  for (auto& step : copy.steps) {
    if (step.limit && step.limit->within_table) step.limit->within = longest(*step.limit, rules);
  }
  for (auto& spec : copy.deadlines) {
    if (spec.within_table) spec.within = longest(spec, rules);
  }
  return copy;
}

}  // namespace regflow::check
