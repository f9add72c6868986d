#include "engine/report/stats.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "engine/report/dossier_facts.hpp"

namespace regflow::report {
namespace {

struct Band {
  const char* label;
  int from;
  int to;  // inclusive; -1: no end
};

// Ages of open dossiers in calendar days since they started: a month, a quarter, half a year,
// a year, and older.
constexpr std::array<Band, 5> kAgeBands{{{"0-30 hari", 0, 30},
                                         {"31-90 hari", 31, 90},
                                         {"91-180 hari", 91, 180},
                                         {"181-365 hari", 181, 365},
                                         {"> 365 hari", 366, -1}}};

bool is_running(deadline::Status status) {
  return status != deadline::Status::Met && status != deadline::Status::Missed;
}

void count(OnTime& on_time, const DeadlineOutcome& out) {
  switch (out.status) {
    case deadline::Status::Met: on_time.met += 1; break;
    case deadline::Status::Missed: on_time.missed += 1; break;
    case deadline::Status::Overdue:
      on_time.running += 1;
      on_time.running_late += 1;
      break;
    case deadline::Status::OnTrack:
    case deadline::Status::DueSoon:
    case deadline::Status::Paused: on_time.running += 1; break;
  }
}

std::string month_of(time::Date day) { return time::format_date(day).substr(0, 7); }

}  // namespace

double OnTime::rate() const {
  const int ended = met + missed;
  return ended == 0 ? 0.0 : static_cast<double>(met) / ended;
}

StatsBuilder::StatsBuilder(StatsFilter filter, time::Date as_of) {
  stats_.filter = std::move(filter);
  stats_.as_of = as_of;
  for (const auto& band : kAgeBands) {
    stats_.open_by_age.push_back({band.label, band.from, band.to, 0});
  }
}

bool StatsBuilder::in_period(time::Date day) const {
  return (!stats_.filter.from || day >= *stats_.filter.from) && day <= stats_.as_of;
}

void StatsBuilder::skip(const std::string& dossier_id, model::Message reason) {
  stats_.skipped.emplace_back(dossier_id, std::move(reason));
}

StepStats& StatsBuilder::step_row(const model::WorkflowDefinition& definition,
                                  const std::string& workflow, const std::string& step,
                                  time::DayUnit unit) {
  auto& row = step_rows_[{workflow, step}];
  if (row.step.empty()) {
    row.workflow = workflow;
    row.step = step;
    const auto* found = definition.find_step(step);
    row.title = found != nullptr ? found->title : step;
    row.unit = unit;
  }
  return row;
}

void StatsBuilder::add(const DossierFacts& facts, const model::WorkflowDefinition& definition) {
  if (facts.cancelled) return;  // started by mistake: no step was worked, no deadline ran
  const std::string& agency = stats_.filter.agency;
  if (!agency.empty() &&
      !std::binary_search(facts.agencies.begin(), facts.agencies.end(), agency)) {
    return;
  }
  stats_.dossiers += 1;
  const std::string& wf = facts.workflow;

  for (const auto& stay : facts.stays) {
    if (!agency.empty() && stay.agency != agency) continue;
    if (!stay.running && !in_period(stay.day)) continue;
    auto& row = step_row(definition, wf, stay.step, stay.unit);
    auto& held = agency_rows_[{stay.agency, static_cast<int>(stay.unit)}];
    held.agency = stay.agency;
    held.unit = stay.unit;
    if (stay.running) {
      row.at_step_now += 1;
      held.holding_now += 1;
    } else {
      step_days_[{wf, stay.step}].push_back(stay.days);
      agency_days_[{stay.agency, static_cast<int>(stay.unit)}].push_back(stay.days);
    }
  }

  for (const auto& out : facts.deadlines) {
    if (!agency.empty() && out.agency != agency) continue;
    if (!is_running(out.status) && !in_period(out.day)) continue;
    auto& row = deadline_rows_[{wf, out.deadline}];
    if (row.deadline.empty()) {
      row.workflow = wf;
      row.deadline = out.deadline;
      row.title = out.title;
      row.unit = out.unit;
    }
    count(row.on_time, out);
    if (out.extended) row.extended += 1;
    if (out.status == deadline::Status::Missed) late_days_[{wf, out.deadline}].push_back(-out.margin);
    if (out.step_limit) {
      auto& step = step_row(definition, wf, out.deadline, out.unit);
      step.has_limit = true;
      count(step.limit, out);
      if (!out.agency.empty()) count(stats_.on_time_by_agency[out.agency], out);
    }
  }

  for (const auto& ext : facts.extensions) {
    if (!in_period(ext.on)) continue;
    auto& row = extension_rows_[{wf, ext.deadline, ext.agency, ext.actor}];
    row.workflow = wf;
    row.deadline = ext.deadline;
    row.agency = ext.agency;
    row.actor = ext.actor;
    row.count += 1;
    row.days += ext.days;
  }

  auto flow = [&](time::Date day) -> MonthFlow& {
    auto& m = months_[{month_of(day), wf}];
    m.month = month_of(day);
    m.workflow = wf;
    return m;
  };
  if (in_period(facts.started)) flow(facts.started).started += 1;
  if (facts.closed_on && in_period(*facts.closed_on)) {
    auto& m = flow(*facts.closed_on);
    (facts.completed ? m.finished : m.stopped) += 1;
  }
  if (!facts.closed_on) {
    const int age = static_cast<int>((stats_.as_of - facts.started).count());
    for (auto& band : stats_.open_by_age) {
      if (age >= band.from_days && (band.to_days < 0 || age <= band.to_days)) {
        band.count += 1;
        break;
      }
    }
  }

  if (facts.target && (is_running(facts.target->status) || in_period(facts.target->day))) {
    const auto& t = *facts.target;
    stats_.targets.push_back(
        {facts.id, wf, facts.title, facts.started, t.due, t.status, t.margin, t.day});
    count(stats_.targets_total, t);
  }
}

Stats StatsBuilder::finish() {
  for (auto& [key, row] : step_rows_) {
    if (auto it = step_days_.find(key); it != step_days_.end()) row.time = summarize(it->second);
    stats_.steps.push_back(std::move(row));
  }
  std::stable_sort(stats_.steps.begin(), stats_.steps.end(),
                   [](const StepStats& a, const StepStats& b) {
                     if (a.late() != b.late()) return a.late() > b.late();
                     return a.time.median > b.time.median;
                   });
  for (auto& [key, row] : agency_rows_) {
    if (auto it = agency_days_.find(key); it != agency_days_.end()) {
      row.time = summarize(it->second);
    }
    stats_.agencies.push_back(std::move(row));
  }
  std::stable_sort(stats_.agencies.begin(), stats_.agencies.end(),
                   [](const AgencyTime& a, const AgencyTime& b) {
                     return a.time.median > b.time.median;
                   });
  for (auto& [key, row] : deadline_rows_) {
    if (auto it = late_days_.find(key); it != late_days_.end()) row.late_by = summarize(it->second);
    stats_.deadlines.push_back(std::move(row));
  }
  std::stable_sort(stats_.deadlines.begin(), stats_.deadlines.end(),
                   [](const DeadlineStats& a, const DeadlineStats& b) {
                     const int la = a.on_time.missed + a.on_time.running_late;
                     const int lb = b.on_time.missed + b.on_time.running_late;
                     return la > lb;
                   });
  for (auto& [key, row] : extension_rows_) stats_.extensions.push_back(std::move(row));
  std::stable_sort(stats_.extensions.begin(), stats_.extensions.end(),
                   [](const ExtensionStats& a, const ExtensionStats& b) {
                     return a.count > b.count;
                   });
  for (auto& [key, row] : months_) stats_.throughput.push_back(std::move(row));
  std::stable_sort(stats_.targets.begin(), stats_.targets.end(),
                   [](const TargetRow& a, const TargetRow& b) { return a.set_on > b.set_on; });
  return std::move(stats_);
}

void add_history(StatsBuilder& builder, std::span<const runtime::Event> events,
                 const DefinitionLookup& definitions, const time::HolidayCalendar& calendar,
                 time::UtcOffset offset) {
  if (events.empty()) return;
  const auto& first = events.front();
  auto hash = first.data.find("definition_hash");
  if (first.type != runtime::EventType::Started || hash == first.data.end()) {
    builder.skip(first.dossier_id, model::say("its history does not begin with a 'started' event"));
    return;
  }
  if (time::local_date(first.at, offset) > builder.as_of()) return;
  model::Message error;
  const auto* definition = definitions(hash->second, error);
  if (definition == nullptr) {
    builder.skip(first.dossier_id, error);
    return;
  }
  builder.add(dossier_facts(*definition, events, calendar, offset, builder.as_of()), *definition);
}

Stats build_stats(const store::Store& store, const DefinitionLookup& definitions,
                  const StatsFilter& filter, const time::HolidayCalendar& calendar,
                  time::UtcOffset offset, time::Date today) {
  const time::Date as_of = filter.to && *filter.to < today ? *filter.to : today;
  StatsBuilder builder(filter, as_of);
  store.visit_histories(filter.workflow, [&](std::span<const runtime::Event> events) {
    add_history(builder, events, definitions, calendar, offset);
  });
  return builder.finish();
}

}  // namespace regflow::report
