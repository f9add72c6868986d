#include <catch2/catch.hpp>

#include "web/multipart.hpp"
#include "web/routes.hpp"

using namespace regflow::web;

namespace {
std::string refusal(std::string_view body, const std::string& boundary = "b") {
  std::string problem;
  CHECK_FALSE(parse_multipart(body, boundary, problem).has_value());
  return problem;
}
}  // namespace

TEST_CASE("the boundary of a multipart/form-data Content-Type", "[web][multipart]") {
  CHECK(multipart_boundary("multipart/form-data; boundary=----X1") == "----X1");
  CHECK(multipart_boundary("Multipart/Form-Data;BOUNDARY=\"a b\"") == "a b");
  CHECK(multipart_boundary("multipart/form-data; charset=utf-8; boundary=z") == "z");
  CHECK_FALSE(multipart_boundary("multipart/form-data").has_value());
  CHECK_FALSE(multipart_boundary("multipart/form-data; boundary=").has_value());
  CHECK_FALSE(multipart_boundary("multipart/mixed; boundary=z").has_value());
  CHECK_FALSE(multipart_boundary("application/x-www-form-urlencoded").has_value());
  CHECK_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'x')));
}

TEST_CASE("multipart/form-data parts, binary-safe", "[web][multipart]") {
  using namespace std::string_literals;
  const std::string bytes = "\r\n--bx\0\xff\r\n"s;  // a near-boundary, NUL and 0xff inside
  const std::string body =
      "preamble\r\n--b\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nnaskah\r\n"
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\x\\a b.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n" +
      bytes + "\r\n--b\r\ncontent-disposition: FORM-DATA; name=empty\r\n\r\n\r\n--b--\r\nepilogue";
  std::string problem;
  const auto parts = parse_multipart(body, "b", problem);
  REQUIRE(parts.has_value());
  REQUIRE(parts->size() == 3);
  CHECK((*parts)[0].name == "kind");
  CHECK_FALSE((*parts)[0].filename.has_value());
  CHECK((*parts)[0].body == "naskah");
  CHECK((*parts)[1].name == "file");
  CHECK((*parts)[1].filename == "C:\\x\\a b.pdf");  // a backslash escapes nothing
  CHECK((*parts)[1].content_type == "application/pdf");
  CHECK((*parts)[1].body == bytes);
  CHECK((*parts)[2].name == "empty");
  CHECK((*parts)[2].body.empty());
}

TEST_CASE("malformed multipart/form-data is refused with a reason", "[web][multipart]") {
  CHECK_FALSE(refusal("").empty());
  CHECK_FALSE(refusal("no boundary here").empty());
  CHECK_FALSE(refusal("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue").empty());
  CHECK_FALSE(refusal("--b\r\nContent-Disposition: form-data; name=\"x\"").empty());
  CHECK_FALSE(refusal("--b\r\nX-Other: 1\r\n\r\nv\r\n--b--").empty());
  CHECK_FALSE(refusal("--b\r\nContent-Disposition: attachment; name=x\r\n\r\nv\r\n--b--").empty());
  CHECK_FALSE(refusal("--b\r\nno colon\r\n\r\nv\r\n--b--").empty());
  CHECK_FALSE(refusal("--bX\r\n").empty());
  CHECK_FALSE(refusal("--b\r\nContent-Disposition: form-data; name=\"x\r\n\r\nv\r\n--b--").empty());
}

TEST_CASE("a browser's file name is kept as its base name", "[web][multipart]") {
  CHECK(base_name("../../etc/passwd") == "passwd");
  CHECK(base_name("C:\\Users\\budi\\naskah.pdf") == "naskah.pdf");
  CHECK(base_name("naskah.pdf") == "naskah.pdf");
  CHECK(base_name("dir/") == "");
}

TEST_CASE("only the upload route gets the document body limit", "[web][multipart][routes]") {
  constexpr std::size_t kSmall = 64 * 1024;
  constexpr std::size_t kDocument = 50 * 1024 * 1024;
  CHECK(body_limit_for("POST", "/d/PERGUB-2021-0001/documents", kSmall, kDocument) ==
        kDocument + kMultipartOverhead);
  CHECK(body_limit_for("POST", "/d/PERGUB-2021-0001/act", kSmall, kDocument) == kSmall);
  CHECK(body_limit_for("GET", "/d/PERGUB-2021-0001/documents", kSmall, kDocument) == kSmall);
  CHECK(body_limit_for("POST", "/login", kSmall, kDocument) == kSmall);
  CHECK(body_limit_for("POST", "/d/../documents", kSmall, kDocument) == kSmall);
}
