#include "web/multipart.hpp"

namespace regflow::web {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The parameters after the first ';' of a header value: `form-data; name="a"; filename="b"`.
// A quoted value ends at the next quote: browsers send a quote in a file name as %22 and a
// backslash as itself (HTML's multipart/form-data encoding), so a backslash escapes nothing.
// The names come back in lower case.
bool header_params(std::string_view value, std::string& first,
                   std::vector<std::pair<std::string, std::string>>& params) {
  const auto semi = value.find(';');
  first = lower(trim(value.substr(0, semi)));
  if (semi == std::string_view::npos) return true;
  std::string_view rest = value.substr(semi + 1);
  while (!rest.empty()) {
    rest = trim(rest);
    if (rest.empty()) break;
    const auto eq = rest.find('=');
    if (eq == std::string_view::npos) return false;
    const std::string name = lower(trim(rest.substr(0, eq)));
    rest = trim(rest.substr(eq + 1));
    std::string param;
    if (!rest.empty() && rest.front() == '"') {
      std::size_t i = 1;
      bool closed = false;
      for (; i < rest.size(); ++i) {
        if (rest[i] == '"') {
          closed = true;
          break;
        } else {
          param += rest[i];
        }
      }
      if (!closed) return false;
      rest = trim(rest.substr(i + 1));
      if (!rest.empty() && rest.front() != ';') return false;
    } else {
      const auto end = rest.find(';');
      param = std::string(trim(rest.substr(0, end)));
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
    }
    if (!rest.empty() && rest.front() == ';') rest.remove_prefix(1);
    params.emplace_back(name, std::move(param));
  }
  return true;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  std::string type;
  std::vector<std::pair<std::string, std::string>> params;
  if (!header_params(content_type, type, params) || type != "multipart/form-data") {
    return std::nullopt;
  }
  for (const auto& [name, value] : params) {
    if (name == "boundary" && !value.empty() && value.size() <= 70) return value;
  }
  return std::nullopt;
}

namespace {

constexpr std::size_t kMaxPartHeaders = 16 * 1024;
// Whitespace a delimiter may carry before its line break (RFC 2046 allows some; browsers send
// none); a longer run makes it content, so that the undecided bytes stay few.
constexpr std::size_t kMaxDelimiterPadding = 64;

// The headers of one part into `part`; false, with `problem`, when they are not form-data's.
bool read_part_headers(std::string_view headers, FormPart& part, std::string& problem) {
  bool form_data = false;
  while (!headers.empty()) {
    const auto eol = headers.find("\r\n");
    const std::string_view line = headers.substr(0, eol);
    headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
      problem = "a part's header line has no colon";
      return false;
    }
    const std::string name = lower(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    if (name == "content-disposition") {
      std::string type;
      std::vector<std::pair<std::string, std::string>> params;
      if (!header_params(value, type, params)) {
        problem = "a part's Content-Disposition cannot be read";
        return false;
      }
      form_data = type == "form-data";
      for (auto& [key, param] : params) {
        if (key == "name") part.name = param;
        if (key == "filename") part.filename = param;
      }
    } else if (name == "content-type") {
      part.content_type = std::string(value);
    }
  }
  if (!form_data || part.name.empty()) {
    problem = "a part has no 'Content-Disposition: form-data' with a name";
    return false;
  }
  return true;
}

// Where the first delimiter in `window` is, and whether it can be decided yet.
struct Delimiter {
  enum class Kind { Found, Undecided, None } kind = Kind::None;
  std::size_t at = 0;       ///< Found, Undecided: where it starts
  std::size_t after = 0;    ///< Found: the first byte after it (and its line break)
  bool closing = false;     ///< Found: followed by "--"
  std::size_t decided = 0;  ///< None: the bytes before this cannot begin a delimiter
};

Delimiter find_delimiter(std::string_view window, const std::string& inner, bool at_end) {
  Delimiter d;
  for (auto at = window.find(inner); at != std::string_view::npos;
       at = window.find(inner, at + 1)) {
    const std::size_t after = at + inner.size();
    if (window.substr(after, 2) == "--") {
      d = {Delimiter::Kind::Found, at, after + 2, true, 0};
      return d;
    }
    std::size_t i = after;
    while (i < window.size() && i - after <= kMaxDelimiterPadding &&
           (window[i] == ' ' || window[i] == '\t')) {
      ++i;
    }
    if (i - after > kMaxDelimiterPadding) continue;
    if (window.substr(i, 2) == "\r\n") {
      d = {Delimiter::Kind::Found, at, i + 2, false, 0};
      return d;
    }
    // Not yet decidable: the window ends inside "--", the padding or the line break.
    const bool open = i == window.size() || (i + 1 == window.size() && window[i] == '\r') ||
                      (after + 1 == window.size() && window[after] == '-');
    if (open && !at_end) {
      d.kind = Delimiter::Kind::Undecided;
      d.at = at;
      return d;
    }
  }
  // No delimiter: only the last bytes, shorter than one, may still begin one.
  d.decided = window.size() < inner.size() ? 0 : window.size() - inner.size() + 1;
  if (at_end) d.decided = window.size();
  return d;
}

}  // namespace

// The CR LF put in front lets a body that starts with its delimiter be read like any other.
MultipartScanner::MultipartScanner(const std::string& boundary)
    : inner_("\r\n--" + boundary), window_("\r\n"), window_at_(-2) {}

bool MultipartScanner::fail(std::string problem) {
  problem_ = std::move(problem);
  state_ = State::Failed;
  window_.clear();
  return false;
}

void MultipartScanner::drop(std::size_t count) {
  window_.erase(0, count);
  window_at_ += static_cast<std::int64_t>(count);
}

bool MultipartScanner::feed(std::string_view bytes) {
  if (state_ == State::Failed) return false;
  if (state_ == State::Done) return true;  // the epilogue
  window_.append(bytes);
  return advance(false);
}

bool MultipartScanner::finish() {
  if (state_ == State::Failed) return false;
  if (!advance(true)) return false;
  if (state_ == State::Done) return true;
  if (state_ == State::Preamble) {
    return fail("the body does not start with the boundary of its Content-Type");
  }
  if (state_ == State::Headers) return fail("a part has no blank line after its headers");
  return fail("the body ends without its closing boundary");
}

bool MultipartScanner::advance(bool at_end) {
  for (;;) {
    switch (state_) {
      case State::Done:
        window_.clear();
        return true;
      case State::Failed:
        return false;
      case State::Preamble:
      case State::Content: {
        const auto d = find_delimiter(window_, inner_, at_end);
        if (d.kind == Delimiter::Kind::Undecided) {
          drop(d.at);
          return true;
        }
        if (d.kind == Delimiter::Kind::None) {
          drop(d.decided);
          return true;
        }
        if (state_ == State::Content) {
          part_.size = static_cast<std::uint64_t>(window_at_ + static_cast<std::int64_t>(d.at)) -
                       part_.offset;
          parts_.push_back(std::move(part_));
          part_ = {};
        }
        drop(d.after);
        state_ = d.closing ? State::Done : State::Headers;
        break;
      }
      case State::Headers: {
        std::size_t content = 2;  // a part without headers is refused by read_part_headers
        std::string_view headers;
        if (window_.size() < 2) return true;  // at the end, finish() says what is missing
        if (window_.compare(0, 2, "\r\n") != 0) {
          const auto end = window_.find("\r\n\r\n");
          if (end == std::string::npos) {
            if (window_.size() > kMaxPartHeaders) {
              return fail("a part's headers are longer than 16 KiB");
            }
            return true;
          }
          headers = std::string_view(window_).substr(0, end);
          content = end + 4;
        }
        if (!read_part_headers(headers, part_, problem_)) return fail(problem_);
        part_.offset = static_cast<std::uint64_t>(window_at_ + static_cast<std::int64_t>(content));
        drop(content);
        state_ = State::Content;
        break;
      }
    }
  }
}

std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     const std::string& boundary,
                                                     std::string& problem) {
  MultipartScanner scanner(boundary);
  // In pieces, as a received body is read: the scanner never copies the whole body.
  constexpr std::size_t kPiece = 64 * 1024;
  for (std::size_t at = 0; at < body.size(); at += kPiece) {
    if (!scanner.feed(body.substr(at, kPiece))) break;
  }
  if (!scanner.finish()) {
    problem = scanner.problem();
    return std::nullopt;
  }
  std::vector<FormPart> parts = scanner.parts();
  for (auto& part : parts) part.body = body.substr(part.offset, part.size);
  return parts;
}

std::string base_name(std::string_view filename) {
  const auto slash = filename.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? filename : filename.substr(slash + 1));
}

}  // namespace regflow::web
