// The JDIH publication package (engine/app/publication, report/jdih_metadata): which events
// promulgate a product in the shipped workflows, the metadata each field takes from the record,
// the package's bytes (opened again with libzip) and the refusals before promulgation.
#include "engine/app/publication.hpp"

#include <zip.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/model/sha256_stream.hpp"
#include "tests/engine/app/bureau_fixture.hpp"

namespace regflow::test {
namespace {

const std::map<std::string, std::string> kRoles = {{"pemrakarsa", "dinas-kukm"},
                                                   {"asisten", "asisten-perekonomian"}};

/// A Pergub through paraf koordinasi and harmonisation, up to the Governor's signature.
std::string pergub_at_penetapan(Bureau& b) {
  const auto id =
      b.start("pergub", "2026-03-02T09:00", "biro-hukum", kRoles, {{"jenis_pergub", "biasa"}});
  b.act(id, "2026-03-04T09:00", "dinas-kukm", "selesai_disusun");
  b.act(id, "2026-03-05T09:00", "biro-hukum", "selesai_dibahas");
  for (const char* signer : {"dinas-kukm", "biro-hukum", "asisten-perekonomian", "sekda"}) {
    b.act(id, "2026-03-06T09:00", signer, "sign");
  }
  b.act(id, "2026-03-09T10:00", "sekda", "ajukan");
  b.act(id, "2026-03-12T09:00", "biro-hukum", "selesai_harmonisasi");
  b.act(id, "2026-03-13T09:00", "sekda", "ajukan_penetapan");
  REQUIRE(b.step(id) == "penetapan");
  return id;
}

std::string pergub_promulgated(Bureau& b) {
  const auto id = pergub_at_penetapan(b);
  b.act(id, "2026-03-16T09:00", "gubernur", "tetapkan");
  b.act(id, "2026-03-17T09:00", "sekda", "undangkan", "",
        {{"nomor_pergub", "12"}, {"nomor_berita_daerah", "12"}});
  REQUIRE(b.step(id) == "laporan_menteri");
  return id;
}

report::JdihOutcome outcome_of(Bureau& b, const std::string& id) {
  auto outcome = app::publication_entry(b.installation(), id);
  REQUIRE(outcome.has_value());
  return *outcome;
}

report::JdihEntry entry_of(Bureau& b, const std::string& id) {
  auto outcome = outcome_of(b, id);
  if (auto* refusal = std::get_if<report::PublicationRefusal>(&outcome)) {
    FAIL("refused: problem " << static_cast<int>(refusal->problem) << " at " << refusal->step);
  }
  return std::get<report::JdihEntry>(outcome);
}

std::string stored_bytes(Bureau& b, const std::string& sha256) {
  std::string bytes;
  b.store().read_document(sha256, [&](std::string_view chunk) { bytes.append(chunk); });
  return bytes;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Every entry of a zip, name → bytes, read back with libzip.
std::map<std::string, std::string> unzip(const std::filesystem::path& path) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
  REQUIRE(zip != nullptr);
  std::map<std::string, std::string> out;
  const zip_int64_t count = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) == 0);
    zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(file != nullptr);
    std::string bytes(static_cast<std::size_t>(st.size), '\0');
    REQUIRE(zip_fread(file, bytes.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(file);
    out[st.name] = bytes;
  }
  zip_close(zip);
  return out;
}

std::string sha256_of(const std::string& bytes) {
  model::Sha256Stream digest;
  digest.update(bytes);
  return digest.finish_hex();
}

}  // namespace

