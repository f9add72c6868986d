// multipart/form-data (RFC 7578) for the one form that sends a file: the document upload. Pure
// and binary-safe. The body is read in pieces of any size (MultipartScanner: a whole document
// is never held, the delimiter is found across the pieces' edges) and each part is given as
// where its bytes are in the body, never copied or decoded; parse_multipart does the same over
// a body held in memory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace regflow::web {

struct FormPart {
  std::string name;                     ///< Content-Disposition's name
  std::optional<std::string> filename;  ///< set for a file input (may be "": none chosen)
  std::string content_type;             ///< the part's Content-Type, "" when absent
  std::uint64_t offset = 0;             ///< where the part's bytes start in the body
  std::uint64_t size = 0;               ///< how many bytes it has
  std::string_view body;                ///< its bytes, when the body is in memory (parse_multipart)
};

/// The boundary of a `multipart/form-data; boundary=…` Content-Type (quoted or not); nullopt
/// when the type is another, or the boundary is missing, empty or longer than 70 characters.
std::optional<std::string> multipart_boundary(std::string_view content_type);

/// Reads a multipart/form-data body piece by piece. It keeps only what it has not yet decided
/// (a part's headers, at most 16 KiB, or the few bytes that may begin a delimiter), so its memory
/// does not grow with the body. A delimiter is the boundary on a line of its own: after CR LF,
/// followed by "--" or by optional whitespace and CR LF; anything else that looks like one is
/// content. A preamble before the first delimiter and an epilogue after the last are ignored.
class MultipartScanner {
 public:
  explicit MultipartScanner(const std::string& boundary);

  /// The next bytes of the body; false once it is malformed (then problem() says why).
  bool feed(std::string_view bytes);
  /// The body has ended; false when it is malformed or incomplete: no opening or closing
  /// delimiter, a part without its blank line after the headers, a header line without a colon,
  /// a part without `Content-Disposition: form-data` and a name.
  bool finish();

  /// The parts found so far, complete (offset and size set).
  const std::vector<FormPart>& parts() const { return parts_; }
  /// An English sentence, once feed() or finish() returned false.
  const std::string& problem() const { return problem_; }

 private:
  enum class State { Preamble, Headers, Content, Done, Failed };
  bool advance(bool at_end);
  bool fail(std::string problem);
  void drop(std::size_t count);

  std::string inner_;           ///< CR LF "--" boundary
  std::string window_;          ///< bytes read and not yet decided
  std::int64_t window_at_ = 0;  ///< the body offset of window_[0] (−2: the CR LF put in front)
  State state_ = State::Preamble;
  FormPart part_;  ///< the part whose content is being read
  std::vector<FormPart> parts_;
  std::string problem_;
};

/// The parts of a multipart/form-data body held in memory (each part's `body` a view into it);
/// nullopt, with `problem` set to an English sentence, when it is malformed (MultipartScanner).
std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     const std::string& boundary,
                                                     std::string& problem);

/// The last component of a browser-sent file name: "C:\\x\\a.pdf" and "../../a.pdf" → "a.pdf".
std::string base_name(std::string_view filename);

}  // namespace regflow::web
