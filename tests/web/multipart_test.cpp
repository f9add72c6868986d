#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

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

namespace {
struct Piece {
  std::string name;
  std::optional<std::string> filename;
  std::uint64_t offset;
  std::uint64_t size;
  bool operator==(const Piece&) const = default;
};

// What a scanner fed `body` in the pieces that start at `cuts` finds, or its problem.
std::variant<std::vector<Piece>, std::string> scan(std::string_view body,
                                                   const std::vector<std::size_t>& cuts,
                                                   const std::string& boundary = "b") {
  MultipartScanner scanner(boundary);
  std::size_t from = 0;
  bool ok = true;
  for (std::size_t i = 0; ok && i <= cuts.size(); ++i) {
    const std::size_t to = i < cuts.size() ? cuts[i] : body.size();
    ok = scanner.feed(body.substr(from, to - from));
    from = to;
  }
  if (!ok || !scanner.finish()) return scanner.problem();
  std::vector<Piece> pieces;
  for (const auto& part : scanner.parts()) {
    pieces.push_back({part.name, part.filename, part.offset, part.size});
  }
  return pieces;
}

using namespace std::string_literals;
// Near-delimiters, NUL and 0xff inside the file; whitespace after a delimiter.
const std::string kContent = "x\r\n--bx\r\n--b-\r\n--b \tz\r\n-\r\n--\r\n--b"s + "\0\xff"s;
const std::string kUpload =
    "preamble\r\n--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken\r\n"
    "--b \t\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n" +
    kContent + "\r\n--b--\r\nepilogue\r\n--b\r\n";
}  // namespace

TEST_CASE("the scanner finds the same parts however the body is cut", "[web][multipart]") {
  const auto whole = scan(kUpload, {});
  REQUIRE(std::holds_alternative<std::vector<Piece>>(whole));
  const auto& parts = std::get<std::vector<Piece>>(whole);
  REQUIRE(parts.size() == 2);
  CHECK(kUpload.substr(parts[0].offset, parts[0].size) == "token");
  CHECK(parts[1].filename == "a.pdf");
  CHECK(kUpload.substr(parts[1].offset, parts[1].size) == kContent);
  // Every cut, and every pair of cuts around the delimiters, gives the same parts.
  for (std::size_t cut = 0; cut <= kUpload.size(); ++cut) {
    INFO("cut at " << cut);
    CHECK(scan(kUpload, {cut}) == whole);
  }
  for (std::size_t a = 0; a <= kUpload.size(); ++a) {
    for (std::size_t b = a; b <= std::min(kUpload.size(), a + 12); ++b) {
      INFO("cuts at " << a << " and " << b);
      CHECK(scan(kUpload, {a, b}) == whole);
    }
  }
  std::vector<std::size_t> bytewise;
  for (std::size_t i = 1; i < kUpload.size(); ++i) bytewise.push_back(i);
  CHECK(scan(kUpload, bytewise) == whole);
}

TEST_CASE("the scanner refuses the same malformed bodies, cut anywhere", "[web][multipart]") {
  for (const std::string body :
       {"no boundary here", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue",
        "--b\r\nContent-Disposition: form-data; name=\"x\"", "--b\r\nno colon\r\n\r\nv\r\n--b--"}) {
    const auto whole = scan(body, {});
    REQUIRE(std::holds_alternative<std::string>(whole));
    for (std::size_t cut = 0; cut <= body.size(); ++cut) {
      INFO(body << " cut at " << cut);
      CHECK(scan(body, {cut}) == whole);
    }
  }
}

TEST_CASE("the scanner holds a part's headers only up to 16 KiB", "[web][multipart]") {
  MultipartScanner scanner("b");
  CHECK(scanner.feed("--b\r\nContent-Disposition: form-data; name=\"x\"\r\nX-Long: "));
  bool ok = true;
  for (int i = 0; ok && i < 20; ++i) ok = scanner.feed(std::string(1024, 'a'));
  CHECK_FALSE(ok);
  CHECK(scanner.problem() == "a part's headers are longer than 16 KiB");
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
