#include "web/http_message.hpp"

#include <fmt/format.h>

#include "cli/render/translate.hpp"

namespace regflow::web {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

const std::string& Request::header(const std::string& lower_name) const {
  static const std::string kNone;
  auto it = headers.find(lower_name);
  return it == headers.end() ? kNone : it->second;
}

void Response::set(std::string name, std::string value) {
  for (auto& [n, v] : headers) {
    if (n == name) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xf];
    }
  }
  return out;
}

std::optional<std::map<std::string, std::string>> parse_form(std::string_view body) {
  std::map<std::string, std::string> out;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
    if (!name || !value) return std::nullopt;
    out[*name] = *value;
  }
  return out;
}

std::optional<Target> parse_target(std::string_view target, std::string& problem) {
  if (target.empty() || target.front() != '/') {
    problem = cli::render::tr("the request target must be a path starting with '/'");
    return std::nullopt;
  }
  Target out;
  const auto question = target.find('?');
  const std::string_view raw_path = target.substr(0, question);
  if (question != std::string_view::npos) {
    auto query = parse_form(target.substr(question + 1));
    if (!query) {
      problem = cli::render::tr(
          "the query string has a bad percent escape (give '%' followed by two hex digits)");
      return std::nullopt;
    }
    out.query = std::move(*query);
  }
  std::string_view rest = raw_path;
  while (!rest.empty()) {
    rest.remove_prefix(1);  // the '/'
    const auto slash = rest.find('/');
    const std::string_view raw = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
    if (raw.empty()) continue;
    auto segment = percent_decode(raw, false);
    if (!segment) {
      problem = cli::render::tr(
          "the path has a bad percent escape (give '%' followed by two hex digits)");
      return std::nullopt;
    }
    if (*segment == "." || *segment == "..") {
      problem = cli::render::tr("the path may not contain '.' or '..' segments");
      return std::nullopt;
    }
    for (const char c : *segment) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '/' || c == '\\' || u < 0x20 || u == 0x7f) {
        problem = cli::render::tr(
            "the path may not contain encoded slashes, backslashes or control characters");
        return std::nullopt;
      }
    }
    out.segments.push_back(std::move(*segment));
  }
  // Joined once at the end: GCC 12 optimizing for Release misreads the appends of a loop as
  // overlapping copies (-Wrestrict).
  out.path = fmt::format("/{}", fmt::join(out.segments, "/"));
  return out;
}

std::string loggable_target(std::string_view target) {
  constexpr std::string_view kFeed = "/ics/";
  if (target.substr(0, kFeed.size()) != kFeed) return std::string(target);
  const auto slash = target.find('/', kFeed.size());
  std::string out(kFeed);
  out += "\u2026";
  if (slash != std::string_view::npos) out += target.substr(slash);
  return out;
}

std::map<std::string, std::string> parse_cookies(std::string_view header) {
  std::map<std::string, std::string> out;
  while (!header.empty()) {
    const auto semi = header.find(';');
    const std::string_view item = trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    const auto eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    out.emplace(std::string(trim(item.substr(0, eq))), std::string(trim(item.substr(eq + 1))));
  }
  return out;
}

}  // namespace regflow::web