TEST_CASE("every JDIH profile names a promulgating action of the shipped workflows",
          "[app][publication]") {
  Bureau b;
  for (const auto& profile : report::jdih_profiles()) {
    INFO(profile.workflow);
    const auto* definition = b.config().find(profile.workflow);
    REQUIRE(definition != nullptr);
    const auto* step = definition->find_step(profile.promulgation_step);
    REQUIRE(step != nullptr);
    CHECK(step->find_action(profile.promulgation_action) != nullptr);
    // What is promulgated is the signed text the step required.
    CHECK(std::count(step->requires_documents.begin(), step->requires_documents.end(),
                     report::kProductKind) == 1);
    if (!profile.signed_into.empty()) CHECK(definition->find_step(profile.signed_into) != nullptr);
    for (const auto& variable : {profile.number_variable, profile.sumber_variable}) {
      if (variable.empty()) continue;
      INFO(variable);
      CHECK(std::any_of(definition->variables.begin(), definition->variables.end(),
                        [&](const model::VariableDecl& v) { return v.name == variable; }));
    }
  }
}

TEST_CASE("a promulgated Pergub: each field from the record or settings, or empty",
          "[app][publication]") {
  Bureau b;
  const auto id = pergub_promulgated(b);
  const auto entry = entry_of(b, id);
  CHECK(entry.value("tipe_dokumen") == "Peraturan Perundang-undangan");
  CHECK(entry.value("judul") == "Uji pergub");
  CHECK(entry.value("teu_badan") == "Kepulauan Bangka Belitung (Provinsi)");
  CHECK(entry.value("nomor_peraturan") == "12");
  CHECK(entry.value("jenis") == "Peraturan Gubernur");
  CHECK(entry.value("singkatan_jenis") == "PERGUB");
  CHECK(entry.value("tempat_penetapan") == "Pangkalpinang");
  CHECK(entry.value("tanggal_penetapan") == "2026-03-16");
  CHECK(entry.value("tanggal_pengundangan") == "2026-03-17");
  CHECK(entry.value("tahun") == "2026");
  CHECK(entry.value("sumber") ==
        "Berita Daerah Provinsi Kepulauan Bangka Belitung Tahun 2026 Nomor 12");
  CHECK(entry.value("status") == "Berlaku");
  CHECK(entry.value("bahasa") == "Indonesia");
  CHECK(entry.value("lokasi") == "Provinsi Kepulauan Bangka Belitung");
  CHECK(entry.value("pemrakarsa") == b.config().agencies.find("dinas-kukm")->name);
  CHECK(entry.value("penandatangan") == b.config().agencies.find("gubernur")->name);
  // What regflow does not record stays empty rather than guessed.
  CHECK(entry.value("subjek").empty());
  CHECK(entry.value("bidang_hukum").empty());
  CHECK(entry.value("lampiran") == "produk-final.md");
  // Traced to the record: the promulgating event and the history's head.
  const auto state = b.state(id);
  CHECK(entry.last_hash == state.last_hash);
  CHECK(entry.last_sequence == state.version);
  const auto events = b.events(id);
  const auto promulgation = std::find_if(events.begin(), events.end(),
                                         [](const auto& e) { return e.action == "undangkan"; });
  REQUIRE(promulgation != events.end());
  CHECK(entry.promulgation_hash == promulgation->hash);
  CHECK(entry.document.kind == "produk_final");
}

TEST_CASE("the package holds the promulgated document byte for byte, its metadata and SHA-256",
          "[app][publication]") {
  Bureau b;
  const auto id = pergub_promulgated(b);
  const auto entry = entry_of(b, id);
  app::ScratchFolder scratch("package");
  const auto zip = app::write_publication_package(b.installation(), entry, scratch);
  const auto files = unzip(zip);
  std::vector<std::string> names;
  for (const auto& [name, bytes] : files) names.push_back(name);
  CHECK(names ==
        std::vector<std::string>{"SHA256SUMS", "jdihn.json", "metadata.json", "produk-final.md"});
  const auto& document = files.at("produk-final.md");
  CHECK(document == stored_bytes(b, entry.document.sha256));
  CHECK(sha256_of(document) == entry.document.sha256);
  CHECK(files.at("SHA256SUMS") == entry.document.sha256 + "  produk-final.md\n");

  const auto metadata = nlohmann::json::parse(files.at("metadata.json"));
  CHECK(metadata["dossier"] == id);
  CHECK(metadata["document"]["sha256"] == entry.document.sha256);
  CHECK(metadata["record"]["last_event"]["hash"] == b.state(id).last_hash);
  CHECK(metadata["fields"].size() == entry.fields.size());
  const auto feed = nlohmann::json::parse(files.at("jdihn.json"));
  REQUIRE(feed.size() == 1);
  CHECK(feed[0]["idData"] == id);
  CHECK(feed[0]["noPeraturan"] == "12");
  CHECK(feed[0]["singkatanJenis"] == "PERGUB");
  CHECK(feed[0]["fileDownload"] == "produk-final.md");

  // The same record makes the same bytes (every entry carries the promulgation's time).
  app::ScratchFolder again("package");
  CHECK(file_bytes(app::write_publication_package(b.installation(), entry, again)) ==
        file_bytes(zip));
}

