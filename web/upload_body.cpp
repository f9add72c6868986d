#include "web/upload_body.hpp"

#include <algorithm>

#include "engine/model/error.hpp"

namespace regflow::web {
namespace {
constexpr std::size_t kPiece = 64 * 1024;
constexpr std::uint64_t kMaxField = 64 * 1024;  // the note, the kind, the CSRF token
}  // namespace

std::optional<std::vector<FormPart>> read_multipart(const SpooledFile& file,
                                                    const std::string& boundary,
                                                    std::string& problem) {
  MultipartScanner scanner(boundary);
  std::string piece(kPiece, '\0');
  for (std::uint64_t at = 0;;) {
    const std::size_t got = file.read_at(at, piece.data(), piece.size());
    if (got == 0) break;
    at += got;
    if (!scanner.feed(std::string_view(piece.data(), got))) break;
  }
  if (!scanner.finish()) {
    problem = scanner.problem();
    return std::nullopt;
  }
  for (const auto& part : scanner.parts()) {
    if (!part.filename && part.size > kMaxField) {
      problem = "the text field '" + part.name + "' is larger than 64 KiB";
      return std::nullopt;
    }
  }
  return scanner.parts();
}

std::string read_field(const SpooledFile& file, const FormPart& part) {
  std::string text(static_cast<std::size_t>(part.size), '\0');
  std::size_t done = 0;
  while (done < text.size()) {
    const std::size_t got =
        file.read_at(part.offset + done, text.data() + done, text.size() - done);
    if (got == 0) throw Error("the upload's temporary file ended early");
    done += got;
  }
  return text;
}

std::optional<std::string> read_small_body(const SpooledFile& file) {
  const std::uint64_t size = file.size();
  if (size > kMaxField) return std::nullopt;
  FormPart whole;
  whole.size = size;
  return read_field(file, whole);
}

std::size_t SpooledPartSource::read(char* buffer, std::size_t capacity) {
  const auto wanted = static_cast<std::size_t>(std::min<std::uint64_t>(capacity, size_ - at_));
  if (wanted == 0) return 0;
  const std::size_t got = file_.read_at(offset_ + at_, buffer, wanted);
  if (got == 0) throw Error("the upload's temporary file ended early");
  at_ += got;
  return got;
}

}  // namespace regflow::web
