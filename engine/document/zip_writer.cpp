#include "engine/document/zip_writer.hpp"

#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "engine/model/error.hpp"

namespace regflow::document {

struct ZipWriter::Archive {
  zip_t* zip = nullptr;
  std::string path;
};

namespace {

[[noreturn]] void fail(zip_t* zip, const std::string& path, const std::string& what) {
  throw Error(
      model::say("cannot write the zip '{}': {}: {}", path, what,
                 zip != nullptr ? model::verbatim(zip_strerror(zip)) : model::say("no archive")));
}

}  // namespace

ZipWriter::ZipWriter(const std::filesystem::path& path, std::chrono::sys_seconds local)
    : archive_(std::make_unique<Archive>()) {
  // MS-DOS date and time, as zip keeps them: two-second steps, years from 1980.
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss clock{local - day};
  const int year = std::clamp(static_cast<int>(date.year()), 1980, 2107);
  dos_date_ = static_cast<std::uint16_t>(((year - 1980) << 9) |
                                         (static_cast<int>(unsigned(date.month())) << 5) |
                                         static_cast<int>(unsigned(date.day())));
  dos_time_ =
      static_cast<std::uint16_t>((clock.hours().count() << 11) | (clock.minutes().count() << 5) |
                                 (clock.seconds().count() / 2));
  archive_->path = path.string();
  int error = 0;
  archive_->zip = zip_open(archive_->path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive_->zip == nullptr) {
    zip_error_t why;
    zip_error_init_with_code(&why, error);
    const std::string text = zip_error_strerror(&why);
    zip_error_fini(&why);
    throw Error(model::say("cannot create the zip '{}': {}", archive_->path, text));
  }
}

ZipWriter::~ZipWriter() {
  // Not closed (an error on the way): nothing is written.
  if (archive_->zip != nullptr) zip_discard(archive_->zip);
}

void ZipWriter::add_text(const std::string& name, std::string text) {
  zip_t* zip = archive_->zip;
  // libzip frees the copy once the zip is written (the last argument: free it).
  void* copy = std::malloc(text.empty() ? 1 : text.size());
  if (copy == nullptr) throw Error(model::say("out of memory for a zip entry"));
  std::memcpy(copy, text.data(), text.size());
  zip_source_t* source = zip_source_buffer(zip, copy, text.size(), 1);
  if (source == nullptr) {
    std::free(copy);
    fail(zip, archive_->path, name);
  }
  const zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    fail(zip, archive_->path, name);
  }
  const auto at = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(zip, at, ZIP_CM_DEFLATE, 9) != 0 ||
      zip_file_set_dostime(zip, at, dos_time_, dos_date_, 0) != 0) {
    fail(zip, archive_->path, name);
  }
}

void ZipWriter::add_file(const std::string& name, const std::filesystem::path& file,
                         std::int64_t size) {
  zip_t* zip = archive_->zip;
  zip_source_t* source = zip_source_file(zip, file.c_str(), 0, size);
  if (source == nullptr) fail(zip, archive_->path, name);
  const zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    fail(zip, archive_->path, name);
  }
  const auto at = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(zip, at, ZIP_CM_STORE, 0) != 0 ||
      zip_file_set_dostime(zip, at, dos_time_, dos_date_, 0) != 0) {
    fail(zip, archive_->path, name);
  }
}

void ZipWriter::close() {
  if (zip_close(archive_->zip) != 0) {
    const std::string why = zip_strerror(archive_->zip);
    zip_discard(archive_->zip);
    archive_->zip = nullptr;
    throw Error(model::say("cannot write the zip '{}': {}", archive_->path, why));
  }
  archive_->zip = nullptr;
}

}  // namespace regflow::document
