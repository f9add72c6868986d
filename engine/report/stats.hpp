// The governor's office's statistics: how long each step takes and which agency holds drafts
// longest, how often deadlines are met (per agency and per deadline) and who extends them, how
// many dossiers start, finish and stop each month, how old the open ones are, and how the
// Governor's own targets went. Computed from the events in one pass over the store, one dossier
// at a time (dossier_facts), then summed here: nothing is cached, so every figure can be traced
// to the hash-chained history.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/definition.hpp"
#include "engine/model/message.hpp"
#include "engine/report/dossier_facts.hpp"
#include "engine/report/duration_summary.hpp"
#include "engine/store/store.hpp"
#include "engine/time/calendar.hpp"

namespace regflow::report {

struct StatsFilter {
  std::string workflow;  ///< only dossiers of this workflow
  /// Only the stays and deadlines this agency held; throughput, ages and targets of the dossiers
  /// it held at some step.
  std::string agency;
  std::optional<time::Date> from;  ///< count what ended (or started) on or after this day
  std::optional<time::Date> to;    ///< the figures as of the end of this day (at most today)
};

/// Met, missed and still running deadlines.
struct OnTime {
  int met = 0;
  int missed = 0;
  int running = 0;       ///< running on the as-of day (late ones included)
  int running_late = 0;  ///< running and already past due
  /// met / (met + missed), 0 when none ended.
  double rate() const;
};

/// One row per step of a workflow: time spent there, and how its own limit went.
struct StepStats {
  std::string workflow;
  std::string step;
  std::string title;
  time::DayUnit unit = time::DayUnit::Calendar;
  DurationSummary time;  ///< stays that ended in the period
  int at_step_now = 0;   ///< dossiers still at the step on the as-of day
  bool has_limit = false;
  OnTime limit;  ///< the step's limit: met, missed, running
  int late() const { return limit.missed + limit.running_late; }
};

/// Time an agency held dossiers at its steps, per unit (hari and hari kerja are not added up).
struct AgencyTime {
  std::string agency;
  time::DayUnit unit = time::DayUnit::Calendar;
  DurationSummary time;
  int holding_now = 0;
};

/// A deadline of a workflow across its dossiers.
struct DeadlineStats {
  std::string workflow;
  std::string deadline;
  std::string title;
  time::DayUnit unit = time::DayUnit::Calendar;
  OnTime on_time;
  int extended = 0;
  DurationSummary late_by;  ///< of the missed ones, in `unit`
};

struct ExtensionStats {
  std::string workflow;
  std::string deadline;
  std::string agency;  ///< who granted it
  std::string actor;
  int count = 0;
  int days = 0;  ///< added up, in the deadline's unit
};

struct MonthFlow {
  std::string month;  ///< "2021-01"
  std::string workflow;
  int started = 0;
  int finished = 0;  ///< reached a final step that completes the procedure
  int stopped = 0;   ///< reached a final step that stops it (withdrawn, rejected)
};

struct AgeBand {
  std::string label;  ///< "0-30 hari"
  int from_days = 0;
  int to_days = 0;  ///< inclusive; -1 for open-ended
  int count = 0;
};

struct TargetRow {
  std::string id;
  std::string workflow;
  std::string title;
  time::Date set_on{};
  std::optional<time::Date> due;
  deadline::Status status = deadline::Status::OnTrack;
  int margin = 0;  ///< hari to spare when positive, late by its negation when negative
  time::Date day{};
};

struct Stats {
  time::Date as_of{};
  StatsFilter filter;
  int dossiers = 0;  ///< dossiers whose history was read (after the workflow filter)
  std::vector<StepStats> steps;  ///< the steps that most often go late first
  std::vector<AgencyTime> agencies;  ///< longest median first
  std::map<std::string, OnTime> on_time_by_agency;  ///< step limits of the steps each held
  std::vector<DeadlineStats> deadlines;  ///< most missed first
  std::vector<ExtensionStats> extensions;
  std::vector<MonthFlow> throughput;  ///< by month, then workflow
  std::vector<AgeBand> open_by_age;   ///< open on the as-of day, by calendar days since start
  std::vector<TargetRow> targets;     ///< latest first
  OnTime targets_total;
  /// Dossiers left out because their definition could not be loaded, with the reason.
  std::vector<std::pair<std::string, model::Message>> skipped;
};

/// Sums the facts of dossiers one at a time; `finish` sorts and returns the tables.
class StatsBuilder {
 public:
  StatsBuilder(StatsFilter filter, time::Date as_of);
  /// Adds one dossier's facts; `definition` (the one it runs on) gives the steps' titles.
  void add(const DossierFacts& facts, const model::WorkflowDefinition& definition);
  void skip(const std::string& dossier_id, model::Message reason);
  /// The day the figures are as of.
  time::Date as_of() const { return stats_.as_of; }
  Stats finish();

 private:
  bool in_period(time::Date day) const;
  /// The row of a step, made with its title and unit the first time a stay or limit names it.
  StepStats& step_row(const model::WorkflowDefinition& definition, const std::string& workflow,
                      const std::string& step, time::DayUnit unit);
  Stats stats_;
  std::map<std::pair<std::string, std::string>, std::vector<int>> step_days_;
  std::map<std::pair<std::string, int>, std::vector<int>> agency_days_;
  std::map<std::pair<std::string, std::string>, std::vector<int>> late_days_;
  std::map<std::pair<std::string, std::string>, StepStats> step_rows_;
  std::map<std::pair<std::string, int>, AgencyTime> agency_rows_;
  std::map<std::pair<std::string, std::string>, DeadlineStats> deadline_rows_;
  std::map<std::vector<std::string>, ExtensionStats> extension_rows_;
  std::map<std::pair<std::string, std::string>, MonthFlow> months_;
};

/// What the statistics read a dossier's definition from: its content hash → the definition, or
/// what is wrong when it cannot be loaded (that dossier is then left out and named).
using DefinitionLookup =
    std::function<const model::WorkflowDefinition*(const std::string& hash, model::Message& error)>;

/// Adds one dossier from its events (sequence order), as build_stats does for each: left out
/// when it started after the as-of day, named in `skipped` when its history does not begin with
/// `started` or its definition cannot be loaded.
void add_history(StatsBuilder& builder, std::span<const runtime::Event> events,
                 const DefinitionLookup& definitions, const time::HolidayCalendar& calendar,
                 time::UtcOffset offset);

/// The statistics as of min(today, filter.to), from every dossier's events (streamed from the
/// store one dossier at a time). `offset` makes event times local dates.
Stats build_stats(const store::Store& store, const DefinitionLookup& definitions,
                  const StatsFilter& filter, const time::HolidayCalendar& calendar,
                  time::UtcOffset offset, time::Date today);

}  // namespace regflow::report