TEST_CASE("a dossier not promulgated yet is refused with its step and the action required",
          "[app][publication]") {
  Bureau b;
  const auto id = pergub_at_penetapan(b);
  auto outcome = outcome_of(b, id);
  REQUIRE(std::holds_alternative<report::PublicationRefusal>(outcome));
  auto refusal = std::get<report::PublicationRefusal>(outcome);
  CHECK(refusal.problem == report::PublicationProblem::NotPromulgated);
  CHECK(refusal.step == "penetapan");
  CHECK(refusal.required_action == "undangkan");
  CHECK_FALSE(refusal.required_step_title.empty());

  // Signed but not yet in the Berita Daerah: still refused, now at pengundangan.
  b.act(id, "2026-03-16T09:00", "gubernur", "tetapkan");
  outcome = outcome_of(b, id);
  REQUIRE(std::holds_alternative<report::PublicationRefusal>(outcome));
  CHECK(std::get<report::PublicationRefusal>(outcome).step == "pengundangan");

  CHECK_FALSE(app::publication_entry(b.installation(), "PERGUB-2026-9999").has_value());
}

TEST_CASE("a Kesepakatan Bersama is published once signed, with no Lembaran Daerah fields",
          "[app][publication]") {
  Bureau b;
  const auto id = b.start(
      "kerjasama", "2026-01-07T10:00", "dinas-kukm", {{"pemrakarsa", "dinas-kukm"}},
      {{"mitra", "Perkumpulan Gerakan OK OCE Indonesia"}, {"bentuk_hukum_mitra", "perkumpulan"}});
  b.act(id, "2026-01-12T09:00", "dinas-kukm", "ajukan_ke_tkksd", "",
        {{"membebani_masyarakat", "false"}, {"anggaran_tersedia", "true"}});
  b.act(id, "2026-01-19T09:00", "tkksd", "layak");
  b.act(id, "2026-01-27T09:00", "dinas-kukm", "minat_diterima");
  b.act(id, "2026-02-03T09:00", "dinas-kukm", "selesai_disusun", "",
        {{"kb_berlaku_sampai", "2028-02-28"}});
  b.act(id, "2026-02-04T09:00", "biro-pemerintahan", "sign");
  b.act(id, "2026-02-04T10:00", "biro-hukum", "sign");
  CHECK(std::get<report::PublicationRefusal>(outcome_of(b, id)).step == "penandatanganan_kb");
  b.act(id, "2026-02-10T09:00", "gubernur", "ditandatangani", "",
        {{"nomor_kb_daerah", "415.4/01/KB/2026"}, {"nomor_kb_mitra", "OKOCE/01/2026"}});
  const auto entry = entry_of(b, id);
  CHECK(entry.value("jenis") == "Kesepakatan Bersama");
  CHECK(entry.value("singkatan_jenis") == "KB");
  CHECK(entry.value("nomor_peraturan") == "415.4/01/KB/2026");
  CHECK(entry.value("tanggal_penetapan") == "2026-02-10");
  CHECK(entry.value("tanggal_pengundangan").empty());
  CHECK(entry.value("sumber").empty());
  CHECK(entry.value("tipe_dokumen").empty());
  CHECK(entry.value("tahun") == "2026");
}

}  // namespace regflow::test
