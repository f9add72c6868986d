// The shipped Perda procedure (workflows/perda.yaml) driven end to end, with its statutory dates
// computed on the real 2026 calendar. The dates in the assertions are written out by hand from
// the law and rules/calendars/2026.yaml, so a change to either shows up here.
#include <algorithm>

#include "tests/engine/app/bureau_fixture.hpp"

namespace regflow::test {
namespace {

/// Drives a Raperda from the proposal until the Governor has sent it to the DPRD.
std::string perda_sent_to_dprd(Bureau& b, const std::string& kategori) {
  const auto id = b.start("perda", "2026-01-06T09:00", "biro-hukum", {{"pemrakarsa", "dinas-kukm"}},
                          {{"kategori", kategori}});
  b.act(id, "2026-01-07T09:00", "dinas-kukm", "ajukan_usulan");
  b.act(id, "2026-01-12T09:00", "biro-hukum", "masuk_propemperda", "",
        {{"nomor_keputusan_propemperda", "12/KPTS/DPRD/2025"}});
  b.act(id, "2026-01-20T09:00", "dinas-kukm", "selesai_disusun");
  REQUIRE(b.step(id) == "paraf_koordinasi");
  b.act(id, "2026-01-21T09:00", "dinas-kukm", "sign");
  REQUIRE(b.step(id) == "paraf_koordinasi");  // the Biro Hukum has not initialled yet
  b.act(id, "2026-01-21T10:00", "biro-hukum", "sign");
  REQUIRE(b.step(id) == "permohonan_harmonisasi");
  b.act(id, "2026-01-22T09:00", "sekda", "ajukan");
  b.act(id, "2026-02-02T09:00", "biro-hukum",
        kategori == "rtrw" ? "ajukan_persetujuan_substansi" : "selesai_harmonisasi");
  if (kategori == "rtrw")
    b.act(id, "2026-02-03T08:00", "dinas-kukm", "persetujuan_substansi_diterima");
  b.act(id, "2026-02-03T09:00", "gubernur", "sampaikan");
  REQUIRE(b.step(id) == "pendaftaran_dprd");
  return id;
}

/// ... and until the DPRD has started deliberating it.
std::string perda_in_pembahasan(Bureau& b, const std::string& kategori) {
  const auto id = perda_sent_to_dprd(b, kategori);
  b.act(id, "2026-02-05T09:00", "biro-hukum", "pembahasan_dimulai");
  REQUIRE(b.step(id) == "pembahasan");
  return id;
}

/// An ordinary Raperda, facilitated, approved jointly on Thursday 12 March 2026.
std::string perda_approved_on_12_march(Bureau& b) {
  const auto id = perda_in_pembahasan(b, "umum");
  b.act(id, "2026-02-10T09:00", "biro-hukum", "ajukan_fasilitasi");
  b.act(id, "2026-02-20T09:00", "biro-hukum", "hasil_fasilitasi_diterima");
  b.act(id, "2026-02-24T09:00", "biro-hukum", "ajukan_persetujuan_bersama");
  b.act(id, "2026-03-12T14:00", "biro-hukum", "disetujui");
  return id;
}

}  // namespace

TEST_CASE("Perda umum: the main path from proposal to an enacted Perda", "[workflows][perda]") {
  Bureau b;
  const auto id = perda_approved_on_12_march(b);
  REQUIRE(b.step(id) == "penyampaian_ke_gubernur");  // fasilitasi was done: no evaluasi

  b.act(id, "2026-03-16T09:00", "biro-hukum", "diterima_gubernur");
  b.act(id, "2026-03-17T09:00", "biro-hukum", "ajukan_noreg");
  b.act(id, "2026-03-25T09:00", "biro-hukum", "noreg_diterima", "",
        {{"nomor_register", "NOREG 1-12/2026"}});
  REQUIRE(b.step(id) == "penetapan");
  b.act(id, "2026-04-06T10:00", "gubernur", "tetapkan");
  b.act(id, "2026-04-07T10:00", "sekda", "undangkan", "",
        {{"nomor_perda", "3 Tahun 2026"}, {"nomor_lembaran_daerah", "LD 2026 No. 3"}});
  REQUIRE(b.step(id) == "laporan_menteri");
  b.act(id, "2026-04-08T10:00", "biro-hukum", "laporan_dikirim");
  b.act(id, "2026-04-15T10:00", "biro-hukum", "selesai");

  const auto s = b.state(id);
  CHECK(s.step == "berlaku");
  CHECK(s.closed);
  CHECK(model::to_text(s.variables.at("nomor_perda")) == "3 Tahun 2026");
  // Signed on day 25 of 30: the statutory signing limit was met, not missed.
  const auto signing = b.deadline(id, "penetapan_30_hari", "2026-04-15");
  CHECK(signing.status == deadline::Status::Met);
}

TEST_CASE("Perda: the statutory dates after joint approval on Thursday 2026-03-12",
          "[workflows][perda][deadlines]") {
  Bureau b;
  const auto id = perda_approved_on_12_march(b);

  // UU 12/2011 Ps 78(2): the DPRD delivers within 7 hari (calendar days, the earlier reading).
  CHECK(b.due(id, "penyampaian_ke_gubernur", "2026-03-12") == "2026-03-19");
  // UU 12/2011 Ps 79(1): signed within 30 hari of joint approval.
  CHECK(b.due(id, "penetapan_30_hari", "2026-03-12") == "2026-04-11");
  const auto signing = b.deadline(id, "penetapan_30_hari", "2026-04-05");
  CHECK(signing.status == deadline::Status::DueSoon);  // 7 days of warning before the limit
  CHECK(signing.days_left == 6);

  // Received on Monday 16 March: the noreg request within 3 hari, the noreg within 7.
  b.act(id, "2026-03-16T09:00", "biro-hukum", "diterima_gubernur");
  CHECK(b.due(id, "permohonan_noreg", "2026-03-16") == "2026-03-19");
  b.act(id, "2026-03-17T09:00", "biro-hukum", "ajukan_noreg");
  CHECK(b.due(id, "noreg", "2026-03-17") == "2026-03-24");
  const auto late = b.deadline(id, "noreg", "2026-03-26");
  CHECK(late.status == deadline::Status::Overdue);
  CHECK(late.days_left == -2);
}

TEST_CASE("Perda: unsigned for 30 days after joint approval, it becomes valid by law",
          "[workflows][perda][timers]") {
  Bureau b;
  const auto id = perda_approved_on_12_march(b);
  b.act(id, "2026-03-16T09:00", "biro-hukum", "diterima_gubernur");
  b.act(id, "2026-03-17T09:00", "biro-hukum", "ajukan_noreg");
  b.act(id, "2026-03-25T09:00", "biro-hukum", "noreg_diterima", "",
        {{"nomor_register", "NOREG 1-12/2026"}});

  // A week before the limit the Biro Hukum is reminded.
  const auto reminder = b.tick("2026-04-04T08:00");
  REQUIRE(reminder.fired.size() == 1);
  CHECK(reminder.fired[0].type == runtime::EventType::ReminderSent);
  // On the last day nothing moves: the Governor may still sign until the end of that day.
  CHECK(b.tick("2026-04-11T23:30").fired.empty());
  CHECK(b.step(id) == "penetapan");

  const auto outcome = b.tick("2026-04-12T07:00");
  REQUIRE(outcome.fired.size() == 1);
  const auto& valid = outcome.fired[0];
  CHECK(valid.type == runtime::EventType::AutoTransition);
  CHECK(valid.actor == "system");
  CHECK(valid.from_step == "penetapan");
  CHECK(valid.to_step == "pengundangan");
  CHECK(valid.note.find("Peraturan Daerah ini dinyatakan sah") != std::string::npos);
  CHECK(b.step(id) == "pengundangan");
  CHECK(b.deadline(id, "penetapan_30_hari", "2026-04-12").status == deadline::Status::Missed);
  // Idempotent: cron may run again at the same minute.
  CHECK(b.tick("2026-04-12T07:00").fired.empty());
}

TEST_CASE("Perda pajak daerah: evaluasi after joint approval, with the fix loop",
          "[workflows][perda][deadlines]") {
  Bureau b;
  const auto id = perda_in_pembahasan(b, "pajak_daerah");
  // Every Raperda Provinsi, an evaluated one too, gets fasilitasi before the plenary
  // (Permendagri 80/2015 jo. 120/2018 Pasal 88 [C2]), within 15 hari kerja (Pasal 89(1)).
  const auto refused =
      b.refusal(id, "2026-02-10T09:00", "biro-hukum", "ajukan_persetujuan_bersama");
  CHECK(refused.kind == runtime::RefusalKind::GuardFalse);
  b.act(id, "2026-02-10T09:00", "biro-hukum", "ajukan_fasilitasi");
  // From Tuesday 10 Feb: 16 Feb (cuti bersama) and 17 Feb (Imlek) are not counted.
  CHECK(b.due(id, "fasilitasi", "2026-02-10") == "2026-03-05");
  b.act(id, "2026-02-20T09:00", "biro-hukum", "hasil_fasilitasi_diterima");
  b.act(id, "2026-02-24T09:00", "biro-hukum", "ajukan_persetujuan_bersama");
  b.act(id, "2026-03-12T14:00", "biro-hukum", "disetujui");
  REQUIRE(b.step(id) == "pengajuan_evaluasi");

  // UU 1/2022 Ps 98: submitted within 3 hari kerja (Fri 13, Mon 16, Tue 17 March); the period
  // is the pajak row of tenggat_evaluasi.
  CHECK(b.due(id, "pengajuan_evaluasi", "2026-03-12") == "2026-03-17");
  b.act(id, "2026-03-16T09:00", "dinas-kukm", "ajukan_evaluasi");
  // 12 hari kerja from Monday 16 March skip cuti bersama (18, 23, 24 March), Nyepi (19),
  // Idulfitri (20, 21) and Good Friday (3 April).
  CHECK(b.due(id, "evaluasi_pdrd", "2026-03-16") == "2026-04-09");

  b.act(id, "2026-04-06T09:00", "dinas-kukm", "hasil_evaluasi_diterima", "",
        {{"nomor_keputusan_evaluasi", "900.1-100/2026"}});
  REQUIRE(b.step(id) == "hasil_evaluasi");
  CHECK(b.due(id, "penetapan_30_hari_pasca_evaluasi", "2026-04-06") == "2026-05-06");

  // Not compliant: the fix step's period for a pajak Raperda is 7 hari kerja (tenggat_evaluasi),
  // and jalur_evaluasi sends the fixed draft back to the pajak evaluation.
  b.act(id, "2026-04-07T09:00", "biro-hukum", "tidak_sesuai",
        "Tarif Pasal 7 melebihi batas UU 1/2022");
  REQUIRE(b.step(id) == "penyempurnaan_evaluasi");
  CHECK(b.due(id, "penyempurnaan_evaluasi", "2026-04-07") == "2026-04-16");
  b.act(id, "2026-04-10T09:00", "dinas-kukm", "ajukan_ulang");
  REQUIRE(b.step(id) == "evaluasi_pdrd");
  b.act(id, "2026-04-20T09:00", "dinas-kukm", "hasil_evaluasi_diterima");
  b.act(id, "2026-04-21T09:00", "biro-hukum", "sesuai");
  REQUIRE(b.step(id) == "permohonan_noreg");
  // The 30-day clock paused while the draft was away being fixed (7 April to 20 April = 13 days).
  const auto signing = b.deadline(id, "penetapan_30_hari_pasca_evaluasi", "2026-04-21");
  CHECK(signing.paused_days == 13);
  CHECK(time::format_date(*signing.due) == "2026-05-19");
}

TEST_CASE("Perda RTRW: substance approval by ATR/BPN before the DPRD", "[workflows][perda]") {
  Bureau b;
  const auto id = b.start("perda", "2026-01-06T09:00", "biro-hukum", {{"pemrakarsa", "bappeda"}},
                          {{"kategori", "rtrw"}});
  b.act(id, "2026-01-07T09:00", "bappeda", "ajukan_usulan");
  b.act(id, "2026-01-12T09:00", "biro-hukum", "masuk_propemperda");
  b.act(id, "2026-01-20T09:00", "bappeda", "selesai_disusun");
  b.act(id, "2026-01-21T09:00", "bappeda", "sign");
  b.act(id, "2026-01-21T10:00", "biro-hukum", "sign");
  b.act(id, "2026-01-22T09:00", "sekda", "ajukan");
  const auto refused = b.refusal(id, "2026-02-02T09:00", "biro-hukum", "selesai_harmonisasi");
  CHECK(refused.kind == runtime::RefusalKind::GuardFalse);
  b.act(id, "2026-02-02T09:00", "biro-hukum", "ajukan_persetujuan_substansi");
  CHECK(b.step(id) == "persetujuan_substansi");
}

TEST_CASE("Perda: harmonisation returns the draft, and a fresh period starts when it is back",
          "[workflows][perda][deadlines]") {
  Bureau b;
  const auto id = b.start("perda", "2026-01-06T09:00", "biro-hukum", {{"pemrakarsa", "dinas-kukm"}},
                          {{"kategori", "umum"}});
  b.act(id, "2026-01-07T09:00", "dinas-kukm", "ajukan_usulan");
  b.act(id, "2026-01-12T09:00", "biro-hukum", "izin_prakarsa", "Arahan Gubernur");
  b.act(id, "2026-01-20T09:00", "dinas-kukm", "selesai_disusun");
  b.act(id, "2026-01-21T09:00", "dinas-kukm", "sign");
  b.act(id, "2026-01-21T10:00", "biro-hukum", "sign");
  b.act(id, "2026-01-22T09:00", "sekda", "ajukan");
  CHECK(b.due(id, "harmonisasi", "2026-01-22") == "2026-02-05");
  CHECK(b.refusal(id, "2026-01-26T09:00", "biro-hukum", "perlu_perbaikan").kind ==
        runtime::RefusalKind::NoteRequired);
  b.act(id, "2026-01-26T09:00", "biro-hukum", "perlu_perbaikan",
        "Konsideran belum memuat UU 1/2022");
  REQUIRE(b.step(id) == "penyusunan");
  // Back through paraf koordinasi: the earlier signatures were cleared by the return.
  b.act(id, "2026-01-28T09:00", "dinas-kukm", "selesai_disusun");
  CHECK(b.state(id).signatures.empty());
  b.act(id, "2026-01-29T09:00", "dinas-kukm", "sign");
  b.act(id, "2026-01-29T10:00", "biro-hukum", "sign");
  b.act(id, "2026-01-30T09:00", "sekda", "ajukan");
  // on_return: restart — a resubmission is checked afresh, with a new 14-day period.
  CHECK(b.due(id, "harmonisasi", "2026-01-30") == "2026-02-13");
}

TEST_CASE("Perda: withdrawal before and during the DPRD's deliberation", "[workflows][perda]") {
  Bureau b;
  SECTION("before deliberation starts, the Governor withdraws it alone") {
    const auto id = perda_sent_to_dprd(b, "umum");
    CHECK(b.refusal(id, "2026-02-04T09:00", "biro-hukum", "tarik_kembali", "x").kind ==
          runtime::RefusalKind::NotAllowed);
    b.act(id, "2026-02-04T09:00", "gubernur", "tarik_kembali", "Ditunda ke Propemperda berikutnya");
    CHECK(b.step(id) == "ditarik");
    CHECK(b.state(id).closed);
  }
  SECTION("during deliberation, only with the DPRD's agreement") {
    const auto id = perda_in_pembahasan(b, "umum");
    // Once deliberation has started, withdrawal needs the DPRD's agreement.
    CHECK(b.refusal(id, "2026-02-06T09:00", "gubernur", "tarik_kembali").kind ==
          runtime::RefusalKind::ActionNotHere);
    b.act(id, "2026-02-06T09:00", "gubernur", "usul_penarikan",
          "Materi diatur ulang dalam Perda lain");
    REQUIRE(b.step(id) == "penarikan");
    b.act(id, "2026-02-20T09:00", "biro-hukum", "penarikan_disetujui");
    CHECK(b.step(id) == "ditarik");
    CHECK(b.state(id).closed);
  }
  SECTION("a withdrawal the DPRD does not agree to goes back to deliberation") {
    const auto id = perda_in_pembahasan(b, "umum");
    b.act(id, "2026-02-06T09:00", "biro-hukum", "usul_penarikan", "Menunggu UU baru");
    b.act(id, "2026-02-20T09:00", "biro-hukum", "penarikan_tidak_disetujui",
          "DPRD meminta pembahasan dilanjutkan");
    CHECK(b.step(id) == "pembahasan");
  }
}

TEST_CASE("Perda: only the agency that owns a step may act on it", "[workflows][perda]") {
  Bureau b;
  const auto id = b.start("perda", "2026-01-06T09:00", "biro-hukum", {{"pemrakarsa", "dinas-kukm"}},
                          {{"kategori", "umum"}});
  const auto refused = b.refusal(id, "2026-01-07T09:00", "bapenda", "ajukan_usulan");
  CHECK(refused.kind == runtime::RefusalKind::NotAllowed);
  CHECK(std::find(refused.options.begin(), refused.options.end(), "dinas-kukm") !=
        refused.options.end());
  CHECK(b.step(id) == "usulan_propemperda");
}

TEST_CASE("Perda: without a noreg, the 30-day outcome escalates instead of promulgating",
          "[workflows][perda][timers]") {
  // UU 23/2014 Pasal 243(1) [R]: a Raperda without noreg may be neither adopted nor promulgated.
  Bureau b;
  const auto id = perda_approved_on_12_march(b);
  b.act(id, "2026-03-16T09:00", "biro-hukum", "diterima_gubernur");
  b.act(id, "2026-03-17T09:00", "biro-hukum", "ajukan_noreg");
  REQUIRE(b.step(id) == "noreg");

  const auto outcome = b.tick("2026-04-12T07:00");
  std::vector<runtime::Event> moved;
  std::vector<runtime::Event> escalated;
  for (const auto& event : outcome.fired) {
    if (event.type == runtime::EventType::AutoTransition) moved.push_back(event);
    if (event.data.count("guard_false") != 0) escalated.push_back(event);
  }
  CHECK(moved.empty());
  REQUIRE(escalated.size() == 1);
  CHECK(escalated[0].type == runtime::EventType::Escalated);
  CHECK(escalated[0].data.at("guard_false") == "reached('penetapan')");
  CHECK(escalated[0].note == "not moved to 'pengundangan': requires reached('penetapan')");
  CHECK(b.step(id) != "pengundangan");
  // Fired once: the next tick does not escalate again for the same clock.
  for (const auto& event : b.tick("2026-04-13T07:00").fired) {
    CHECK(event.data.count("guard_false") == 0);
  }
}

TEST_CASE("Perda: the 7-day report runs from the day the Perda became valid, not from the tick",
          "[workflows][perda][timers]") {
  Bureau b;
  const auto id = perda_approved_on_12_march(b);
  b.act(id, "2026-03-16T09:00", "biro-hukum", "diterima_gubernur");
  b.act(id, "2026-03-17T09:00", "biro-hukum", "ajukan_noreg");
  b.act(id, "2026-03-25T09:00", "biro-hukum", "noreg_diterima", "",
        {{"nomor_register", "NOREG 1-12/2026"}});
  // cron was down: the first tick after 11 April runs on 15 April.
  const auto outcome = b.tick("2026-04-15T07:00");
  REQUIRE(b.step(id) == "pengundangan");
  bool moved = false;
  for (const auto& event : outcome.fired) moved = moved || event.type == runtime::EventType::AutoTransition;
  CHECK(moved);
  // Valid by law on 12 April (the day after the 30 days): the report is due 7 days later.
  CHECK(b.due(id, "laporan_ke_menteri", "2026-04-15") == "2026-04-19");
}

}  // namespace regflow::test
