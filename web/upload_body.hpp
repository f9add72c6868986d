// The document upload's body as the server received it, in a temporary file (SpooledFile):
// its multipart/form-data parts found in bounded pieces, its text fields read, and its file
// part offered to Installation::attach as a DocumentSource that reads from the file. No step
// holds the document in memory.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/app/document_source.hpp"
#include "web/multipart.hpp"
#include "web/spooled_file.hpp"

namespace regflow::web {

/// The parts of the body in `file` (MultipartScanner); nullopt, with `problem` set to an English
/// sentence, when it is malformed or a text field (a part without a file name) is over 64 KiB.
std::optional<std::vector<FormPart>> read_multipart(const SpooledFile& file,
                                                    const std::string& boundary,
                                                    std::string& problem);

/// The whole body in `file` when it is at most 64 KiB (a form sent without multipart), else
/// nullopt.
std::optional<std::string> read_small_body(const SpooledFile& file);

/// The bytes of a (text) part of the body in `file`.
std::string read_field(const SpooledFile& file, const FormPart& part);

/// The bytes of one part of the body in `file`, for Installation::attach.
class SpooledPartSource : public app::DocumentSource {
 public:
  SpooledPartSource(const SpooledFile& file, const FormPart& part)
      : file_(file), offset_(part.offset), size_(part.size) {}
  std::int64_t size() const override { return static_cast<std::int64_t>(size_); }
  void rewind() override { at_ = 0; }
  std::size_t read(char* buffer, std::size_t capacity) override;

 private:
  const SpooledFile& file_;
  std::uint64_t offset_;
  std::uint64_t size_;
  std::uint64_t at_ = 0;
};

}  // namespace regflow::web
