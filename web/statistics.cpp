// The Statistik page: the figures of `regflow stats` for the governor's office, with its
// filters as a GET form, the two charts drawn on the server (cli/render/stats_charts) inline,
// and links to the same figures as CSV and XLSX.
#include "web/statistics.hpp"

#include <fmt/format.h>

#include <vector>

#include "cli/render/refusal.hpp"
#include "cli/render/stats.hpp"
#include "cli/render/stats_charts.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/statistics.hpp"
#include "engine/model/spelling.hpp"
#include "engine/time/date_input.hpp"
#include "web/handlers.hpp"
#include "web/http_message.hpp"
#include "web/statistics_view.hpp"
#include "web/views.hpp"
#include "web/web_app.hpp"
#include "web/words.hpp"

namespace regflow::web {
namespace {

// Narrow enough that the charts' 11-12 px text stays legible when a phone scales them to its
// width, and two fit side by side on an A4 landscape page.
constexpr int kChartWidth = 560;

// At most `count` characters (code points) of `text`: when it has more, the first count - 1
// and an ellipsis.
std::string shortened(const std::string& text, std::size_t count) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  if (starts.size() <= count) return text;
  return text.substr(0, starts[count - 1]) + "…";
}

std::optional<time::Date> date_of(Call& call, const char* name, const char* option,
                                  std::string& problem) {
  const std::string text = call.query(name);
  if (text.empty()) return std::nullopt;
  const auto date = time::parse_date_input(text);
  if (!date) {
    problem =
        cli::render::trf("{} '{}' is not a date; expected DD/MM/YYYY or YYYY-MM-DD", option, text);
  } else if (!time::is_accepted(*date)) {
    problem = cli::render::trf("{} '{}' is outside the dates regflow accepts ({})", option, text,
                               cli::render::words(time::accepted_range()));
  }
  return problem.empty() ? date : std::nullopt;
}

nlohmann::json filter_choices(Call& call, const report::StatsFilter& filter) {
  const auto& config = call.app.config();
  nlohmann::json agencies = nlohmann::json::array();
  for (const auto& [code, agency] : config.agencies.all()) {
    agencies.push_back(
        {{"code", code}, {"name", agency.name}, {"selected", code == filter.agency}});
  }
  nlohmann::json workflows = nlohmann::json::array();
  for (const auto& w : config.workflows) {
    workflows.push_back(
        {{"name", w.name}, {"title", w.title}, {"selected", w.name == filter.workflow}});
  }
  return {{"agencies", agencies},
          {"workflows", workflows},
          {"from", filter.from ? time::format_date(*filter.from) : ""},
          {"to", filter.to ? time::format_date(*filter.to) : ""}};
}

}  // namespace

std::optional<report::StatsFilter> stats_query(Call& call, std::string& problem) {
  const auto& config = call.app.config();
  report::StatsFilter filter;
  filter.workflow = call.query("workflow");
  filter.agency = call.query("agency");
  if (!filter.workflow.empty() && config.find(filter.workflow) == nullptr) {
    problem = cli::render::unknown_workflow_text(filter.workflow, config.workflow_names());
    return std::nullopt;
  }
  if (!filter.agency.empty() && !config.agencies.contains(filter.agency)) {
    problem = cli::render::unknown_agency_text(filter.agency, config.agencies.codes());
    return std::nullopt;
  }
  filter.from = date_of(call, "from", "--from", problem);
  if (!problem.empty()) return std::nullopt;
  filter.to = date_of(call, "to", "--to", problem);
  if (!problem.empty()) return std::nullopt;
  if (filter.from && filter.to && *filter.from > *filter.to) {
    problem = cli::render::trf("--from {} is after --to {}; give a period that runs forward",
                               time::format_date(*filter.from), time::format_date(*filter.to));
    return std::nullopt;
  }
  return filter;
}

report::Stats stats_for(Call& call, const report::StatsFilter& filter) {
  return app::statistics(call.app.config(), call.store(), filter, call.today);
}

std::string stats_query_string(const report::StatsFilter& filter) {
  std::string out;
  auto add = [&out](const char* name, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += '&';
    out += name;
    out += '=';
    out += percent_encode(value);
  };
  add("workflow", filter.workflow);
  add("agency", filter.agency);
  add("from", filter.from ? time::format_date(*filter.from) : "");
  add("to", filter.to ? time::format_date(*filter.to) : "");
  return out;
}

Response statistics_page(Call& call) {
  std::string problem;
  const auto filter = stats_query(call, problem);
  if (!filter) return call.error(400, problem);
  // The view holds words (the charts, the units, the months), so each language has its own.
  const std::string key = "stats\n" + stats_query_string(*filter) + "\n" +
                          time::format_date(call.today) + "\n" +
                          cli::render::language_code(cli::render::current_language());
  nlohmann::json view = call.app.cached(key, [&call, &filter] {
    const auto stats = stats_for(call, *filter);
    const auto& agencies = call.app.config().agencies;
    nlohmann::json out = statistics_view(cli::render::stats_json(stats), agencies);
    // Why a dossier was left out, in the reader's words (the JSON keeps the English text).
    for (std::size_t i = 0; i < stats.skipped.size(); ++i) {
      out["skipped"][i]["reason"] = cli::render::words(stats.skipped[i].second);
    }
    auto bars = cli::render::late_by_agency_chart(stats);
    // Names, shortened to what the labels' room holds: they start with what tells agencies
    // apart ("Biro Hukum …", "Dinas Koperasi …"); the tables below give them whole.
    bars.label_width = 200;
    for (auto& bar : bars.bars) bar.label = shortened(agencies.name_of(bar.label), 30);
    const auto months = cli::render::monthly_chart(stats);
    // The charts are SVG text made by cli/render/svg_chart, every value in it escaped there:
    // the template inserts it as markup.
    out["chart_agencies"] = cli::render::bar_chart_svg(bars, kChartWidth);
    out["chart_months"] = cli::render::line_chart_svg(months, kChartWidth, 300);
    return out;
  });
  view["filters"] = filter_choices(call, *filter);
  view["filtered"] = !call.target.query.empty();
  view["printed_at"] = words::as_of_moment(view.value("as_of", ""), call.today, call.now,
                                           call.app.config().settings.offset);
  const std::string query = stats_query_string(*filter);
  view["download_query"] = query.empty() ? "" : "&" + query;
  view["page_title"] = cli::render::tr("Statistics");
  return call.page("statistics", std::move(view));
}

}  // namespace regflow::web
