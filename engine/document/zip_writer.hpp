// Writes a zip file (libzip) entry by entry: small texts from memory, large files straight from
// disk, so that a package holding a large document never holds it in memory. Every entry gets
// the same given modification time, as a local time of the installation (a zip's DOS time has no
// zone), so the same entries make the same bytes whatever the server's TZ.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace regflow::document {

class ZipWriter {
 public:
  /// Creates (or truncates) the zip at `path`, its entries dated `local` (the wall-clock time
  /// at the installation's offset; 1980 to 2107); throws Error when it cannot.
  ZipWriter(const std::filesystem::path& path, std::chrono::sys_seconds local);
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
  std::uint16_t dos_time_ = 0;
  std::uint16_t dos_date_ = 0;
};

}  // namespace regflow::document
