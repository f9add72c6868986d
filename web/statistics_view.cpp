#include "web/statistics_view.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "cli/render/dates.hpp"
#include "cli/render/stats.hpp"
#include "cli/render/translate.hpp"
#include "engine/time/date.hpp"
#include "web/views.hpp"
#include "web/words.hpp"

namespace regflow::web {
namespace {

// A figure that may be absent (a median of no stays is null in the JSON): a dash then.
std::string figure(const nlohmann::json& value) {
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  return "–";
}

std::string percent(const nlohmann::json& on_time) {
  const auto& rate = on_time["on_time_rate"];
  if (!rate.is_number()) return "–";
  return fmt::format("{}%", std::lround(rate.get<double>() * 100));
}

int late_count(const nlohmann::json& on_time) {
  return on_time.value("missed", 0) + on_time.value("running_late", 0);
}

// The summary's four figures, for a table row.
void add_summary(nlohmann::json& row, const nlohmann::json& time) {
  row["count"] = time.value("count", 0);
  row["median"] = figure(time["median"]);
  row["p90"] = figure(time["p90"]);
  row["max"] = figure(time["max"]);
}

void add_on_time(nlohmann::json& row, const nlohmann::json& on_time) {
  row["met"] = on_time.value("met", 0);
  row["missed"] = on_time.value("missed", 0);
  row["running"] = on_time.value("running", 0);
  row["running_late"] = on_time.value("running_late", 0);
  row["rate"] = percent(on_time);
  row["late"] = late_count(on_time) > 0;
}

// The law's unit ("hari", "hari kerja", as the JSON names it) in the page's language.
std::string unit_words(const nlohmann::json& unit) {
  const std::string name = unit.is_string() ? unit.get<std::string>() : "hari";
  if (name == "hari kerja") return cli::render::tr("working days");
  if (name == "hari") return cli::render::tr("days");
  return name;
}

// A date of the JSON ("2021-02-15") as a table cell of the page's language; "–" when absent.
std::string date_cell(const nlohmann::json& value) {
  if (!value.is_string()) return "–";
  const auto date = time::parse_date(value.get<std::string>());
  return date ? cli::render::date_text(*date) : value.get<std::string>();
}

std::string age_band(const nlohmann::json& band) {
  return cli::render::age_band_text(band.value("from_days", 0), band["to_days"].is_number_integer()
                                                                    ? band["to_days"].get<int>()
                                                                    : -1);
}

}  // namespace

nlohmann::json statistics_view(const nlohmann::json& stats,
                               const model::AgencyDirectory& agencies) {
  nlohmann::json view;
  view["as_of"] = stats.value("as_of", "");
  view["dossiers"] = stats.value("dossiers", 0);
  if (stats["from"].is_string()) {
    const auto from = time::parse_date(stats["from"].get<std::string>());
    view["from"] = from ? cli::render::long_date_text(*from) : stats["from"].get<std::string>();
  }
  view["workflow"] = stats["workflow"];
  if (stats["agency"].is_string()) view["agency_name"] = agencies.name_of(stats["agency"]);

  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : stats["steps"]) {
    nlohmann::json row{{"workflow", s["workflow"]},
                       {"step", s["step"]},
                       {"title", s["title"]},
                       {"unit", unit_words(s["unit"])},
                       {"at_step_now", s["at_step_now"]}};
    add_summary(row, s["time"]);
    row["has_limit"] = s["limit"].is_object();
    if (s["limit"].is_object()) add_on_time(row, s["limit"]);
    steps.push_back(std::move(row));
  }
  view["steps"] = steps;

  nlohmann::json held = nlohmann::json::array();
  for (const auto& a : stats["agencies"]) {
    nlohmann::json row{{"agency", a["agency"]},
                       {"name", agencies.name_of(a.value("agency", ""))},
                       {"unit", unit_words(a["unit"])},
                       {"holding_now", a["holding_now"]}};
    add_summary(row, a["time"]);
    held.push_back(std::move(row));
  }
  view["agencies"] = held;

  nlohmann::json on_time = nlohmann::json::array();
  for (const auto& [code, t] : stats["on_time_by_agency"].items()) {
    nlohmann::json row{{"agency", code}, {"name", agencies.name_of(code)}};
    add_on_time(row, t);
    on_time.push_back(std::move(row));
  }
  view["on_time_by_agency"] = on_time;

  std::map<std::pair<std::string, std::string>, std::string> units;
  nlohmann::json deadlines = nlohmann::json::array();
  for (const auto& d : stats["deadlines"]) {
    units[{d.value("workflow", ""), d.value("deadline", "")}] = d.value("unit", "");
    nlohmann::json row{{"workflow", d["workflow"]},
                       {"deadline", d["deadline"]},
                       {"title", d["title"]},
                       {"unit", unit_words(d["unit"])},
                       {"extended", d["extended"]},
                       {"late_by_median", figure(d["late_by"]["median"])},
                       {"late_by_max", figure(d["late_by"]["max"])}};
    add_on_time(row, d["on_time"]);
    deadlines.push_back(std::move(row));
  }
  view["deadlines"] = deadlines;

  nlohmann::json extensions = nlohmann::json::array();
  for (const auto& e : stats["extensions"]) {
    auto unit = units.find({e.value("workflow", ""), e.value("deadline", "")});
    extensions.push_back(
        {{"workflow", e["workflow"]},
         {"deadline", e["deadline"]},
         {"name", agencies.name_of(e.value("agency", ""))},
         {"by", e["by"]},
         {"count", e["count"]},
         {"days", e["days"]},
         {"unit", unit_words(unit == units.end() ? nlohmann::json("hari")
                                                 : nlohmann::json(unit->second))}});
  }
  view["extensions"] = extensions;

  view["throughput"] = stats["throughput"];
  for (auto& row : view["throughput"]) {
    row["month"] = cli::render::month_text(row.value("month", ""));
  }
  view["open_by_age"] = nlohmann::json::array();
  for (const auto& band : stats["open_by_age"]) {
    view["open_by_age"].push_back({{"label", age_band(band)}, {"count", band["count"]}});
  }

  const auto& targets = stats["targets"];
  nlohmann::json target_totals;
  add_on_time(target_totals, targets);
  view["target_totals"] = target_totals;
  nlohmann::json target_rows = nlohmann::json::array();
  for (const auto& t : targets["dossiers"]) {
    const std::string status = t.value("status", "");
    target_rows.push_back(
        {{"id", t["id"]},
         {"workflow", t["workflow"]},
         {"title", t["title"]},
         {"set_on", date_cell(t["set_on"])},
         {"due", date_cell(t["due"])},
         {"status_words", words::status(status)},
         {"status_class", words::status_class(status)},
         {"margin_words", cli::render::target_margin_text(status, t.value("margin", 0))},
         {"late", status == "missed" || status == "overdue"}});
  }
  view["targets"] = target_rows;
  view["skipped"] = stats["skipped"];
  for (const char* table : {"steps", "agencies", "on_time_by_agency", "deadlines", "extensions",
                            "throughput", "targets", "skipped"}) {
    view[std::string("has_") + table] = !view[table].empty();
  }
  return view;
}

}  // namespace regflow::web
