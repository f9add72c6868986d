// libFuzzer target: the web application's request parsing and routing, the code every byte a
// client sends goes through before any handler runs. The input is split at the first newline
// into a request target and a body; the target is parsed (traversal refused), routed, and the
// body parsed as a form and as a Cookie header. Nothing may crash, and no accepted path may
// hold a "." or ".." segment, a slash inside a segment, or a control character.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "web/http_message.hpp"
#include "web/routes.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  const std::string_view target = input.substr(0, newline);
  const std::string_view body =
      newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);

  std::string problem;
  if (auto parsed = regflow::web::parse_target(target, problem)) {
    for (const auto& segment : parsed->segments) {
      if (segment.empty() || segment == "." || segment == "..") std::abort();
      for (const char c : segment) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '/' || c == '\\' || u < 0x20 || u == 0x7f) std::abort();
      }
    }
    bool path_known = false;
    for (const char* method : {"GET", "POST", "HEAD"}) {
      auto match = regflow::web::match_route(method, parsed->segments, path_known);
      if (match && match->route == nullptr) std::abort();
    }
  } else if (problem.empty()) {
    std::abort();  // every refusal says why
  }
  (void)regflow::web::parse_form(body);
  (void)regflow::web::parse_cookies(body);
  (void)regflow::web::percent_encode(body);
  return 0;
}
