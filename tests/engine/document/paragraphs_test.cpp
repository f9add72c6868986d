// Reading a document's paragraphs: DOCX and ODT zipped here with libzip, Markdown and text; and
// the uploads that must be refused cleanly (not a zip, a zip bomb, malformed XML, entities).
#include "engine/document/paragraphs.hpp"

#include <zip.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/engine/store/temp_dir.hpp"

using regflow::document::paragraphs;
using regflow::document::TextFormat;
using Strings = std::vector<std::string>;

namespace {

/// A zip with the given entries (name → bytes), as the bytes of the file.
std::string zipped(const std::vector<std::pair<std::string, std::string>>& entries) {
  regflow::test::TempDir dir;
  const auto path = dir.file("x.zip");
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  for (const auto& [name, bytes] : entries) {
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    REQUIRE(source != nullptr);
    REQUIRE(zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(archive) == 0);
  std::ifstream in(path, std::ios::binary);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string docx(const std::string& body) {
  return zipped({{"[Content_Types].xml", "<Types/>"},
                 {"word/document.xml",
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://"
                  "schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
                      body + "</w:body></w:document>"}});
}

std::string odt(const std::string& body) {
  return zipped({{"mimetype", "application/vnd.oasis.opendocument.text"},
                 {"content.xml",
                  "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:"
                  "names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:"
                  "opendocument:xmlns:text:1.0\"><office:body><office:text>" +
                      body + "</office:text></office:body></office:document-content>"}});
}

Strings read_ok(const std::string& bytes, TextFormat format) {
  auto read = paragraphs(bytes, format);
  if (auto* why = std::get_if<regflow::model::Message>(&read)) {
    FAIL("refused: " << regflow::model::english(*why));
  }
  return std::get<Strings>(read);
}

std::string read_refused(const std::string& bytes, TextFormat format) {
  auto read = paragraphs(bytes, format);
  REQUIRE(std::holds_alternative<regflow::model::Message>(read));
  const auto& why = std::get<regflow::model::Message>(read);
  // Said for a renderer to word, not a sentence fixed in English (issue #17).
  CHECK_FALSE(why.verbatim);
  return regflow::model::english(why);
}

}  // namespace

TEST_CASE("a DOCX's paragraphs are its w:p elements, runs joined", "[document][paragraphs]") {
  const auto bytes = docx(
      "<w:p><w:r><w:t>Pasal </w:t></w:r><w:r><w:t>1</w:t></w:r></w:p>"
      "<w:p/>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>dalam tabel</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
      "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p>");
  CHECK(read_ok(bytes, TextFormat::Docx) == Strings{"Pasal 1", "dalam tabel", "a\tb"});
}

TEST_CASE("an ODT's paragraphs are its text:p and text:h elements", "[document][paragraphs]") {
  const auto bytes =
      odt("<text:h>BAB I</text:h><text:p>Ketentuan<text:s/>umum</text:p>"
          "<text:list><text:list-item><text:p>butir satu</text:p></text:list-item></text:list>");
  CHECK(read_ok(bytes, TextFormat::Odt) == Strings{"BAB I", "Ketentuan umum", "butir satu"});
}

TEST_CASE("Markdown and text paragraphs are blocks between blank lines", "[document][paragraphs]") {
  CHECK(read_ok("# Judul\n\nBaris satu\nbaris dua\n\n\n- butir\r\n", TextFormat::Markdown) ==
        Strings{"# Judul", "Baris satu baris dua", "- butir"});
  CHECK(read_ok("", TextFormat::Plain).empty());
}

TEST_CASE("a document that is not what it claims is refused with the reason",
          "[document][paragraphs]") {
  SECTION("not a zip") {
    CHECK_THAT(read_refused("PK but not really", TextFormat::Docx),
               Catch::StartsWith("it is not a valid zip"));
  }
  SECTION("a zip without the text") {
    CHECK(read_refused(zipped({{"other.xml", "<a/>"}}), TextFormat::Docx) ==
          "it has no 'word/document.xml'");
  }
  SECTION("a zip bomb: the text inflates past the cap") {
    const std::string huge(static_cast<std::size_t>(regflow::document::kMaxInflatedText) + 1, ' ');
    const auto bomb = zipped({{"content.xml", huge}});
    CHECK(bomb.size() < 1024 * 1024);
    CHECK(read_refused(bomb, TextFormat::Odt) ==
          "'content.xml' inflates to more than 64 MiB, which is not a document's text");
  }
  SECTION("malformed XML") {
    CHECK(read_refused(docx("<w:p><w:r>"), TextFormat::Docx) ==
          "'word/document.xml' is not well-formed XML");
  }
  SECTION("entities: a billion laughs is never expanded") {
    std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
    std::string previous = "lol";
    for (int i = 1; i <= 9; ++i) {
      const std::string name = "lol" + std::to_string(i);
      bomb += "<!ENTITY " + name + " \"";
      for (int j = 0; j < 10; ++j) bomb += "&" + previous + ";";
      bomb += "\">";
      previous = name;
    }
    bomb +=
        "]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
        "main\"><w:p><w:t>&lol9;</w:t></w:p></w:document>";
    // libxml2 stops at the amplification itself (no XML_PARSE_HUGE, no entity substitution).
    const auto refused = read_refused(zipped({{"word/document.xml", bomb}}), TextFormat::Docx);
    CHECK(refused == "'word/document.xml' is not well-formed XML");
  }
  SECTION("any DTD, however small, is refused") {
    const std::string dtd =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"y\">]><w:document xmlns:w=\"http://"
        "schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:t>a</w:t></w:p>"
        "</w:document>";
    CHECK(read_refused(zipped({{"word/document.xml", dtd}}), TextFormat::Docx) ==
          "'word/document.xml' declares a DTD, which a document's text never needs");
  }
  SECTION("a PDF has no text to compare") {
    CHECK(read_refused("%PDF-1.7", TextFormat::None) ==
          "no text comparison is possible for this format");
  }
}

TEST_CASE("the text format follows the media type or the name", "[document][paragraphs]") {
  using regflow::document::text_format;
  CHECK(text_format("application/octet-stream", "Naskah.DOCX") == TextFormat::Docx);
  CHECK(text_format("application/vnd.oasis.opendocument.text", "x") == TextFormat::Odt);
  CHECK(text_format("text/markdown", "x") == TextFormat::Markdown);
  CHECK(text_format("", "x.txt") == TextFormat::Plain);
  CHECK(text_format("application/pdf", "x.pdf") == TextFormat::None);
}
