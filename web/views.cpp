#include "web/views.hpp"

#include <fmt/format.h>

#include "cli/render/dates.hpp"
#include "cli/render/translate.hpp"
#include "web/words.hpp"

namespace regflow::web {
namespace {

std::optional<int> days_of(const nlohmann::json& value) {
  if (value.is_number_integer()) return value.get<int>();
  return std::nullopt;
}

nlohmann::json pairs(const nlohmann::json& object, const char* key_name, const char* value_name) {
  nlohmann::json out = nlohmann::json::array();
  if (!object.is_object()) return out;
  for (const auto& [key, value] : object.items()) {
    out.push_back({{key_name, key},
                   {value_name, value.is_string() ? value.get<std::string>() : value.dump()}});
  }
  return out;
}

// A date of the --json shape ("2021-02-15") as the page's language writes it.
void shown_date(nlohmann::json& object, const char* key) {
  if (!object.contains(key) || !object[key].is_string()) return;
  if (const auto date = time::parse_date(object[key].get<std::string>())) {
    object[key] = cli::render::date_text(*date);
  }
}

void shown_long_date(nlohmann::json& object, const char* key) {
  if (!object.contains(key) || !object[key].is_string()) return;
  if (const auto date = time::parse_date(object[key].get<std::string>())) {
    object[key] = cli::render::long_date_text(*date);
  }
}

// An event's type (the --json name) in words; spelt out for the catalog check.
std::string event_type_words(const std::string& type) {
  using cli::render::tr;
  if (type == "started") return tr("started");
  if (type == "action") return tr("action");
  if (type == "signed") return tr("signed");
  if (type == "extended") return tr("extended");
  if (type == "reminder") return tr("reminder");
  if (type == "escalated") return tr("escalated");
  if (type == "auto-transition") return tr("automatic transition");
  if (type == "imported") return tr("imported");
  return type;
}

// What a timer does (the --json words "remind", "escalate", "move to STEP") in words.
std::string timer_does_words(const std::string& does) {
  using cli::render::tr;
  if (does == "remind") return tr("remind");
  if (does == "escalate") return tr("escalate");
  if (does.rfind("move to ", 0) == 0) return cli::render::trf("move to {}", does.substr(8));
  return does;
}

}  // namespace

nlohmann::json board_view(nlohmann::json board, const model::AgencyDirectory& agencies) {
  for (auto& d : board["dossiers"]) {
    const std::string status = d.value("status", "no deadline");
    const std::string unit =
        d.contains("deadline") ? d["deadline"].value("unit", std::string("hari")) : "hari";
    d["status_words"] = words::status(status);
    d["status_class"] = words::status_class(status);
    d["days_words"] = words::days(status, days_of(d["days_left"]), unit);
    // "terlambat" once: the badge only when the days do not already say the status.
    d["show_badge"] =
        d["days_words"].get<std::string>().rfind(d["status_words"].get<std::string>(), 0) != 0;
    d["held_by_name"] = agencies.name_of(d.value("held_by", ""));
    const std::string escalated = d.value("escalated_to", "");
    if (!escalated.empty()) d["escalated_to_name"] = agencies.name_of(escalated);
    if (d.contains("deadline") && d["deadline"].is_object()) shown_date(d["deadline"], "due");
  }
  shown_long_date(board, "as_of");
  nlohmann::json totals = nlohmann::json::array();
  for (const auto& [status, count] : board["totals"].items()) {
    totals.push_back({{"status", status},
                      {"status_words", words::status(status)},
                      {"status_class", words::status_class(status)},
                      {"count", count}});
  }
  board["totals_list"] = totals;
  nlohmann::json late = nlohmann::json::array();
  for (const auto& [code, count] : board["late_by_agency"].items()) {
    late.push_back({{"agency", code}, {"name", agencies.name_of(code)}, {"count", count}});
  }
  board["late_list"] = late;
  board["any_late"] = !late.empty();
  board["empty"] = board["dossiers"].empty();
  return board;
}

std::string local_time_text(const std::string& at_utc, time::UtcOffset offset) {
  const auto at = time::parse_instant(at_utc, time::UtcOffset{});
  return at ? cli::render::date_time_text(*at, offset) : at_utc;
}

nlohmann::json dossier_view(nlohmann::json d, const nlohmann::json& events, time::UtcOffset offset,
                            const model::AgencyDirectory& agencies) {
  d["held_by_name"] = agencies.name_of(d.value("held_by", ""));
  d["escalated_to_name"] = agencies.name_of(d.value("escalated_to", ""));
  bool late = false;
  for (auto& deadline : d["deadlines"]) {
    const std::string status = deadline.value("status", "");
    deadline["status_words"] = words::status(status);
    deadline["status_class"] = words::status_class(status);
    deadline["days_words"] =
        words::days(status, days_of(deadline["days_left"]), deadline.value("unit", "hari"));
    deadline["show_badge"] = deadline["days_words"].get<std::string>().rfind(
                                 deadline["status_words"].get<std::string>(), 0) != 0;
    late = late || status == "overdue";
    shown_date(deadline, "due");
    shown_date(deadline, "computed_due");
  }
  d["late"] = late;
  d["has_timers"] = d.contains("timers") && !d["timers"].empty();
  if (d["has_timers"].get<bool>()) {
    for (auto& timer : d["timers"]) {
      timer["does"] = timer_does_words(timer.value("does", ""));
      shown_date(timer, "fires_on");
    }
  }
  d["bindings_list"] = pairs(d["bindings"], "role", "agency");
  for (auto& binding : d["bindings_list"]) {
    binding["agency_name"] = agencies.name_of(binding["agency"].get<std::string>());
  }
  d["signatures_list"] = pairs(d["signatures"], "agency", "user");
  d["has_signoff"] = !d["signatures_list"].empty() || !d["pending_signers"].empty();
  nlohmann::json history = nlohmann::json::array();
  for (const auto& e : events) {
    nlohmann::json item = e;
    item["when"] = local_time_text(e.value("at", ""), offset);
    item["type"] = event_type_words(e.value("type", ""));
    const std::string from = e.value("from", "");
    const std::string to = e.value("to", "");
    item["moved"] = !to.empty() && from != to;
    history.push_back(std::move(item));
  }
  d["history"] = history;
  return d;
}

}  // namespace regflow::web
