#include "cli/render/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli/render/markup_escape.hpp"
#include "cli/render/translate.hpp"

namespace regflow::cli::render {
namespace {

constexpr int kTitleHeight = 28;
constexpr int kBarHeight = 20;
constexpr int kBarGap = 6;
constexpr int kMargin = 12;
// Colours that stay apart in grey print; lines also differ by dash.
constexpr const char* kSeriesColours[] = {"#1f4e79", "#c55a11", "#548235", "#7030a0"};
constexpr const char* kSeriesDashes[] = {"", "6 3", "2 3", "8 3 2 3"};
constexpr const char* kFont = "font-family=\"sans-serif\" fill=\"#000\"";

std::string number_text(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9)
    return fmt::format("{}", static_cast<long long>(std::llround(v)));
  return fmt::format("{:.1f}", v);
}

// A round step for about `ticks` gridlines up to `max`: 1, 2 or 5 times a power of ten.
double nice_step(double max, int ticks) {
  if (max <= 0) return 1;
  const double raw = max / ticks;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= m * power) return std::max(1.0, m * power);
  }
  return std::max(1.0, 10 * power);
}

std::string open_svg(int width, int height, const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\">\n<title>{2}</title>\n"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"#fff\"/>\n"
      "<text x=\"{3}\" y=\"20\" font-size=\"15\" font-weight=\"bold\" {4}>{2}</text>\n",
      width, height, markup_escape(title), kMargin, kFont);
}

}  // namespace

int bar_chart_height(std::size_t bars) {
  const int rows = static_cast<int>(std::max<std::size_t>(bars, 1));
  return kTitleHeight + kMargin + rows * (kBarHeight + kBarGap) + 24;
}

std::string bar_chart_svg(const BarChart& chart, int width) {
  const int height = bar_chart_height(chart.bars.size());
  std::string out = open_svg(width, height, chart.title);
  const int plot_left = chart.label_width + kMargin;
  const int plot_width = std::max(40, width - plot_left - 2 * kMargin - 30);
  double max = 0;
  for (const auto& bar : chart.bars) max = std::max(max, bar.value);
  const double step = nice_step(max, 4);
  const double top = std::max(step, std::ceil(max / step) * step);
  const int plot_top = kTitleHeight + kMargin;
  const int plot_bottom = height - 24;
  for (double v = 0; v <= top + 1e-9; v += step) {
    const int x = plot_left + static_cast<int>(std::lround(v / top * plot_width));
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#bbb\" stroke-width=\"1\"/>\n"
        "<text x=\"{0}\" y=\"{3}\" font-size=\"11\" text-anchor=\"middle\" {4}>{5}</text>\n",
        x, plot_top - 4, plot_bottom, plot_bottom + 14, kFont, number_text(v));
  }
  if (chart.bars.empty()) {
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" {}>({})</text>\n", plot_left,
                       plot_top + kBarHeight - 5, kFont, markup_escape(tr("none")));
  }
  int y = plot_top;
  for (const auto& bar : chart.bars) {
    const int length = static_cast<int>(std::lround(bar.value / top * plot_width));
    out += fmt::format(
        "<g><title>{0}: {1} {2}</title>"
        "<text x=\"{3}\" y=\"{4}\" font-size=\"12\" text-anchor=\"end\" {5}>{0}</text>"
        "<rect x=\"{6}\" y=\"{7}\" width=\"{8}\" height=\"{9}\" fill=\"{10}\" stroke=\"#000\" "
        "stroke-width=\"0.5\"/>"
        "<text x=\"{11}\" y=\"{4}\" font-size=\"12\" {5}>{1}</text></g>\n",
        markup_escape(bar.label), number_text(bar.value), markup_escape(chart.unit), plot_left - 6,
        y + kBarHeight - 6, kFont, plot_left, y, length, kBarHeight, kSeriesColours[1],
        plot_left + length + 4);
    y += kBarHeight + kBarGap;
  }
  out += "</svg>\n";
  return out;
}

std::string line_chart_svg(const LineChart& chart, int width, int height) {
  std::string out = open_svg(width, height, chart.title);
  const int left = 48;
  const int right = width - 36;  // room for half of the last label
  const int top = kTitleHeight + 24;
  const int bottom = height - 40;
  double max = 0;
  for (const auto& s : chart.series) {
    for (double v : s.values) max = std::max(max, v);
  }
  const double step = nice_step(max, 4);
  const double ceiling = std::max(step, std::ceil(max / step) * step);
  auto y_of = [&](double v) {
    return bottom - static_cast<int>(std::lround(v / ceiling * (bottom - top)));
  };
  const std::size_t n = chart.x_labels.size();
  auto x_of = [&](std::size_t i) {
    if (n <= 1) return (left + right) / 2;
    return left + static_cast<int>(std::lround(static_cast<double>(i) * (right - left) /
                                               static_cast<double>(n - 1)));
  };
  for (double v = 0; v <= ceiling + 1e-9; v += step) {
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#bbb\" stroke-width=\"1\"/>\n"
        "<text x=\"{3}\" y=\"{4}\" font-size=\"11\" text-anchor=\"end\" {5}>{6}</text>\n",
        left, y_of(v), right, left - 6, y_of(v) + 4, kFont, number_text(v));
  }
  // At most about twelve month labels, evenly spread, so that they never overlap.
  const std::size_t every = std::max<std::size_t>(1, (n + 11) / 12);
  for (std::size_t i = 0; i < n; i += every) {
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" {}>{}</text>\n", x_of(i),
        bottom + 16, kFont, markup_escape(chart.x_labels[i]));
  }
  int legend_x = kMargin;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const auto& series = chart.series[s];
    const char* colour = kSeriesColours[s % 4];
    const char* dash = kSeriesDashes[s % 4];
    const std::string dash_attr =
        *dash == '\0' ? std::string{} : fmt::format(" stroke-dasharray=\"{}\"", dash);
    std::string points;
    for (std::size_t i = 0; i < n; ++i) {
      const double v = i < series.values.size() ? series.values[i] : 0;
      points += fmt::format("{}{},{}", i == 0 ? "" : " ", x_of(i), y_of(v));
    }
    out += fmt::format(
        "<g><title>{0}</title><polyline points=\"{1}\" fill=\"none\" stroke=\"{2}\" "
        "stroke-width=\"2\"{3}/>",
        markup_escape(series.name), points, colour, dash_attr);
    for (std::size_t i = 0; i < n; ++i) {
      const double v = i < series.values.size() ? series.values[i] : 0;
      out += fmt::format(
          "<circle cx=\"{}\" cy=\"{}\" r=\"2.5\" fill=\"{}\"><title>{} {}: {}</title></circle>",
          x_of(i), y_of(v), colour, markup_escape(series.name), markup_escape(chart.x_labels[i]),
          number_text(v));
    }
    out += "</g>\n";
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"2\"{4}/>"
        "<text x=\"{5}\" y=\"{6}\" font-size=\"12\" {7}>{8}</text>\n",
        legend_x, height - 12, legend_x + 24, colour, dash_attr, legend_x + 30, height - 8, kFont,
        markup_escape(series.name));
    legend_x += 40 + static_cast<int>(series.name.size()) * 7;
  }
  out += "</svg>\n";
  return out;
}

}  // namespace regflow::cli::render
