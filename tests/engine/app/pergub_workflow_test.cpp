// The shipped Pergub procedure (workflows/pergub.yaml): drafting with the Governor's two-week
// target, paraf koordinasi by four agencies, harmonisation, evaluasi only for a Pergub
// penjabaran APBD, and the cancellation branch with its 7- and 14-day limits.
#include "tests/engine/app/bureau_fixture.hpp"

namespace regflow::test {
namespace {

const std::map<std::string, std::string> kRoles = {{"pemrakarsa", "dinas-kukm"},
                                                   {"asisten", "asisten-perekonomian"}};

/// A Pergub drafted, discussed and initialled by all four agencies; now at harmonisation.
std::string pergub_in_harmonisasi(Bureau& b, const std::string& jenis, const char* within = "") {
  const auto id = b.start("pergub", "2026-03-02T09:00", "biro-hukum", kRoles,
                          {{"jenis_pergub", jenis}}, within);
  b.act(id, "2026-03-04T09:00", "dinas-kukm", "selesai_disusun");
  b.act(id, "2026-03-05T09:00", "biro-hukum", "selesai_dibahas");
  REQUIRE(b.step(id) == "paraf_koordinasi");
  for (const char* signer : {"dinas-kukm", "biro-hukum", "asisten-perekonomian"}) {
    b.act(id, "2026-03-06T09:00", signer, "sign");
    REQUIRE(b.step(id) == "paraf_koordinasi");
  }
  const auto refused = b.refusal(id, "2026-03-06T10:00", "dinas-kukm", "sign");  // signing twice
  CHECK(refused.kind == runtime::RefusalKind::AlreadySigned);
  b.act(id, "2026-03-09T09:00", "sekda", "sign");
  REQUIRE(b.step(id) == "permohonan_harmonisasi");
  b.act(id, "2026-03-09T10:00", "sekda", "ajukan");
  REQUIRE(b.step(id) == "harmonisasi");
  return id;
}

/// ... then reviewed, adopted and promulgated; now under the Minister's supervision.
std::string pergub_promulgated(Bureau& b) {
  const auto id = pergub_in_harmonisasi(b, "biasa");
  b.act(id, "2026-03-12T09:00", "biro-hukum", "selesai_harmonisasi");
  b.act(id, "2026-03-13T09:00", "sekda", "ajukan_penetapan");
  b.act(id, "2026-03-16T09:00", "gubernur", "tetapkan");
  b.act(id, "2026-03-17T09:00", "sekda", "undangkan", "",
        {{"nomor_pergub", "12 Tahun 2026"}, {"nomor_berita_daerah", "BD 2026 No. 12"}});
  b.act(id, "2026-03-18T09:00", "biro-hukum", "laporan_dikirim");
  REQUIRE(b.step(id) == "pengawasan_pembatalan");
  return id;
}

}  // namespace

TEST_CASE("Pergub biasa: the main path, within the Governor's two weeks", "[workflows][pergub]") {
  Bureau b;
  const auto id = b.start("pergub", "2026-03-02T09:00", "biro-hukum", kRoles,
                          {{"jenis_pergub", "biasa"}}, "14d");
  CHECK(b.due(id, "target", "2026-03-02") == "2026-03-16");
  b.act(id, "2026-03-04T09:00", "dinas-kukm", "selesai_disusun");
  b.act(id, "2026-03-05T09:00", "biro-hukum", "selesai_dibahas");
  for (const char* signer : {"dinas-kukm", "biro-hukum", "asisten-perekonomian", "sekda"}) {
    b.act(id, "2026-03-06T09:00", signer, "sign");
  }
  b.act(id, "2026-03-06T10:00", "sekda", "ajukan");
  // A Pergub that is not penjabaran APBD may not be sent for evaluasi.
  CHECK(b.refusal(id, "2026-03-12T09:00", "biro-hukum", "ajukan_evaluasi").kind ==
        runtime::RefusalKind::GuardFalse);
  b.act(id, "2026-03-12T09:00", "biro-hukum", "selesai_harmonisasi");
  b.act(id, "2026-03-13T09:00", "sekda", "ajukan_penetapan");
  // Ready for signature on the last day of the two weeks: the Governor's target is met.
  CHECK(b.deadline(id, "target", "2026-03-16").status == deadline::Status::Met);
  b.act(id, "2026-03-16T09:00", "gubernur", "tetapkan");
  b.act(id, "2026-03-17T09:00", "sekda", "undangkan");
  // UU 23/2014 Ps 249: reported to the Minister within 7 hari of penetapan (Monday 16 March).
  CHECK(b.due(id, "laporan_ke_menteri", "2026-03-17") == "2026-03-23");
  b.act(id, "2026-03-18T09:00", "biro-hukum", "laporan_dikirim");
  b.act(id, "2026-05-20T09:00", "biro-hukum", "tidak_dibatalkan");
  CHECK(b.step(id) == "berlaku");
  CHECK(b.state(id).closed);
}

TEST_CASE("Pergub: paraf koordinasi returned for revision clears the signatures",
          "[workflows][pergub]") {
  Bureau b;
  const auto id =
      b.start("pergub", "2026-03-02T09:00", "biro-hukum", kRoles, {{"jenis_pergub", "biasa"}});
  b.act(id, "2026-03-04T09:00", "dinas-kukm", "selesai_disusun");
  b.act(id, "2026-03-05T09:00", "biro-hukum", "selesai_dibahas");
  b.act(id, "2026-03-06T09:00", "dinas-kukm", "sign");
  b.act(id, "2026-03-06T10:00", "biro-hukum", "sign");
  CHECK(b.state(id).signatures.size() == 2);
  // The Asisten does not sign; only the Biro Hukum, which coordinates the paraf, sends it back.
  CHECK(b.refusal(id, "2026-03-09T09:00", "asisten-perekonomian", "kembalikan", "x").kind ==
        runtime::RefusalKind::NotAllowed);
  b.act(id, "2026-03-09T09:00", "biro-hukum", "kembalikan", "Pasal 5 belum sesuai");
  CHECK(b.step(id) == "pembahasan_tim");
  CHECK(b.state(id).signatures.empty());
  // The history keeps the signatures that were given.
  int signed_events = 0;
  for (const auto& e : b.events(id)) signed_events += e.type == runtime::EventType::Signed ? 1 : 0;
  CHECK(signed_events == 2);
}

TEST_CASE("Pergub penjabaran APBD: evaluasi by the Minister, with the fix loop",
          "[workflows][pergub][deadlines]") {
  Bureau b;
  const auto id = pergub_in_harmonisasi(b, "penjabaran_apbd");
  CHECK(b.refusal(id, "2026-03-12T09:00", "biro-hukum", "selesai_harmonisasi").kind ==
        runtime::RefusalKind::GuardFalse);
  b.act(id, "2026-03-12T09:00", "biro-hukum", "ajukan_evaluasi");
  REQUIRE(b.step(id) == "pengajuan_evaluasi");
  CHECK(b.due(id, "pengajuan_evaluasi", "2026-03-12") == "2026-03-15");
  b.act(id, "2026-03-13T09:00", "dinas-kukm", "ajukan_evaluasi");
  // 15 hari kerja from Friday 13 March, past the Nyepi and Idulfitri holidays.
  CHECK(b.due(id, "evaluasi", "2026-03-13") == "2026-04-13");
  b.act(id, "2026-04-06T09:00", "dinas-kukm", "hasil_evaluasi_diterima", "",
        {{"nomor_keputusan_evaluasi", "903-1/2026"}});
  b.act(id, "2026-04-07T09:00", "biro-hukum", "tidak_sesuai", "Belanja hibah belum sesuai");
  REQUIRE(b.step(id) == "penyempurnaan");
  b.act(id, "2026-04-09T09:00", "dinas-kukm", "ajukan_ulang");
  b.act(id, "2026-04-14T09:00", "dinas-kukm", "hasil_evaluasi_diterima");
  b.act(id, "2026-04-15T09:00", "biro-hukum", "sesuai");
  CHECK(b.step(id) == "reviu_sekda");
}

TEST_CASE("Pergub cancelled by the Minister: revoke within 7 days or object within 14",
          "[workflows][pergub][deadlines]") {
  Bureau b;
  const auto id = pergub_promulgated(b);
  b.act(id, "2026-04-02T09:00", "biro-hukum", "keputusan_pembatalan_diterima", "",
        {{"nomor_keputusan_pembatalan", "100.2-500/2026"}});
  REQUIRE(b.step(id) == "pembatalan");
  CHECK(b.due(id, "pencabutan_7_hari", "2026-04-02") == "2026-04-09");
  CHECK(b.due(id, "keberatan_14_hari", "2026-04-02") == "2026-04-16");

  SECTION("the province revokes it") {
    b.act(id, "2026-04-08T09:00", "gubernur", "dicabut");
    CHECK(b.step(id) == "dibatalkan");
    CHECK(b.deadline(id, "pencabutan_7_hari", "2026-04-08").status == deadline::Status::Met);
  }
  SECTION("the province objects, the President refuses, it is revoked late") {
    b.act(id, "2026-04-06T09:00", "biro-hukum", "ajukan_keberatan", "Pembatalan tidak berdasar");
    CHECK(b.deadline(id, "keberatan_14_hari", "2026-04-06").status == deadline::Status::Met);
    // The 7-day duty to revoke keeps running while the objection is pending.
    CHECK(b.deadline(id, "pencabutan_7_hari", "2026-04-10").status == deadline::Status::Overdue);
    b.act(id, "2026-04-20T09:00", "biro-hukum", "keberatan_ditolak");
    b.act(id, "2026-04-21T09:00", "biro-hukum", "dicabut");
    CHECK(b.step(id) == "dibatalkan");
    CHECK(b.deadline(id, "pencabutan_7_hari", "2026-04-21").status == deadline::Status::Missed);
  }
}

}  // namespace regflow::test
