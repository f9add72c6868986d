#include "web/upload_body.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "web/spooled_file.hpp"

using namespace regflow::web;

namespace {
// A fresh empty folder under the system's temporary one, removed at the end.
struct Folder {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("regflow-upload-body-" + std::to_string(::getpid()));
  Folder() { std::filesystem::create_directories(path); }
  ~Folder() { std::filesystem::remove_all(path); }
};

std::string read_all(regflow::app::DocumentSource& source) {
  std::string out;
  char buffer[1000];
  while (const std::size_t n = source.read(buffer, sizeof buffer)) out.append(buffer, n);
  return out;
}
}  // namespace

TEST_CASE("a spooled file leaves no name behind and reads back what was written", "[web][upload]") {
  const Folder folder;
  SpooledFile file(folder.path);
  CHECK(std::filesystem::is_empty(folder.path));  // unlinked at once
  file.append("hello, ");
  file.append("world");
  CHECK(file.size() == 12);
  char buffer[5];
  CHECK(file.read_at(7, buffer, sizeof buffer) == 5);
  CHECK(std::string(buffer, 5) == "world");
  CHECK(file.read_at(12, buffer, sizeof buffer) == 0);
}

TEST_CASE("an upload in a file: its delimiter across the 64 KiB pieces it is read in",
          "[web][upload]") {
  const Folder folder;
  const std::string head =
      "--b\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nnaskah\r\n"
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n";
  const std::string tail = "\r\n--b--\r\n";
  constexpr std::size_t kPiece = 64 * 1024;
  // The closing delimiter starts at every offset around the first piece's end.
  for (std::size_t at = kPiece - tail.size() - 2; at <= kPiece + 2; ++at) {
    INFO("delimiter at " << at);
    std::string content;
    for (std::size_t i = 0; content.size() < at - head.size(); ++i) {
      content += static_cast<char>(i % 251);
    }
    SpooledFile file(folder.path);
    file.append(head);
    file.append(content);
    file.append(tail);
    std::string problem;
    const auto parts = read_multipart(file, "b", problem);
    REQUIRE(parts.has_value());
    REQUIRE(parts->size() == 2);
    CHECK(read_field(file, (*parts)[0]) == "naskah");
    SpooledPartSource source(file, (*parts)[1]);
    CHECK(source.size() == static_cast<std::int64_t>(content.size()));
    CHECK(read_all(source) == content);
    source.rewind();
    CHECK(read_all(source) == content);  // attach reads it twice: to hash, then to store
  }
}

TEST_CASE("an upload's text field over 64 KiB is refused", "[web][upload]") {
  const Folder folder;
  SpooledFile file(folder.path);
  file.append("--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n");
  file.append(std::string(64 * 1024 + 1, 'x'));
  file.append("\r\n--b--\r\n");
  std::string problem;
  CHECK_FALSE(read_multipart(file, "b", problem).has_value());
  CHECK(problem == "the text field 'note' is larger than 64 KiB");
  CHECK_FALSE(read_small_body(file).has_value());
}
