// The archive file as bytes: what it looks like, and how a truncated, edited, foreign or newer
// file is recognised before anything in it is believed.
#include "engine/archive/codec.hpp"

#include <catch2/catch.hpp>

#include "engine/model/digest.hpp"

using regflow::archive::Archive;
using regflow::archive::ArchiveDefect;
using regflow::archive::decode;
using regflow::archive::DefectKind;
using regflow::archive::encode;

namespace {

Archive sample() {
  Archive a;
  a.header.installation = "babel";
  a.header.exported_at = "2026-03-02T02:00:00Z";
  a.header.selection = "ids";
  a.header.dossier_count = 1;
  a.definitions.push_back({"d1", "mini", 1, "workflows/mini.yaml", "workflow: mini\nversion: 1\n"});
  a.agencies.push_back({"biro-hukum", "Biro Hukum", "sekda", false});
  a.users.push_back({"ani", {"dinas-kukm"}, "staf"});
  regflow::archive::ArchivedDossier d;
  d.id = "MINI-2026-0001";
  d.workflow = "mini";
  d.definition_hash = "d1";
  d.title = "Pergub UMKM \"baru\"\nbaris kedua";
  d.step = "paraf";
  d.variables = {{"jenis", "biasa"}};
  d.bindings = {{"pemrakarsa", "dinas-kukm"}};
  d.events.push_back({1,
                      "started",
                      "2026-03-02T02:00:00Z",
                      "ani",
                      "dinas-kukm",
                      "start",
                      "",
                      "penyusunan",
                      "catatan dengan spasi  dan\ttab",
                      {},
                      {{"title", "x"}},
                      "",
                      "h1"});
  a.dossiers.push_back(d);
  return a;
}

DefectKind defect_of(const std::string& bytes) {
  auto decoded = decode(bytes);
  REQUIRE(std::holds_alternative<ArchiveDefect>(decoded));
  return std::get<ArchiveDefect>(decoded).kind;
}

}  // namespace

TEST_CASE("an archive decodes to exactly what was encoded", "[archive]") {
  const Archive original = sample();
  const std::string bytes = encode(original);
  CHECK(bytes.rfind("regflow-archive 3\n", 0) == 0);
  auto decoded = decode(bytes);
  REQUIRE(std::holds_alternative<Archive>(decoded));
  const Archive& back = std::get<Archive>(decoded);
  CHECK(back.header.installation == "babel");
  CHECK(back.header.format_version == 3);
  CHECK(back.definitions.at(0).text == original.definitions.at(0).text);
  CHECK(back.agencies.at(0).parent == "sekda");
  CHECK(back.users.at(0).agencies == std::vector<std::string>{"dinas-kukm"});
  const auto& dossier = back.dossiers.at(0);
  CHECK(dossier.title == original.dossiers[0].title);
  CHECK(dossier.variables == original.dossiers[0].variables);
  CHECK(dossier.events.at(0).note == "catatan dengan spasi  dan\ttab");
  CHECK(dossier.events.at(0).data == original.dossiers[0].events[0].data);
  CHECK(encode(back) == bytes);
}

TEST_CASE("a file that was cut short is recognised as truncated", "[archive]") {
  const std::string bytes = encode(sample());
  CHECK(defect_of(bytes.substr(0, bytes.size() / 2)) == DefectKind::Truncated);
  CHECK(defect_of(bytes.substr(0, bytes.size() - 10)) == DefectKind::Truncated);
  CHECK(defect_of(bytes.substr(0, 20)) == DefectKind::Truncated);
  // Only the final newline gone: the checksum is whole, so the archive is still good.
  CHECK(std::holds_alternative<Archive>(decode(bytes.substr(0, bytes.size() - 1))));
}

TEST_CASE("one edited byte anywhere before the checksum is recognised", "[archive]") {
  const std::string bytes = encode(sample());
  const std::size_t checksum_line = bytes.rfind("sha256 ");
  for (std::size_t at : {std::size_t{20}, bytes.find("Pergub"), checksum_line - 2}) {
    std::string edited = bytes;
    edited[at] = edited[at] == 'x' ? 'y' : 'x';
    CHECK(defect_of(edited) == DefectKind::Edited);
  }
  std::string wrong_sum = bytes;
  wrong_sum[checksum_line + 10] = wrong_sum[checksum_line + 10] == '0' ? '1' : '0';
  CHECK(defect_of(wrong_sum) == DefectKind::Edited);
}

TEST_CASE("empty, foreign and newer files are told apart", "[archive]") {
  CHECK(defect_of("") == DefectKind::Empty);
  CHECK(defect_of("SQLite format 3") == DefectKind::Foreign);
  CHECK(defect_of("22 serialization::archive 18 0 0 1\n") == DefectKind::Foreign);
  CHECK(defect_of("regflow-archive x\nsha256 00\n") == DefectKind::Foreign);
  std::string newer = encode(sample());
  newer.replace(0, 17, "regflow-archive 9");
  auto decoded = decode(newer);
  REQUIRE(std::holds_alternative<ArchiveDefect>(decoded));
  CHECK(std::get<ArchiveDefect>(decoded).kind == DefectKind::NewerFormat);
  CHECK(std::get<ArchiveDefect>(decoded).detail == "9");
}

TEST_CASE("records that do not decode behind an intact checksum are unreadable, not a crash",
          "[archive]") {
  const std::string payload = "regflow-archive 1\n22 serialization::archive 18 0 0 1 garbage\n";
  const std::string bytes = payload + "sha256 " + regflow::model::sha256_hex(payload) + "\n";
  CHECK(defect_of(bytes) == DefectKind::Unreadable);
}

TEST_CASE("documents travel byte for byte, binary and all", "[archive][documents]") {
  Archive original = sample();
  std::string bytes;
  for (int i = 0; i < 1000; ++i) bytes += static_cast<char>(i % 256);  // NUL, newlines, 0xFF
  original.documents.push_back({"a-sha", bytes});
  original.documents.push_back({"b-sha", "\n\n"});
  auto decoded = decode(encode(original));
  REQUIRE(std::holds_alternative<Archive>(decoded));
  const auto& back = std::get<Archive>(decoded).documents;
  REQUIRE(back.size() == 2);
  CHECK(back[0].sha256 == "a-sha");
  CHECK(back[0].bytes == bytes);
  CHECK(back[1].bytes == "\n\n");
}
