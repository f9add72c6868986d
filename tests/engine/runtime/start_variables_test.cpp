#include "engine/runtime/start_variables.hpp"

#include <catch2/catch.hpp>

#include "engine/load/config_set.hpp"
#include "tests/support/dates.hpp"

using namespace regflow;

namespace {

using Names = std::set<std::string>;

// The rule applied to one shipped workflow version.
Names later_of(const load::ConfigSet& config, const std::string& workflow, int version) {
  for (const auto* w : config.versions(workflow)) {
    if (w->version != version) continue;
    model::Diagnostics diagnostics;
    const auto executable = runtime::prepare(*w, config.rules, diagnostics);
    REQUIRE(diagnostics.empty());
    return runtime::filled_later(executable);
  }
  FAIL("no version " << version << " of " << workflow);
  return {};
}

}  // namespace

TEST_CASE("a variable an action sets and the first step does not read is filled in later",
          "[runtime][start]") {
  const auto config = load::load_config(REGFLOW_SOURCE_DIR, test::date("2026-01-05"));

  // Pergub: the kind of draft is asked (required), whether fasilitasi is asked for and whether
  // it amends a Pergub are known at start; the numbers come with promulgation and the decisions.
  const Names pergub_later{"status_gubernur", "nomor_keputusan_evaluasi", "nomor_pergub",
                           "nomor_berita_daerah", "nomor_keputusan_pembatalan"};
  CHECK(later_of(config, "pergub", 2) == pergub_later);
  CHECK(later_of(config, "pergub", 1) == pergub_later);

  // Perda: only the subject matter is asked; the propemperda dates and every number later.
  const Names perda_later{"status_gubernur",
                          "nomor_keputusan_propemperda",
                          "nomor_keputusan_evaluasi",
                          "nomor_register",
                          "nomor_perda",
                          "nomor_lembaran_daerah",
                          "batas_raperda_rpjmd_ke_dprd",
                          "batas_perda_rpjmd",
                          "batas_raperda_apbd_ke_dprd",
                          "batas_persetujuan_apbd"};
  CHECK(later_of(config, "perda", 2) == perda_later);
  CHECK(later_of(config, "perda", 1) == perda_later);

  // Cooperation: the partner (required) and the parent agreement, which a guard of the first
  // step reads (a derived PKS), are asked; the agreement numbers and dates come later.
  const auto kerjasama = later_of(config, "kerjasama", 2);
  CHECK_FALSE(kerjasama.contains("mitra"));
  CHECK_FALSE(kerjasama.contains("kb_induk"));
  CHECK(kerjasama == Names{"bentuk_hukum_mitra", "membebani_masyarakat", "anggaran_tersedia",
                           "nomor_kb_daerah", "nomor_kb_mitra", "kb_berlaku_sampai",
                           "nomor_persetujuan_dprd", "penandatangan_pks", "nomor_surat_kuasa",
                           "nomor_pks_daerah", "nomor_pks_mitra", "berlaku_mulai",
                           "berlaku_sampai"});
}

TEST_CASE("a variable a guard of the first step reads is asked at start", "[runtime][start]") {
  const auto config = load::load_config(REGFLOW_SOURCE_DIR, test::date("2026-01-05"));
  const auto* shipped = config.find("pergub");
  REQUIRE(shipped != nullptr);
  auto definition = *shipped;
  // A guard on the first step's action that names `nomor_pergub` directly keeps it at start.
  auto& first = definition.steps.front();
  REQUIRE(first.id == definition.initial);
  REQUIRE_FALSE(first.actions.empty());
  first.actions.front().guard = model::ExpressionText{"nomor_pergub != ''", {}};
  model::Diagnostics diagnostics;
  const auto executable = runtime::prepare(definition, config.rules, diagnostics);
  REQUIRE(diagnostics.empty());
  const auto later = runtime::filled_later(executable);
  CHECK_FALSE(later.contains("nomor_pergub"));
  CHECK(later.contains("nomor_berita_daerah"));
}
