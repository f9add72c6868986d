// Deadline periods taken from a decision table: the days a step gets, by category.
//
// The period is decided once, when the clock starts (or restarts under `on_return: restart`),
// from the dossier's facts at that moment, and the event that starts the clock records it
// (`period.<deadline>`). Replaying the events never consults the rules again, so neither a later
// `--set` nor an edit of rules/*.yaml (which, unlike a workflow, is not versioned per dossier)
// can move the due date of a running deadline silently; `regflow extend` is the audited way.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "engine/model/definition.hpp"
#include "engine/model/value.hpp"
#include "engine/rules/evaluator.hpp"
#include "engine/time/day_unit.hpp"

namespace regflow::rules {
class RuleSet;
}

namespace regflow::deadline {

/// What a table gives one dossier for one deadline.
struct ResolvedPeriod {
  std::optional<time::Duration> within;  ///< nullopt: no value and no `otherwise`, so no clock
  std::string basis;                     ///< the matching row's basis, when the table gave it
  std::optional<std::size_t> row;        ///< 0-based index of the matching row
};

/// A table output value read as a period: a number of days in `period.unit`, or text holding a
/// duration (`15wd`, `7 hari`); nullopt when it is neither, or not a whole number of days.
std::optional<time::Duration> period_value(const model::Value& value,
                                           const model::TablePeriod& period);

/// The period for a dossier whose facts are `input`: the matching row's output, else
/// `otherwise`.
ResolvedPeriod resolve_period(const model::TablePeriod& period, const rules::RuleSet& rules,
                              const rules::EvalInput& input);

/// The event data keys that record a started clock's period and the basis of the row it came
/// from. The period is written as format_duration() does, or "none".
std::string period_key(const std::string& deadline);
std::string period_basis_key(const std::string& deadline);

}  // namespace regflow::deadline
