#include "cli/render/stats_charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "cli/render/dates.hpp"
#include "cli/render/markup_escape.hpp"
#include "cli/render/translate.hpp"

namespace regflow::cli::render {

BarChart late_by_agency_chart(const report::Stats& stats) {
  BarChart chart;
  chart.title = tr("Step deadlines missed or running late, by agency");
  chart.unit = tr("late");
  for (const auto& [agency, t] : stats.on_time_by_agency) {
    const int late = t.missed + t.running_late;
    if (late > 0) chart.bars.push_back({agency, static_cast<double>(late)});
  }
  std::stable_sort(chart.bars.begin(), chart.bars.end(),
                   [](const Bar& a, const Bar& b) { return a.value > b.value; });
  return chart;
}

LineChart monthly_chart(const report::Stats& stats) {
  std::map<std::string, std::array<double, 3>> months;
  for (const auto& m : stats.throughput) {
    auto& row = months[m.month];
    row[0] += m.started;
    row[1] += m.finished;
    row[2] += m.stopped;
  }
  LineChart chart;
  chart.title = tr("Dossiers per month");
  chart.series = {{tr("started"), {}}, {tr("finished"), {}}, {tr("stopped"), {}}};
  if (months.empty()) return chart;
  // Every month from the first to the last, quiet ones at zero, so that the x axis is time.
  int year = std::stoi(months.begin()->first.substr(0, 4));
  int month = std::stoi(months.begin()->first.substr(5, 2));
  const std::string last = months.rbegin()->first;
  for (;;) {
    const std::string label = fmt::format("{:04}-{:02}", year, month);
    const auto it = months.find(label);
    chart.x_labels.push_back(month_text(label, true));
    for (std::size_t s = 0; s < 3; ++s) {
      chart.series[s].values.push_back(it == months.end() ? 0.0 : it->second[s]);
    }
    if (label >= last) break;
    if (++month == 13) {
      month = 1;
      ++year;
    }
  }
  return chart;
}

std::string stats_charts_svg(const report::Stats& stats) {
  constexpr int kWidth = 720;
  constexpr int kLineHeight = 320;
  constexpr int kHeading = 36;
  const BarChart bars = late_by_agency_chart(stats);
  const int bar_height = bar_chart_height(bars.bars.size());
  const int height = kHeading + bar_height + 16 + kLineHeight;
  std::string heading = trf("regflow statistics, as of {}", date_text(stats.as_of));
  if (!stats.filter.workflow.empty()) heading += trf(", workflow {}", stats.filter.workflow);
  if (!stats.filter.agency.empty()) heading += trf(", agency {}", stats.filter.agency);
  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\">\n<title>{2}</title>\n"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"#fff\"/>\n"
      "<text x=\"12\" y=\"24\" font-size=\"17\" font-weight=\"bold\" font-family=\"sans-serif\" "
      "fill=\"#000\">{2}</text>\n",
      kWidth, height, markup_escape(heading));
  auto place = [](const std::string& svg, int y) {
    // A nested <svg> is placed by its x and y attributes.
    return "<svg x=\"0\" y=\"" + std::to_string(y) + "\"" + svg.substr(4);
  };
  out += place(bar_chart_svg(bars, kWidth), kHeading);
  out +=
      place(line_chart_svg(monthly_chart(stats), kWidth, kLineHeight), kHeading + bar_height + 16);
  out += "</svg>\n";
  return out;
}

}  // namespace regflow::cli::render
