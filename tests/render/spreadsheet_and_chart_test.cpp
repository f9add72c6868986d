// The CSV writer against RFC 4180 and the SVG charts' escaping: pure functions of their rows.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "cli/render/csv.hpp"
#include "cli/render/markup_escape.hpp"
#include "cli/render/svg_chart.hpp"
#include "tests/support/dates.hpp"

namespace render = regflow::cli::render;

TEST_CASE("csv fields are quoted only when they must be, quotes doubled", "[render][csv]") {
  CHECK(render::csv_field("biro-hukum") == "biro-hukum");
  CHECK(render::csv_field("Paraf (Asisten, Sekda)") == "\"Paraf (Asisten, Sekda)\"");
  CHECK(render::csv_field("kata \"final\"") == "\"kata \"\"final\"\"\"");
  CHECK(render::csv_field("dua\nbaris") == "\"dua\nbaris\"");
  CHECK(render::csv_field("") == "");
}

TEST_CASE("a csv document has a BOM, a header, CRLF lines, dates as YYYY-MM-DD and empty "
          "missing values",
          "[render][csv]") {
  render::Sheet sheet{"t",
                      {{"id", render::CellKind::Text, 10},
                       {"due", render::CellKind::Date, 10},
                       {"days", render::CellKind::Number, 5}},
                      {}};
  sheet.rows.push_back({{std::string("A, B"), regflow::test::date("2021-01-21"), -25.0}, true});
  sheet.rows.push_back({{std::string("C"), std::monostate{}, 0.5}, false});
  CHECK(render::csv_text(sheet) ==
        "\xEF\xBB\xBFid,due,days\r\n\"A, B\",2021-01-21,-25\r\nC,,0.5\r\n");
}

TEST_CASE("chart texts are escaped, control characters shown as their pictures", "[render][svg]") {
  CHECK(render::markup_escape("a<b>&\"c'`\x01\r") == "a&lt;b&gt;&amp;&quot;c&#39;&#96;\u2401\r");
  render::BarChart chart{"Late <per> agency", "late", {{"biro&hukum", 3}, {"sekda", 1}}};
  const auto svg = render::bar_chart_svg(chart);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("Late &lt;per&gt; agency") != std::string::npos);
  CHECK(svg.find("biro&amp;hukum") != std::string::npos);
  CHECK(svg.find("biro&hukum") == std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  // The longer bar is three times the shorter one (each rounded to a whole pixel).
  const auto width_of = [&](const std::string& label) {
    const auto at = svg.find(label);
    const auto w = svg.find("width=\"", svg.find("<rect", at)) + 7;
    return std::stoi(svg.substr(w, svg.find('"', w) - w));
  };
  CHECK(std::abs(width_of("biro&amp;hukum") - 3 * width_of(">sekda<")) <= 2);
}

TEST_CASE("a line chart has one polyline per series with a point per month", "[render][svg]") {
  render::LineChart chart{"Per bulan", {"2021-01", "2021-02", "2021-03"},
                          {{"started", {1, 4, 2}}, {"finished", {0, 1, 3}}}};
  const auto svg = render::line_chart_svg(chart);
  std::size_t lines = 0;
  for (auto at = svg.find("<polyline"); at != std::string::npos; at = svg.find("<polyline", at + 1)) {
    ++lines;
  }
  CHECK(lines == 2);
  std::size_t points = 0;
  for (auto at = svg.find("<circle"); at != std::string::npos; at = svg.find("<circle", at + 1)) {
    ++points;
  }
  CHECK(points == 6);
  CHECK(svg.find("stroke-dasharray") != std::string::npos);  // told apart in grey print too
}
