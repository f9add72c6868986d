// The procedures as they stood in 2021 (docs/legal-basis.md#pergub-versions,
// docs/legal-basis.md#kerjasama-versions): a Pergub of 2021 and one of 2026 follow different
// harmonisation steps; a kerja sama of 2021 runs on the one kerja sama procedure, and a PKS under
// an MoU already signed starts from the MoU (the OK OCE practice, docs/legal-basis.md#gap-okoce).
#include "engine/app/definition_acceptance.hpp"
#include "tests/engine/app/bureau_fixture.hpp"

namespace regflow::test {
namespace {

const std::map<std::string, std::string> kRoles = {{"pemrakarsa", "dinas-kukm"},
                                                   {"asisten", "asisten-perekonomian"}};

/// A Pergub drafted, discussed and initialled by the four agencies; it waits for the
/// harmonisation request. `month` is a date prefix such as "2021-01".
std::string pergub_initialled(Bureau& b, const std::string& month) {
  const auto id =
      b.start("pergub", month + "-04T09:00", "biro-hukum", kRoles, {{"jenis_pergub", "biasa"}});
  b.act(id, month + "-05T09:00", "dinas-kukm", "selesai_disusun");
  b.act(id, month + "-06T09:00", "biro-hukum", "selesai_dibahas");
  for (const char* signer : {"dinas-kukm", "biro-hukum", "asisten-perekonomian", "sekda"}) {
    b.act(id, month + "-07T09:00", signer, "sign");
  }
  REQUIRE(b.step(id) == "permohonan_harmonisasi");
  return id;
}

int version_of(Bureau& b, const std::string& id) {
  return b.installation().read(id)->definition->version;
}

}  // namespace

TEST_CASE("a Pergub of 2021 is harmonised on the Biro Hukum's request, one of 2026 on the Sekda's",
          "[workflows][pergub][versions]") {
  Bureau b;
  SECTION("2021: pergub v1, Permenkumham 22/2018") {
    const auto id = pergub_initialled(b, "2021-01");
    CHECK(version_of(b, id) == 1);
    CHECK(b.refusal(id, "2021-01-08T09:00", "sekda", "ajukan").kind ==
          runtime::RefusalKind::NotAllowed);
    b.act(id, "2021-01-08T09:00", "biro-hukum", "ajukan");
    CHECK(b.step(id) == "harmonisasi");
  }
  SECTION("2026: pergub v2, UU 12/2011 Pasal 97D and Permenkum 40/2025") {
    const auto id = pergub_initialled(b, "2026-03");
    CHECK(version_of(b, id) == 2);
    CHECK(b.refusal(id, "2026-03-09T09:00", "biro-hukum", "ajukan").kind ==
          runtime::RefusalKind::NotAllowed);
    b.act(id, "2026-03-09T09:00", "sekda", "ajukan");
    CHECK(b.step(id) == "harmonisasi");
  }
}

TEST_CASE("the version is chosen by the start date: 15 and 16 June 2022 on either side",
          "[workflows][pergub][versions]") {
  Bureau b;
  // Both versions govern new dossiers here: the first start would otherwise make the other
  // one a proposal (engine/app/definition_acceptance.hpp).
  app::accept_definitions(b.config(), b.store(), {}, std::nullopt, false);
  const auto before =
      b.start("pergub", "2022-06-15T09:00", "biro-hukum", kRoles, {{"jenis_pergub", "biasa"}});
  const auto after =
      b.start("pergub", "2022-06-16T09:00", "biro-hukum", kRoles, {{"jenis_pergub", "biasa"}});
  CHECK(version_of(b, before) == 1);
  CHECK(version_of(b, after) == 2);
}

TEST_CASE("a PKS under an MoU already signed starts from the MoU, and only with it",
          "[workflows][kerjasama][versions]") {
  Bureau b;
  const std::map<std::string, std::string> okoce = {
      {"mitra", "Perkumpulan Gerakan OK OCE Indonesia"}, {"bentuk_hukum_mitra", "perkumpulan"}};
  SECTION("with the MoU named, straight to drafting the PKS") {
    auto sets = okoce;
    sets["kb_induk"] = "MoU OK OCE, KB 075/12/KS/2021";
    const auto id =
        b.start("kerjasama", "2021-03-16T09:00", "bappeda", {{"pemrakarsa", "bappeda"}}, sets);
    b.act(id, "2021-03-17T09:00", "bappeda", "pks_turunan_kb");
    CHECK(b.step(id) == "penyusunan_pks");
    CHECK_FALSE(b.state(id).reached.count("penyusunan_kb"));
  }
  SECTION("without it, the KB comes first") {
    const auto id =
        b.start("kerjasama", "2021-03-16T09:00", "bappeda", {{"pemrakarsa", "bappeda"}}, okoce);
    CHECK(b.refusal(id, "2021-03-17T09:00", "bappeda", "pks_turunan_kb").kind ==
          runtime::RefusalKind::GuardFalse);
    CHECK(b.step(id) == "persiapan");
  }
}

}  // namespace regflow::test
