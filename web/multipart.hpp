// multipart/form-data (RFC 7578) for the one form that sends a file: the document upload. Pure
// and binary-safe: a part's body is a view into the request body, never copied or decoded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace regflow::web {

struct FormPart {
  std::string name;                     ///< Content-Disposition's name
  std::optional<std::string> filename;  ///< set for a file input (may be "": none chosen)
  std::string content_type;             ///< the part's Content-Type, "" when absent
  std::string_view body;                ///< the part's bytes, inside the request body
};

/// The boundary of a `multipart/form-data; boundary=…` Content-Type (quoted or not); nullopt
/// when the type is another, or the boundary is missing, empty or longer than 70 characters.
std::optional<std::string> multipart_boundary(std::string_view content_type);

/// The parts of a multipart/form-data body; nullopt, with `problem` set to an English sentence,
/// when it is malformed: no opening or closing delimiter, a part without its blank line after
/// the headers, a header line without a colon, a part without `Content-Disposition: form-data`
/// and a name.
std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     const std::string& boundary,
                                                     std::string& problem);

/// The last component of a browser-sent file name: "C:\\x\\a.pdf" and "../../a.pdf" → "a.pdf".
std::string base_name(std::string_view filename);

}  // namespace regflow::web
