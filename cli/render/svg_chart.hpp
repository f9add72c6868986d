// Charts as SVG text, drawn on the server: horizontal bars (late dossiers per agency) and lines
// over months (started and finished). Pure functions of their data, with every text escaped, so
// that `regflow stats --format svg` and the web's statistics page draw the same picture; no
// script, no fonts to fetch, and readable in print (black text, series told apart by dash as
// well as colour).
#pragma once

#include <string>
#include <vector>

namespace regflow::cli::render {

struct Bar {
  std::string label;
  double value = 0;
};

struct BarChart {
  std::string title;
  std::string unit;  ///< what a value counts, e.g. "dossiers"
  std::vector<Bar> bars;  ///< drawn top to bottom in this order
  int label_width = 180;  ///< pixels left of the bars for their labels (right-aligned)
};

struct Series {
  std::string name;
  std::vector<double> values;  ///< one per x label; missing values are 0
};

struct LineChart {
  std::string title;
  std::vector<std::string> x_labels;  ///< e.g. months "2021-01"
  std::vector<Series> series;
};

/// A standalone <svg> element `width` pixels wide (its height follows the bars).
std::string bar_chart_svg(const BarChart& chart, int width = 640);

/// A standalone <svg> element of `width` × `height` pixels.
std::string line_chart_svg(const LineChart& chart, int width = 640, int height = 320);

/// The height bar_chart_svg gives a chart of `bars` bars.
int bar_chart_height(std::size_t bars);

}  // namespace regflow::cli::render
