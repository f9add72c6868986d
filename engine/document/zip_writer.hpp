// Writes a zip file (libzip) entry by entry: small texts from memory, large files straight from
// disk, so that a package holding a large document never holds it in memory. Every entry gets
// the same given modification time, so the same entries make the same bytes.
#pragma once

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>

namespace regflow::document {

class ZipWriter {
 public:
  /// Creates (or truncates) the zip at `path`; throws Error when it cannot.
  ZipWriter(const std::filesystem::path& path, std::time_t mtime);
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  /// Adds `name` with the bytes of `text`, deflated.
  void add_text(const std::string& name, std::string text);
  /// Adds `name` with the `size` bytes of the file at `file`, stored as they are (documents are
  /// mostly compressed already); the file is read when close() writes the zip.
  void add_file(const std::string& name, const std::filesystem::path& file, std::int64_t size);
  /// Writes the zip; throws Error when it cannot (nothing usable is left at the path then).
  void close();

 private:
  struct Archive;
  std::unique_ptr<Archive> archive_;
  std::time_t mtime_;
};

}  // namespace regflow::document
