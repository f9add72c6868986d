// A body too large to hold in memory, kept in a temporary file instead: the document upload as
// it arrives, and a document being downloaded. The file is created readable by this user only
// and its name removed at once, so it is gone when the last descriptor closes, on every path
// (a refusal, an exception, a crash).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

namespace regflow::web {

class SpooledFile {
 public:
  /// An empty file in `folder` (0600, already unlinked); throws Error naming the folder when it
  /// cannot be created.
  explicit SpooledFile(const std::filesystem::path& folder);
  ~SpooledFile();
  SpooledFile(const SpooledFile&) = delete;
  SpooledFile& operator=(const SpooledFile&) = delete;

  /// Adds bytes at the end; throws Error when they cannot be written (a full disk).
  void append(std::string_view bytes);
  /// Copies up to `capacity` bytes from `offset` into `buffer`; fewer at the end of the file.
  /// Throws Error when they cannot be read.
  std::size_t read_at(std::uint64_t offset, char* buffer, std::size_t capacity) const;
  std::uint64_t size() const;
  /// A new descriptor of the file, positioned at its start, for the caller to own and close
  /// (Beast's file_body, which receives or sends the bytes).
  int duplicate_descriptor() const;

 private:
  int fd_ = -1;
};

}  // namespace regflow::web
