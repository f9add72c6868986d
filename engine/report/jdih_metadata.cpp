#include "engine/report/jdih_metadata.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace regflow::report {
namespace {

// Which events promulgate a product is read from the shipped workflows: the action that leaves
// the step requiring produk_final (tests/engine/report/jdih_metadata_test.cpp checks each
// profile against the definitions). A kerja sama is public once its Kesepakatan Bersama is
// signed; its PKS are agreements between agencies, not catalogued (docs/publication.md).
const std::vector<JdihProfile> kProfiles = {
    {"perda", "Peraturan Perundang-undangan", "Peraturan Daerah", "PERDA", "nomor_perda",
     "Lembaran Daerah", "nomor_lembaran_daerah", "pengundangan", "undangkan", "pengundangan"},
    {"pergub", "Peraturan Perundang-undangan", "Peraturan Gubernur", "PERGUB", "nomor_pergub",
     "Berita Daerah", "nomor_berita_daerah", "pengundangan", "undangkan", "pengundangan"},
    {"kerjasama", "", "Kesepakatan Bersama", "KB", "nomor_kb_daerah", "", "", "penandatanganan_kb",
     "ditandatangani", ""},
};

bool moves(const runtime::Event& e) {
  return e.type == runtime::EventType::ActionTaken ||
         e.type == runtime::EventType::AutoTransition || e.type == runtime::EventType::Signed;
}

std::string variable_text(const runtime::DossierState& state, const std::string& name) {
  if (name.empty()) return "";
  auto it = state.variables.find(name);
  return it == state.variables.end() ? "" : model::to_text(it->second);
}

}  // namespace

const std::vector<JdihProfile>& jdih_profiles() {
  return kProfiles;
}

const JdihProfile* jdih_profile(const std::string& workflow) {
  auto it = std::find_if(kProfiles.begin(), kProfiles.end(),
                         [&](const JdihProfile& p) { return p.workflow == workflow; });
  return it == kProfiles.end() ? nullptr : &*it;
}

const std::string& JdihEntry::value(const std::string& key) const {
  static const std::string kNone;
  for (const auto& f : fields) {
    if (f.key == key) return f.value;
  }
  return kNone;
}

