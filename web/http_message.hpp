// A request and a response as plain data, apart from Boost.Beast: the router, the pages and
// their tests (and the fuzz target) see only these. Also the request's pieces parsed by pure
// functions: the target's path (percent-decoded, traversal refused), its query, a form body,
// cookies.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace regflow::web {

class SpooledFile;

struct Request {
  std::string method;  ///< "GET", "POST", …
  std::string target;  ///< as sent: "/d/PERGUB-2021-0001?x=1"
  std::map<std::string, std::string> headers;  ///< names in lower case
  std::string body;
  /// Set instead of `body` when the body was received into a temporary file: a route whose
  /// body limit is over the server's in-memory one (the document upload).
  std::shared_ptr<const SpooledFile> body_file;
  /// Set when the body was over this limit: it was read and dropped (or not read, when far
  /// over), and the answer is a 413 page.
  std::optional<std::uint64_t> body_over_limit;
  std::string peer;  ///< the client's address, for the sign-in throttle and the log
  bool tls = false;  ///< served over TLS (the session cookie is then Secure)

  /// The header's value, or "" when absent.
  const std::string& header(const std::string& lower_name) const;
};

struct Response {
  Response() = default;
  Response(int status_code, std::vector<std::pair<std::string, std::string>> header_fields,
           std::string text)
      : status(status_code), headers(std::move(header_fields)), body(std::move(text)) {}

  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// Set instead of `body` for a response sent from a temporary file (a document's download).
  std::shared_ptr<const SpooledFile> body_file;

  void set(std::string name, std::string value);
};

/// A target split and decoded: the path's segments (percent-decoded) and the query parameters.
struct Target {
  std::string path;                   ///< decoded, always starting with '/'
  std::vector<std::string> segments;  ///< decoded path segments, without empty ones
  std::map<std::string, std::string> query;
};

/// Parses an origin-form target ("/a/b?x=1"). nullopt, with `problem` set to a sentence, when
/// it is not one: absolute or empty targets, bad percent escapes, NUL or control characters,
/// backslashes, and any "." or ".." segment, literal or encoded (%2e%2e, %2f inside a segment).
std::optional<Target> parse_target(std::string_view target, std::string& problem);

/// application/x-www-form-urlencoded (also the query): '+' is a space; a bad escape makes the
/// whole form nullopt. The last of repeated names wins.
std::optional<std::map<std::string, std::string>> parse_form(std::string_view body);

/// "%41" → "A"; nullopt for a truncated or non-hex escape. With `plus_is_space`, '+' → ' '.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

/// Escapes a query or path component (RFC 3986 unreserved characters are kept).
std::string percent_encode(std::string_view text);

/// The target as the access log shows it: a calendar feed's secret token ("/ics/<token>/…") is
/// replaced by "…", so that the log does not hand out feed addresses.
std::string loggable_target(std::string_view target);

/// The cookies of a Cookie header: "a=1; b=2".
std::map<std::string, std::string> parse_cookies(std::string_view header);

}  // namespace regflow::web
