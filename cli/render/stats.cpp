#include "cli/render/stats.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli/render/dates.hpp"
#include "cli/render/status_words.hpp"
#include "cli/render/table.hpp"
#include "cli/render/translate.hpp"

namespace regflow::cli::render {
namespace {

std::string percent(const report::OnTime& t) {
  if (t.met + t.missed == 0) return "-";
  return fmt::format("{}%", static_cast<int>(std::lround(t.rate() * 100)));
}

// A number of days in a narrow column, in both languages the board's short units (h = hari,
// hk = hari kerja), which the heading spells out.
std::string days(int n, time::DayUnit unit, bool any) {
  if (!any) return "-";
  return fmt::format("{}{}", n, unit == time::DayUnit::Working ? "hk" : "h");
}

std::string period_text(const report::Stats& stats) {
  std::string out = trf("as of {}", long_date_text(stats.as_of));
  if (stats.filter.from) out += trf(", ended from {}", date_text(*stats.filter.from));
  if (!stats.filter.workflow.empty()) out += trf(", workflow {}", stats.filter.workflow);
  if (!stats.filter.agency.empty()) out += trf(", agency {}", stats.filter.agency);
  return out;
}

bool target_late(const report::TargetRow& t) {
  return t.status == deadline::Status::Missed || t.status == deadline::Status::Overdue;
}

Cell number(int n) {
  return static_cast<double>(n);
}
Cell summary_cell(int value, const report::DurationSummary& s) {
  return s.count > 0 ? number(value) : Cell{};
}
Cell rate_cell(const report::OnTime& t) {
  return t.met + t.missed > 0 ? Cell{t.rate()} : Cell{};
}
Cell optional_date(const std::optional<time::Date>& d) {
  return d ? Cell{*d} : Cell{};
}

nlohmann::json summary_json(const report::DurationSummary& s) {
  if (s.count == 0) return {{"count", 0}, {"median", nullptr}, {"p90", nullptr}, {"max", nullptr}};
  return {{"count", s.count}, {"median", s.median}, {"p90", s.p90}, {"max", s.max}};
}

nlohmann::json on_time_json(const report::OnTime& t) {
  return {{"met", t.met},
          {"missed", t.missed},
          {"running", t.running},
          {"running_late", t.running_late},
          {"on_time_rate", t.met + t.missed > 0 ? nlohmann::json(t.rate()) : nlohmann::json()}};
}

}  // namespace

std::string unit_text(time::DayUnit unit) {
  return unit == time::DayUnit::Working ? tr("working days") : tr("days");
}

std::string target_margin_text(const std::string& status_name, int margin) {
  if (status_name == "met") return trf("met, {} days early", margin);
  if (status_name == "missed") return trf("missed by {} days", -margin);
  if (status_name == "overdue") return trf("{} days late (still running)", -margin);
  if (status_name == "paused") return tr("paused");
  return trf("{} days left", margin);
}

std::string age_band_text(int from_days, int to_days) {
  if (to_days < 0) return trf("> {} days", from_days - 1);
  return trf("{}-{} days", from_days, to_days);
}

namespace {

// A blank line, then a table's heading on its own line. Appended piece by piece: GCC 12 in
// Release reads `"\n" + heading + "\n"` as an overlapping copy (-Wrestrict).
void add_heading(std::string& out, const std::string& heading) {
  out += '\n';
  out += heading;
  out += '\n';
}

}  // namespace

std::string stats_text(const report::Stats& stats) {
  const std::string none = fmt::format("({})\n", tr("none"));
  std::string out =
      trf("Statistics — {} dossier(s), {}", stats.dossiers, period_text(stats)) + "\n";
  add_heading(
      out,
      tr("Time per step (h = hari, hk = hari kerja), the steps that most often go late first"));
  Table steps({tr("WORKFLOW"), tr("STEP"), tr("STAYS"), tr("MEDIAN"), "P90", tr("MAX"), tr("NOW"),
               tr("MET"), tr("MISSED"), tr("LATE NOW"), tr("ON TIME")});
  steps.limit(1, 24);
  for (const auto& s : stats.steps) {
    const bool any = s.time.count > 0;
    steps.add({s.workflow, s.step, std::to_string(s.time.count), days(s.time.median, s.unit, any),
               days(s.time.p90, s.unit, any), days(s.time.max, s.unit, any),
               std::to_string(s.at_step_now), s.has_limit ? std::to_string(s.limit.met) : "-",
               s.has_limit ? std::to_string(s.limit.missed) : "-",
               s.has_limit ? std::to_string(s.limit.running_late) : "-",
               s.has_limit ? percent(s.limit) : "-"});
  }
  out += steps.empty() ? none : steps.str();

  add_heading(out, tr("Time held per agency (its steps), longest median first"));
  Table agencies(
      {tr("AGENCY"), tr("UNIT"), tr("STAYS"), tr("MEDIAN"), "P90", tr("MAX"), tr("HOLDING NOW")});
  for (const auto& a : stats.agencies) {
    const bool any = a.time.count > 0;
    agencies.add({a.agency.empty() ? "-" : a.agency, unit_text(a.unit),
                  std::to_string(a.time.count), days(a.time.median, a.unit, any),
                  days(a.time.p90, a.unit, any), days(a.time.max, a.unit, any),
                  std::to_string(a.holding_now)});
  }
  out += agencies.empty() ? none : agencies.str();

  add_heading(out, tr("Step limits per agency holding them, most late first"));
  std::vector<std::pair<std::string, report::OnTime>> by_agency(stats.on_time_by_agency.begin(),
                                                                stats.on_time_by_agency.end());
  std::stable_sort(by_agency.begin(), by_agency.end(), [](const auto& a, const auto& b) {
    return a.second.missed + a.second.running_late > b.second.missed + b.second.running_late;
  });
  Table on_time(
      {tr("AGENCY"), tr("MET"), tr("MISSED"), tr("RUNNING"), tr("LATE NOW"), tr("ON TIME")});
  for (const auto& [agency, t] : by_agency) {
    on_time.add({agency, std::to_string(t.met), std::to_string(t.missed), std::to_string(t.running),
                 std::to_string(t.running_late), percent(t)});
  }
  out += on_time.empty() ? none : on_time.str();

  add_heading(out, tr("Deadlines, most often late first"));
  Table deadlines({tr("WORKFLOW"), tr("DEADLINE"), tr("MET"), tr("MISSED"), tr("RUNNING"),
                   tr("LATE NOW"), tr("ON TIME"), tr("EXTENDED"), tr("LATE BY (MEDIAN/MAX)")});
  deadlines.limit(1, 28);
  for (const auto& d : stats.deadlines) {
    const bool any = d.late_by.count > 0;
    deadlines.add({d.workflow, d.deadline, std::to_string(d.on_time.met),
                   std::to_string(d.on_time.missed), std::to_string(d.on_time.running),
                   std::to_string(d.on_time.running_late), percent(d.on_time),
                   std::to_string(d.extended),
                   any ? fmt::format("{}/{}", days(d.late_by.median, d.unit, true),
                                     days(d.late_by.max, d.unit, true))
                       : "-"});
  }
  out += deadlines.empty() ? none : deadlines.str();

  add_heading(out, tr("Extensions granted"));
  Table extensions(
      {tr("WORKFLOW"), tr("DEADLINE"), tr("BY AGENCY"), tr("BY"), tr("COUNT"), tr("DAYS ADDED")});
  for (const auto& e : stats.extensions) {
    extensions.add({e.workflow, e.deadline, e.agency, e.actor, std::to_string(e.count),
                    std::to_string(e.days)});
  }
  out += extensions.empty() ? none : extensions.str();

  add_heading(out, tr("Per month: started, finished (final step reached), stopped"));
  Table months({tr("MONTH"), tr("WORKFLOW"), tr("STARTED"), tr("FINISHED"), tr("STOPPED")});
  for (const auto& m : stats.throughput) {
    months.add({month_text(m.month), m.workflow, std::to_string(m.started),
                std::to_string(m.finished), std::to_string(m.stopped)});
  }
  out += months.empty() ? none : months.str();

  out += '\n';
  out += tr("Open dossiers by age (since started):");
  out += ' ';
  for (std::size_t i = 0; i < stats.open_by_age.size(); ++i) {
    const auto& band = stats.open_by_age[i];
    out += fmt::format("{}{}: {}", i == 0 ? "" : ", ", age_band_text(band.from_days, band.to_days),
                       band.count);
  }
  out += "\n";

  const auto& tt = stats.targets_total;
  add_heading(out, trf("The Governor's targets: met {}, missed {}, running {} ({} late)", tt.met,
                       tt.missed, tt.running, tt.running_late));
  Table targets({tr("ID"), tr("SET ON"), tr("DUE"), tr("OUTCOME"), tr("TITLE")});
  targets.limit(4, 40);
  for (const auto& t : stats.targets) {
    targets.add({t.id, date_text(t.set_on), t.due ? date_text(*t.due) : "-",
                 target_margin_text(deadline::status_name(t.status), t.margin), t.title});
  }
  if (!targets.empty()) out += targets.str();

  for (const auto& [id, reason] : stats.skipped) {
    out += trf("left out: {}: {}", id, words(reason)) + "\n";
  }
  return out;
}

nlohmann::json stats_json(const report::Stats& stats) {
  nlohmann::json j;
  j["as_of"] = time::format_date(stats.as_of);
  j["from"] =
      stats.filter.from ? nlohmann::json(time::format_date(*stats.filter.from)) : nlohmann::json();
  j["workflow"] =
      stats.filter.workflow.empty() ? nlohmann::json() : nlohmann::json(stats.filter.workflow);
  j["agency"] =
      stats.filter.agency.empty() ? nlohmann::json() : nlohmann::json(stats.filter.agency);
  j["dossiers"] = stats.dossiers;
  j["steps"] = nlohmann::json::array();
  for (const auto& s : stats.steps) {
    j["steps"].push_back({{"workflow", s.workflow},
                          {"step", s.step},
                          {"title", s.title},
                          {"unit", time::unit_name(s.unit)},
                          {"time", summary_json(s.time)},
                          {"at_step_now", s.at_step_now},
                          {"limit", s.has_limit ? on_time_json(s.limit) : nlohmann::json()}});
  }
  j["agencies"] = nlohmann::json::array();
  for (const auto& a : stats.agencies) {
    j["agencies"].push_back({{"agency", a.agency},
                             {"unit", time::unit_name(a.unit)},
                             {"time", summary_json(a.time)},
                             {"holding_now", a.holding_now}});
  }
  j["on_time_by_agency"] = nlohmann::json::object();
  for (const auto& [agency, t] : stats.on_time_by_agency) {
    j["on_time_by_agency"][agency] = on_time_json(t);
  }
  j["deadlines"] = nlohmann::json::array();
  for (const auto& d : stats.deadlines) {
    j["deadlines"].push_back({{"workflow", d.workflow},
                              {"deadline", d.deadline},
                              {"title", d.title},
                              {"unit", time::unit_name(d.unit)},
                              {"on_time", on_time_json(d.on_time)},
                              {"extended", d.extended},
                              {"late_by", summary_json(d.late_by)}});
  }
  j["extensions"] = nlohmann::json::array();
  for (const auto& e : stats.extensions) {
    j["extensions"].push_back({{"workflow", e.workflow},
                               {"deadline", e.deadline},
                               {"agency", e.agency},
                               {"by", e.actor},
                               {"count", e.count},
                               {"days", e.days}});
  }
  j["throughput"] = nlohmann::json::array();
  for (const auto& m : stats.throughput) {
    j["throughput"].push_back({{"month", m.month},
                               {"workflow", m.workflow},
                               {"started", m.started},
                               {"finished", m.finished},
                               {"stopped", m.stopped}});
  }
  j["open_by_age"] = nlohmann::json::array();
  for (const auto& b : stats.open_by_age) {
    j["open_by_age"].push_back(
        {{"label", b.label},
         {"from_days", b.from_days},
         {"to_days", b.to_days < 0 ? nlohmann::json() : nlohmann::json(b.to_days)},
         {"count", b.count}});
  }
  j["targets"] = on_time_json(stats.targets_total);
  j["targets"]["dossiers"] = nlohmann::json::array();
  for (const auto& t : stats.targets) {
    j["targets"]["dossiers"].push_back(
        {{"id", t.id},
         {"workflow", t.workflow},
         {"title", t.title},
         {"set_on", time::format_date(t.set_on)},
         {"due", t.due ? nlohmann::json(time::format_date(*t.due)) : nlohmann::json()},
         {"status", deadline::status_name(t.status)},
         {"margin", t.margin}});
  }
  j["skipped"] = nlohmann::json::array();
  for (const auto& [id, reason] : stats.skipped) {
    j["skipped"].push_back({{"id", id}, {"reason", model::english(reason)}});
  }
  return j;
}

std::vector<std::string> stats_sheet_names() {
  return {"langkah",      "instansi",  "tepat-waktu", "tenggat",
          "perpanjangan", "per-bulan", "umur",        "target"};
}

std::vector<Sheet> stats_sheets(const report::Stats& stats) {
  using K = CellKind;
  const auto names = stats_sheet_names();
  std::vector<Sheet> sheets;

  Sheet steps{names[0],
              {{tr("workflow"), K::Text, 11},
               {tr("step"), K::Text, 24},
               {tr("title"), K::Text, 40},
               {tr("unit"), K::Text, 10},
               {tr("stays"), K::Number, 8},
               {tr("median"), K::Number, 8},
               {tr("p90"), K::Number, 8},
               {tr("max"), K::Number, 8},
               {tr("at step now"), K::Number, 11},
               {tr("limit met"), K::Number, 10},
               {tr("limit missed"), K::Number, 12},
               {tr("late now"), K::Number, 9},
               {tr("on time"), K::Percent, 9}},
              {}};
  for (const auto& s : stats.steps) {
    steps.rows.push_back(
        {{s.workflow, s.step, s.title, unit_text(s.unit), number(s.time.count),
          summary_cell(s.time.median, s.time), summary_cell(s.time.p90, s.time),
          summary_cell(s.time.max, s.time), number(s.at_step_now),
          s.has_limit ? number(s.limit.met) : Cell{}, s.has_limit ? number(s.limit.missed) : Cell{},
          s.has_limit ? number(s.limit.running_late) : Cell{},
          s.has_limit ? rate_cell(s.limit) : Cell{}},
         s.late() > 0});
  }
  sheets.push_back(std::move(steps));

  Sheet agencies{names[1],
                 {{tr("agency"), K::Text, 22},
                  {tr("unit"), K::Text, 10},
                  {tr("stays"), K::Number, 8},
                  {tr("median"), K::Number, 8},
                  {tr("p90"), K::Number, 8},
                  {tr("max"), K::Number, 8},
                  {tr("holding now"), K::Number, 11}},
                 {}};
  for (const auto& a : stats.agencies) {
    agencies.rows.push_back({{a.agency, unit_text(a.unit), number(a.time.count),
                              summary_cell(a.time.median, a.time), summary_cell(a.time.p90, a.time),
                              summary_cell(a.time.max, a.time), number(a.holding_now)},
                             false});
  }
  sheets.push_back(std::move(agencies));

  Sheet on_time{names[2],
                {{tr("agency"), K::Text, 22},
                 {tr("limits met"), K::Number, 10},
                 {tr("limits missed"), K::Number, 13},
                 {tr("running"), K::Number, 9},
                 {tr("late now"), K::Number, 9},
                 {tr("on time"), K::Percent, 9}},
                {}};
  for (const auto& [agency, t] : stats.on_time_by_agency) {
    on_time.rows.push_back({{agency, number(t.met), number(t.missed), number(t.running),
                             number(t.running_late), rate_cell(t)},
                            t.missed + t.running_late > 0});
  }
  sheets.push_back(std::move(on_time));

  Sheet deadlines{names[3],
                  {{tr("workflow"), K::Text, 11},
                   {tr("deadline"), K::Text, 28},
                   {tr("title"), K::Text, 40},
                   {tr("unit"), K::Text, 10},
                   {tr("met"), K::Number, 7},
                   {tr("missed"), K::Number, 8},
                   {tr("running"), K::Number, 8},
                   {tr("late now"), K::Number, 9},
                   {tr("on time"), K::Percent, 9},
                   {tr("extended"), K::Number, 9},
                   {tr("late by median"), K::Number, 14},
                   {tr("late by max"), K::Number, 12}},
                  {}};
  for (const auto& d : stats.deadlines) {
    deadlines.rows.push_back(
        {{d.workflow, d.deadline, d.title, unit_text(d.unit), number(d.on_time.met),
          number(d.on_time.missed), number(d.on_time.running), number(d.on_time.running_late),
          rate_cell(d.on_time), number(d.extended), summary_cell(d.late_by.median, d.late_by),
          summary_cell(d.late_by.max, d.late_by)},
         d.on_time.missed + d.on_time.running_late > 0});
  }
  sheets.push_back(std::move(deadlines));

  Sheet extensions{names[4],
                   {{tr("workflow"), K::Text, 11},
                    {tr("deadline"), K::Text, 28},
                    {tr("agency"), K::Text, 22},
                    {tr("by"), K::Text, 14},
                    {tr("count"), K::Number, 8},
                    {tr("days added"), K::Number, 11}},
                   {}};
  for (const auto& e : stats.extensions) {
    extensions.rows.push_back(
        {{e.workflow, e.deadline, e.agency, e.actor, number(e.count), number(e.days)}, false});
  }
  sheets.push_back(std::move(extensions));

  Sheet months{names[5],
               {{tr("month"), K::Text, 9},
                {tr("workflow"), K::Text, 11},
                {tr("started"), K::Number, 9},
                {tr("finished"), K::Number, 9},
                {tr("stopped"), K::Number, 9}},
               {}};
  for (const auto& m : stats.throughput) {
    months.rows.push_back(
        {{m.month, m.workflow, number(m.started), number(m.finished), number(m.stopped)}, false});
  }
  sheets.push_back(std::move(months));

  Sheet ages{names[6], {{tr("age"), K::Text, 14}, {tr("open dossiers"), K::Number, 14}}, {}};
  for (const auto& b : stats.open_by_age) {
    ages.rows.push_back({{age_band_text(b.from_days, b.to_days), number(b.count)}, false});
  }
  sheets.push_back(std::move(ages));

  Sheet targets{names[7],
                {{tr("id"), K::Text, 18},
                 {tr("workflow"), K::Text, 11},
                 {tr("title"), K::Text, 48},
                 {tr("set on"), K::Date, 11},
                 {tr("due date"), K::Date, 11},
                 {tr("status"), K::Text, 10},
                 {tr("hari to spare (late if negative)"), K::Number, 16}},
                {}};
  for (const auto& t : stats.targets) {
    targets.rows.push_back({{t.id, t.workflow, t.title, t.set_on, optional_date(t.due),
                             status_words(deadline::status_name(t.status)),
                             t.status == deadline::Status::Paused ? Cell{} : number(t.margin)},
                            target_late(t)});
  }
  sheets.push_back(std::move(targets));
  return sheets;
}

}  // namespace regflow::cli::render