JdihOutcome jdih_entry(const model::WorkflowDefinition& definition,
                       const runtime::DossierState& state,
                       const std::vector<runtime::Event>& events,
                       const model::PublicationSettings& settings,
                       const model::AgencyDirectory& agencies, time::UtcOffset offset) {
  PublicationRefusal refusal;
  refusal.dossier_id = state.id;
  refusal.workflow = state.workflow;
  refusal.step = state.step;
  if (const auto* here = definition.find_step(state.step)) refusal.step_title = here->title;
  const JdihProfile* profile = jdih_profile(state.workflow);
  if (profile == nullptr) {
    refusal.problem = PublicationProblem::NotCatalogued;
    return refusal;
  }
  refusal.required_action = profile->promulgation_action;
  if (const auto* step = definition.find_step(profile->promulgation_step)) {
    refusal.required_step_title = step->title;
    if (const auto* action = step->find_action(profile->promulgation_action)) {
      refusal.required_action_title = action->title;
    }
  }

  // The last promulgation counts (a dossier promulgates once; a corrected history would show
  // the later one), and the product is the produk_final version it was promulgated with.
  const runtime::Event* promulgation = nullptr;
  for (const auto& e : events) {
    if (e.type == runtime::EventType::ActionTaken && e.from_step == profile->promulgation_step &&
        e.action == profile->promulgation_action) {
      promulgation = &e;
    }
  }
  if (promulgation == nullptr) {
    refusal.problem = PublicationProblem::NotPromulgated;
    return refusal;
  }
  std::vector<runtime::Event> before;
  for (const auto& e : events) {
    if (e.sequence < promulgation->sequence) before.push_back(e);
  }
  auto product = runtime::find_document(runtime::documents_of(before), kProductKind, std::nullopt);
  if (!product) {
    refusal.problem = PublicationProblem::NoProduct;
    return refusal;
  }

  // Penetapan: the signature that moved the dossier into pengundangan (the Governor's, or the
  // law's automatic outcome after 30 days); for an agreement, the promulgating signature.
  const runtime::Event* signing = promulgation;
  if (!profile->signed_into.empty()) {
    signing = nullptr;
    for (const auto& e : before) {
      if (moves(e) && e.to_step == profile->signed_into && e.from_step != e.to_step) signing = &e;
    }
  }
  const auto promulgated_on = local_date(promulgation->at, offset);
  std::string penetapan, penandatangan;
  if (signing != nullptr) {
    penetapan = time::format_date(local_date(signing->at, offset));
    // A Perda valid without signature (UU 12/2011 Pasal 79(2)) has no signatory to name.
    if (signing->type == runtime::EventType::ActionTaken) {
      penandatangan = agencies.name_of(signing->agency);
    }
  }
  const bool has_pengundangan = !profile->sumber.empty();
  const std::string pengundangan = has_pengundangan ? time::format_date(promulgated_on) : "";
  const std::string year = std::to_string(time::year_of(
      has_pengundangan || signing == nullptr ? promulgated_on : local_date(signing->at, offset)));
  const std::string number = variable_text(state, profile->number_variable);
  const std::string sumber_number = variable_text(state, profile->sumber_variable);
  std::string sumber;
  if (has_pengundangan && !sumber_number.empty() && !settings.lokasi.empty()) {
    sumber = fmt::format("{} {} Tahun {} Nomor {}", profile->sumber, settings.lokasi, year,
                         sumber_number);
  }
  const auto* final_step = definition.find_step(state.step);
  const bool stopped =
      final_step != nullptr && final_step->kind == model::StepKind::Final && !final_step->completes;
  auto pemrakarsa = state.bindings.find("pemrakarsa");

  JdihEntry entry;
  entry.dossier_id = state.id;
  entry.workflow = state.workflow;
  entry.definition_hash = state.definition_hash;
  entry.last_sequence = state.version;
  entry.last_hash = state.last_hash;
  entry.promulgation_sequence = promulgation->sequence;
  entry.promulgation_hash = promulgation->hash;
  entry.promulgated_at = promulgation->at;
  entry.document = *product;
  entry.file_name = product->name;
  if (entry.file_name == kMetadataFile || entry.file_name == kFeedFile ||
      entry.file_name == kChecksumFile) {
    entry.file_name = std::string(kProductKind) + "-" + entry.file_name;
  }
  const std::string number_source = fmt::format("dossier variable {}", profile->number_variable);
  entry.fields = {
      {"tipe_dokumen", "Tipe Dokumen", profile->tipe_dokumen, "workflow " + profile->workflow},
      {"judul", "Judul", state.title, "dossier title"},
      {"teu_badan", "T.E.U. Badan/Pengarang", settings.teu_badan,
       "settings.yaml publication.teu_badan"},
      {"nomor_peraturan", "Nomor Peraturan", number, number_source},
      {"jenis", "Jenis/Bentuk Peraturan", profile->jenis, "workflow " + profile->workflow},
      {"singkatan_jenis", "Singkatan Jenis/Bentuk Peraturan", profile->singkatan,
       "workflow " + profile->workflow},
      {"tempat_penetapan", "Tempat Penetapan", settings.tempat_penetapan,
       "settings.yaml publication.tempat_penetapan"},
      {"tanggal_penetapan", "Tanggal Penetapan", penetapan,
       signing != nullptr ? fmt::format("event {} ({})", signing->sequence, signing->action)
                          : "no signing event"},
      {"tanggal_pengundangan", "Tanggal Pengundangan", pengundangan,
       has_pengundangan ? fmt::format("event {} ({})", promulgation->sequence, promulgation->action)
                        : "not promulgated in a Lembaran or Berita Daerah"},
      {"tahun", "Tahun Penetapan/Pengundangan", year,
       has_pengundangan ? "year of pengundangan" : "year of penetapan"},
      {"sumber", "Sumber", sumber,
       has_pengundangan
           ? fmt::format("{} (dossier variable {}) and settings.yaml publication.lokasi",
                         profile->sumber, profile->sumber_variable)
           : "not promulgated in a Lembaran or Berita Daerah"},
      {"subjek", "Subjek", "", "not recorded by regflow"},
      {"status", "Status Peraturan", stopped ? "Tidak Berlaku" : "Berlaku",
       fmt::format("dossier step {}", state.step)},
      {"bahasa", "Bahasa", "Indonesia", "UU 24/2009 Pasal 26"},
      {"lokasi", "Lokasi", settings.lokasi, "settings.yaml publication.lokasi"},
      {"bidang_hukum", "Bidang Hukum", "", "not recorded by regflow"},
      {"pemrakarsa", "Pemrakarsa",
       pemrakarsa == state.bindings.end() ? "" : agencies.name_of(pemrakarsa->second),
       "dossier role pemrakarsa"},
      {"penandatangan", "Penandatangan", penandatangan,
       signing != nullptr ? fmt::format("agency of event {}", signing->sequence)
                          : "no signing event"},
      {"lampiran", "Lampiran", entry.file_name,
       fmt::format("{} version {} (event {})", product->kind, product->version, product->sequence)},
  };
  return entry;
}

}  // namespace regflow::report
