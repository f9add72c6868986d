#include <catch2/catch.hpp>

#include "web/http_message.hpp"

using namespace regflow::web;

namespace {
std::string refusal(const std::string& target) {
  std::string problem;
  CHECK_FALSE(parse_target(target, problem).has_value());
  return problem;
}
}  // namespace

TEST_CASE("a target is split into decoded segments and query parameters", "[web][target]") {
  std::string problem;
  auto t = parse_target("/d/PERGUB-2021-0001?q=OK+OCE&asof=2021-03-01", problem);
  REQUIRE(t);
  CHECK(t->path == "/d/PERGUB-2021-0001");
  CHECK(t->segments == std::vector<std::string>{"d", "PERGUB-2021-0001"});
  CHECK(t->query.at("q") == "OK OCE");
  CHECK(t->query.at("asof") == "2021-03-01");
  auto root = parse_target("/", problem);
  REQUIRE(root);
  CHECK(root->path == "/");
  CHECK(root->segments.empty());
  auto encoded = parse_target("/workflows/per%67ub", problem);
  REQUIRE(encoded);
  CHECK(encoded->segments.back() == "pergub");
}

TEST_CASE("traversal, literal or encoded, is refused", "[web][target]") {
  const std::string dots = "the path may not contain '.' or '..' segments";
  CHECK(refusal("/static/../regflow.db") == dots);
  CHECK(refusal("/static/%2e%2e/regflow.db") == dots);
  CHECK(refusal("/static/%2E%2E/etc/passwd") == dots);
  CHECK(refusal("/./login") == dots);
  const std::string slashes =
      "the path may not contain encoded slashes, backslashes or control characters";
  CHECK(refusal("/static/..%2fregflow.db") == slashes);
  CHECK(refusal("/static/..%5cregflow.db") == slashes);
  CHECK(refusal("/d/a%00b") == slashes);
  CHECK(refusal("/d/a%1bb") == slashes);
}

TEST_CASE("malformed targets are refused with what would be accepted", "[web][target]") {
  CHECK(refusal("") == "the request target must be a path starting with '/'");
  CHECK(refusal("http://example.com/") == "the request target must be a path starting with '/'");
  CHECK(refusal("*") == "the request target must be a path starting with '/'");
  CHECK(refusal("/d/%zz") ==
        "the path has a bad percent escape (give '%' followed by two hex digits)");
  CHECK(refusal("/d/%4") ==
        "the path has a bad percent escape (give '%' followed by two hex digits)");
  CHECK(refusal("/?q=%") ==
        "the query string has a bad percent escape (give '%' followed by two hex digits)");
}

TEST_CASE("forms and cookies are parsed, and bad escapes refuse the whole form", "[web][form]") {
  auto form = parse_form("name=sari&password=a%26b%3Dc+d&csrf=");
  REQUIRE(form);
  CHECK(form->at("name") == "sari");
  CHECK(form->at("password") == "a&b=c d");
  CHECK(form->at("csrf").empty());
  CHECK_FALSE(parse_form("a=%g0").has_value());
  const auto cookies = parse_cookies("regflow_session=abc; theme=dark ;x");
  CHECK(cookies.at("regflow_session") == "abc");
  CHECK(cookies.at("theme") == "dark");
  CHECK(cookies.count("x") == 0);
  CHECK(percent_encode("PERGUB-2021-0001") == "PERGUB-2021-0001");
  CHECK(loggable_target("/ics/abcdef/biro-hukum.ics") == "/ics/\u2026/biro-hukum.ics");
  CHECK(loggable_target("/ics/abcdef") == "/ics/\u2026");
  CHECK(loggable_target("/d/X?q=1") == "/d/X?q=1");
  CHECK(percent_encode("/d/a b?") == "%2Fd%2Fa%20b%3F");
}
