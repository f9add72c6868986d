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

std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     const std::string& boundary,
                                                     std::string& problem) {
  const std::string delimiter = "--" + boundary;
  const std::string inner = "\r\n" + delimiter;
  std::vector<FormPart> parts;
  // A preamble before the first delimiter is allowed (and ignored).
  std::size_t at = 0;
  if (body.substr(0, delimiter.size()) != delimiter) {
    at = body.find(inner);
    if (at == std::string_view::npos) {
      problem = "the body does not start with the boundary of its Content-Type";
      return std::nullopt;
    }
    at += 2;
  }
  at += delimiter.size();
  for (;;) {
    if (body.substr(at, 2) == "--") return parts;  // the closing delimiter; an epilogue is ignored
    // Whitespace may follow a delimiter before its line break.
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) ++at;
    if (body.substr(at, 2) != "\r\n") {
      problem = "a boundary is not followed by a line break";
      return std::nullopt;
    }
    at += 2;
    std::string_view headers;
    std::size_t content_start = at + 2;
    if (body.substr(at, 2) != "\r\n") {  // a part without headers is refused below
      const auto headers_end = body.find("\r\n\r\n", at);
      if (headers_end == std::string_view::npos) {
        problem = "a part has no blank line after its headers";
        return std::nullopt;
      }
      headers = body.substr(at, headers_end - at);
      content_start = headers_end + 4;
    }
    FormPart part;
    bool form_data = false;
    while (!headers.empty()) {
      const auto eol = headers.find("\r\n");
      const std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
      const auto colon = line.find(':');
      if (colon == std::string_view::npos) {
        problem = "a part's header line has no colon";
        return std::nullopt;
      }
      const std::string name = lower(trim(line.substr(0, colon)));
      const std::string_view value = trim(line.substr(colon + 1));
      if (name == "content-disposition") {
        std::string type;
        std::vector<std::pair<std::string, std::string>> params;
        if (!header_params(value, type, params)) {
          problem = "a part's Content-Disposition cannot be read";
          return std::nullopt;
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
      return std::nullopt;
    }
    // A delimiter is the boundary on a line of its own: followed by "--", or by optional
    // whitespace and a line break; anything else that looks like one is content.
    auto end = body.find(inner, content_start);
    while (end != std::string_view::npos) {
      std::size_t after = end + inner.size();
      if (body.substr(after, 2) == "--") break;
      while (after < body.size() && (body[after] == ' ' || body[after] == '\t')) ++after;
      if (body.substr(after, 2) == "\r\n") break;
      end = body.find(inner, end + 1);
    }
    if (end == std::string_view::npos) {
      problem = "the body ends without its closing boundary";
      return std::nullopt;
    }
    part.body = body.substr(content_start, end - content_start);
    parts.push_back(std::move(part));
    at = end + inner.size();
  }
}

std::string base_name(std::string_view filename) {
  const auto slash = filename.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? filename : filename.substr(slash + 1));
}

}  // namespace regflow::web
