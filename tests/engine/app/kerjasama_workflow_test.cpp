// The shipped cooperation procedure (workflows/kerjasama.yaml): TKKSD, offer, Kesepakatan
// Bersama, DPRD approval only when the rule perlu_persetujuan_dprd says so, the PKS signed by
// the Governor or by an agency head under a surat kuasa, and reminders before the term ends.
#include <algorithm>

#include "tests/engine/app/bureau_fixture.hpp"

namespace regflow::test {
namespace {

/// The OK OCE cooperation, up to the registration of the signed Kesepakatan Bersama.
std::string kerjasama_kb_signed(Bureau& b, const char* membebani, const char* anggaran) {
  const auto id = b.start(
      "kerjasama", "2026-01-07T10:00", "dinas-kukm", {{"pemrakarsa", "dinas-kukm"}},
      {{"mitra", "Perkumpulan Gerakan OK OCE Indonesia"}, {"bentuk_hukum_mitra", "perkumpulan"}});
  b.act(id, "2026-01-12T09:00", "dinas-kukm", "ajukan_ke_tkksd", "",
        {{"membebani_masyarakat", membebani}, {"anggaran_tersedia", anggaran}});
  b.act(id, "2026-01-19T09:00", "tkksd", "layak");
  b.act(id, "2026-01-27T09:00", "dinas-kukm", "minat_diterima");
  b.act(id, "2026-02-03T09:00", "dinas-kukm", "selesai_disusun", "",
        {{"kb_berlaku_sampai", "2028-02-28"}});
  b.act(id, "2026-02-04T09:00", "biro-pemerintahan", "sign");
  b.act(id, "2026-02-04T10:00", "biro-hukum", "sign");
  REQUIRE(b.step(id) == "penandatanganan_kb");
  b.act(id, "2026-02-10T09:00", "gubernur", "ditandatangani", "",
        {{"nomor_kb_daerah", "415.4/01/KB/2026"}, {"nomor_kb_mitra", "OKOCE/01/2026"}});
  REQUIRE(b.step(id) == "registrasi_kb");
  return id;
}

/// ... then the PKS drafted for the term 1 March 2026 to 28 February 2027 and reviewed.
void pks_reviewed(Bureau& b, const std::string& id, const char* penandatangan) {
  b.act(id, "2026-02-16T09:00", "dinas-kukm", "selesai_disusun", "",
        {{"penandatangan_pks", penandatangan},
         {"berlaku_mulai", "2026-03-01"},
         {"berlaku_sampai", "2027-02-28"}});
  b.act(id, "2026-02-17T09:00", "biro-hukum", "sign");
  b.act(id, "2026-02-17T10:00", "tkksd", "sign");
  REQUIRE(b.step(id) == "penandatanganan_pks");
}

}  // namespace

TEST_CASE("Kerja sama funded in this year's budget: no DPRD approval, PKS signed by the Governor",
          "[workflows][kerjasama]") {
  Bureau b;
  const auto id = kerjasama_kb_signed(b, "false", "true");
  const auto refused =
      b.refusal(id, "2026-02-11T09:00", "biro-pemerintahan", "ajukan_persetujuan_dprd");
  CHECK(refused.kind == runtime::RefusalKind::GuardFalse);
  b.act(id, "2026-02-11T09:00", "biro-pemerintahan", "lanjut_penyusunan_pks");
  pks_reviewed(b, id, "gubernur");
  b.act(id, "2026-02-25T09:00", "gubernur", "ditandatangani_gubernur", "",
        {{"nomor_pks_daerah", "415.4/02/PKS/2026"}, {"nomor_pks_mitra", "OKOCE/PKS/02/2026"}});
  b.act(id, "2026-02-26T09:00", "biro-pemerintahan", "tercatat");
  REQUIRE(b.step(id) == "pelaksanaan");
  // The agreement's term is a deadline while it is carried out.
  CHECK(b.due(id, "masa_berlaku_pks", "2026-03-02") == "2027-02-28");
  b.act(id, "2026-08-20T09:00", "dinas-kukm", "susun_laporan");
  b.act(id, "2026-08-25T09:00", "dinas-kukm", "laporan_disampaikan");
  CHECK(b.step(id) == "pelaksanaan");
  b.act(id, "2027-02-20T09:00", "dinas-kukm", "akhiri",
        "Masa berlaku berakhir; tidak diperpanjang");
  b.act(id, "2027-02-26T09:00", "dinas-kukm", "laporan_akhir_disampaikan");
  CHECK(b.step(id) == "selesai");
  CHECK(b.state(id).closed);
}

TEST_CASE("Kerja sama that burdens the public needs DPRD approval", "[workflows][kerjasama]") {
  Bureau b;
  const auto id = kerjasama_kb_signed(b, "true", "true");
  CHECK(b.refusal(id, "2026-02-11T09:00", "biro-pemerintahan", "lanjut_penyusunan_pks").kind ==
        runtime::RefusalKind::GuardFalse);
  b.act(id, "2026-02-11T09:00", "biro-pemerintahan", "ajukan_persetujuan_dprd");
  REQUIRE(b.step(id) == "persetujuan_dprd");
  SECTION("approved") {
    b.act(id, "2026-03-05T09:00", "biro-pemerintahan", "disetujui", "",
          {{"nomor_persetujuan_dprd", "170/5/DPRD/2026"}});
    CHECK(b.step(id) == "penyusunan_pks");
  }
  SECTION("rejected") {
    b.act(id, "2026-03-05T09:00", "biro-pemerintahan", "ditolak", "Paripurna menolak");
    CHECK(b.step(id) == "batal");
  }
}

TEST_CASE("Kerja sama not yet in the budget also needs DPRD approval", "[workflows][kerjasama]") {
  Bureau b;
  const auto id = kerjasama_kb_signed(b, "false", "false");
  b.act(id, "2026-02-11T09:00", "biro-pemerintahan", "ajukan_persetujuan_dprd");
  CHECK(b.step(id) == "persetujuan_dprd");
}

TEST_CASE("Kerja sama: a PKS signed by the agency head needs the Governor's surat kuasa first",
          "[workflows][kerjasama]") {
  Bureau b;
  const auto id = kerjasama_kb_signed(b, "false", "true");
  b.act(id, "2026-02-11T09:00", "biro-pemerintahan", "lanjut_penyusunan_pks");
  pks_reviewed(b, id, "kepala_opd");
  CHECK(b.refusal(id, "2026-02-18T09:00", "dinas-kukm", "ditandatangani_kepala_opd").kind ==
        runtime::RefusalKind::GuardFalse);
  b.act(id, "2026-02-18T09:00", "dinas-kukm", "minta_surat_kuasa");
  b.act(id, "2026-02-20T09:00", "gubernur", "diterbitkan", "",
        {{"nomor_surat_kuasa", "180/12/SK/2026"}});
  b.act(id, "2026-02-23T09:00", "dinas-kukm", "ditandatangani_kepala_opd");
  CHECK(b.step(id) == "penatausahaan");
}

TEST_CASE("Kerja sama: reminders 90 and 30 days before the PKS term ends",
          "[workflows][kerjasama][timers]") {
  Bureau b;
  const auto id = kerjasama_kb_signed(b, "false", "true");
  b.act(id, "2026-02-11T09:00", "biro-pemerintahan", "lanjut_penyusunan_pks");
  pks_reviewed(b, id, "gubernur");
  b.act(id, "2026-02-25T09:00", "gubernur", "ditandatangani_gubernur");
  b.act(id, "2026-02-26T09:00", "biro-pemerintahan", "tercatat");
  // Keep the six-monthly report current so that only the term's timers are in play.
  b.act(id, "2026-08-20T09:00", "dinas-kukm", "susun_laporan");
  b.act(id, "2026-08-25T09:00", "dinas-kukm", "laporan_disampaikan");

  auto term_reminders = [&](const std::string& when) {
    const auto report = b.tick(when);
    return std::count_if(report.fired.begin(), report.fired.end(), [](const runtime::Event& e) {
      return e.type == runtime::EventType::ReminderSent && e.data.count("deadline") &&
             e.data.at("deadline") == "masa_berlaku_pks";
    });
  };
  CHECK(term_reminders("2026-11-29T08:00") == 0);
  CHECK(term_reminders("2026-11-30T08:00") == 1);  // 90 days before 28 February 2027
  CHECK(term_reminders("2026-11-30T09:00") == 0);  // once only
  CHECK(term_reminders("2027-01-29T08:00") == 1);  // 30 days before
}

}  // namespace regflow::test
