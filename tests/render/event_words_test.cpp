// The words of a dossier's facts and history events, shared by `regflow show`/`history` and the
// web's dossier page.
#include <catch2/catch.hpp>

#include "cli/render/dossier.hpp"
#include "cli/render/event_title.hpp"
#include "cli/render/translate.hpp"
#include "cli/render/variable_facts.hpp"
#include "tests/support/dates.hpp"

using namespace regflow;
using namespace regflow::cli::render;

namespace {

model::WorkflowDefinition definition() {
  model::WorkflowDefinition def;
  def.name = "kerjasama";
  model::VariableDecl mitra;
  mitra.name = "mitra";
  mitra.title = "Nama pihak ketiga (mitra)";
  model::VariableDecl bentuk;
  bentuk.name = "bentuk_hukum_mitra";
  bentuk.title = "Bentuk hukum mitra";
  bentuk.type = model::ValueType::Enum;
  bentuk.values = {"perguruan_tinggi", "yayasan"};
  model::VariableDecl dprd;
  dprd.name = "perlu_persetujuan_dprd";
  dprd.title = "Perlu persetujuan DPRD";
  dprd.type = model::ValueType::Bool;
  model::VariableDecl sampai;
  sampai.name = "berlaku_sampai";
  sampai.title = "PKS berlaku sampai";
  sampai.type = model::ValueType::Date;
  model::VariableDecl nomor;
  nomor.name = "nomor_kb_daerah";  // no title: its code name stands in
  def.variables = {mitra, bentuk, dprd, sampai, nomor};
  model::Step step;
  step.id = "penyusunan";
  model::Action action;
  action.name = "ajukan";
  action.title = "Ajukan rancangan";
  action.target = "reviu";
  step.actions = {action};
  def.steps = {step};
  return def;
}

runtime::Event event(runtime::EventType type, std::map<std::string, std::string> data = {}) {
  runtime::Event e;
  e.type = type;
  e.dossier_id = "KS-2020-0001";
  e.sequence = 4;
  e.from_step = "paraf_koordinasi";
  e.to_step = "paraf_koordinasi";
  e.action = type == runtime::EventType::Signed ? "sign" : "";
  e.data = std::move(data);
  return e;
}

}  // namespace

TEST_CASE("a dossier's variables read by title, in words, unset ones as not yet filled",
          "[render][facts]") {
  const auto def = definition();
  runtime::DossierState state;
  state.variables["mitra"] = std::string("Universitas Bangka Belitung");
  state.variables["bentuk_hukum_mitra"] = std::string("perguruan_tinggi");
  state.variables["perlu_persetujuan_dprd"] = false;
  state.variables["berlaku_sampai"] = test::date("2026-12-31");
  state.variables["lama"] = std::string("x");  // kept by an older version of the definition
  const LanguageScope scope(Language::Indonesian);
  const auto facts = variable_facts(def, state);
  REQUIRE(facts.size() == 6);
  CHECK(facts[0].title == "Nama pihak ketiga (mitra)");
  CHECK(facts[0].value == "Universitas Bangka Belitung");
  CHECK(facts[1].value == "perguruan tinggi");
  CHECK(facts[2].title == "Perlu persetujuan DPRD");
  CHECK(facts[2].value == "tidak");
  CHECK(facts[3].value == "31/12/2026");
  CHECK(facts[4].title == "nomor_kb_daerah");
  CHECK(facts[4].value == "belum diisi");
  CHECK_FALSE(facts[4].filled);
  CHECK(facts[5].title == "lama");
  state.variables["perlu_persetujuan_dprd"] = true;
  CHECK(variable_facts(def, state)[2].value == "ya");
  const LanguageScope english(Language::English);
  CHECK(variable_facts(def, state)[2].value == "yes");
  CHECK(variable_facts(def, state)[4].value == "not yet filled");
}

TEST_CASE("history events in words: a sign-off as paraf, a correction and a moved deadline",
          "[render][history]") {
  const auto def = definition();
  const LanguageScope scope(Language::Indonesian);
  const auto signed_event = event(runtime::EventType::Signed);
  CHECK(event_title(signed_event, def) == "paraf");
  CHECK(describe_event(signed_event) == "paraf: paraf_koordinasi");
  auto completing = signed_event;
  completing.to_step = "reviu";
  CHECK(describe_event(completing) ==
        "paraf: paraf_koordinasi -> reviu (paraf koordinasi lengkap)");

  const auto corrected =
      event(runtime::EventType::Corrected, {{"title", "KB UBB"}, {"was.title", "KB UB"}});
  CHECK(event_title(corrected, def) == describe_event(corrected));
  CHECK(event_title(corrected, def).find("'KB UB' -> 'KB UBB'") != std::string::npos);

  const auto moved =
      event(runtime::EventType::DeadlineRecomputed, {{"deadline", "reviu_kb"},
                                                     {"decree", "SKB 3 Menteri 2021"},
                                                     {"on", "2021-02-22"},
                                                     {"from", "2021-03-16"},
                                                     {"to", "2021-03-17"}});
  CHECK(event_title(moved, def) ==
        "tenggat 'reviu_kb' dipindah dari 16/03/2021 ke 17/03/2021 oleh SKB 3 Menteri 2021 pada "
        "22/02/2021");

  auto action = event(runtime::EventType::ActionTaken);
  action.from_step = "penyusunan";
  action.action = "ajukan";
  CHECK(event_title(action, def) == "Ajukan rancangan");
  CHECK(event_title(event(runtime::EventType::Started), def) == "dimulai");
  // Timers name their deadline by its title (a step limit by its step's), never by its code.
  auto titled = def;
  titled.steps[0].title = "Penyusunan rancangan";
  auto reminder = event(runtime::EventType::ReminderSent, {{"due", "2021-03-16"}});
  reminder.action = "penyusunan";
  CHECK(event_title(reminder, titled) ==
        "pengingat: tenggat \"Penyusunan rancangan\" jatuh tempo 16/03/2021");
  auto escalated =
      event(runtime::EventType::Escalated, {{"due", "2021-03-16"}, {"to_agency", "sekda"}});
  escalated.action = "penyusunan";
  CHECK(event_title(escalated, titled) ==
        "dieskalasi ke sekda: tenggat \"Penyusunan rancangan\" jatuh tempo 16/03/2021");
  auto extended =
      event(runtime::EventType::DeadlineExtended, {{"deadline", "reviu_kb"}, {"to", "2021-03-20"}});
  CHECK(event_title(extended, def) == "tenggat \"reviu_kb\" diperpanjang sampai 20/03/2021");

  const LanguageScope english(Language::English);
  CHECK(event_title(signed_event, def) == "sign");
  CHECK(event_title(reminder, titled) ==
        "reminder: deadline \"Penyusunan rancangan\" is due 2021-03-16");
  CHECK(event_title(moved, def) ==
        "deadline 'reviu_kb' moved from 2021-03-16 to 2021-03-17 by SKB 3 Menteri 2021 on "
        "2021-02-22");
}
