#include "engine/runtime/decide.hpp"

#include <catch2/catch.hpp>

#include "engine/runtime/event.hpp"
#include "engine/runtime/evolve.hpp"
#include "tests/engine/runtime/mini_fixture.hpp"

using namespace regflow;
using runtime::EventType;
using runtime::RefusalKind;
using test::Mini;

namespace {

using Strings = std::vector<std::string>;

/// Drives mini to the sign-off step: started Monday 2 March 2026, submitted the same day.
Mini at_paraf() {
  Mini m;
  m.start("2026-03-02T09:00");
  m.advance("2026-03-02T10:00", m.ani, "ajukan");
  return m;
}

}  // namespace

TEST_CASE("start opens a dossier in the initial step with its bindings and defaults",
          "[runtime][decide]") {
  Mini m;
  m.start("2026-03-02T09:00");
  REQUIRE(m.log.size() == 1);
  const auto& e = m.log[0];
  CHECK(e.type == EventType::Started);
  CHECK(e.sequence == 1);
  CHECK(e.prev_hash.empty());
  CHECK(e.actor == "ani");
  CHECK(e.agency == "dinas-kukm");
  CHECK(e.to_step == "penyusunan");
  CHECK(e.data.at("bind.pemrakarsa") == "dinas-kukm");
  CHECK(e.data.at("workflow") == "mini");
  CHECK(m.state.step == "penyusunan");
  CHECK(m.state.version == 1);
  CHECK(model::to_text(m.state.variables.at("jenis")) == "biasa");
  CHECK(m.state.bindings.at("pemrakarsa") == "dinas-kukm");
  CHECK_FALSE(m.state.closed);
  REQUIRE(m.state.clocks.size() == 1);
  CHECK(m.state.clocks[0].id == "penyusunan");
}

TEST_CASE("start refuses an unknown role, an unknown agency, an unbound role and two targets",
          "[runtime][decide][refusal]") {
  Mini m;
  runtime::StartCommand c;
  c.dossier_id = "MINI-2026-0001";
  c.title = "x";
  SECTION("unknown role") {
    c.bindings["pemrakarza"] = "dinas-kukm";
    const auto r = Mini::refused(runtime::decide_start(m.at("2026-03-02"), c, m.ani));
    CHECK(r.kind == RefusalKind::UnknownRole);
    CHECK(r.subject == "pemrakarza");
    CHECK(r.options == Strings{"pemrakarsa"});
  }
  SECTION("unknown agency") {
    c.bindings["pemrakarsa"] = "dinas-kukn";
    const auto r = Mini::refused(runtime::decide_start(m.at("2026-03-02"), c, m.ani));
    CHECK(r.kind == RefusalKind::UnknownAgency);
    CHECK(r.subject == "dinas-kukn");
  }
  SECTION("a role with no default must be bound") {
    const auto r = Mini::refused(runtime::decide_start(m.at("2026-03-02"), c, m.ani));
    CHECK(r.kind == RefusalKind::UnboundRole);
    CHECK(r.subject == "pemrakarsa");
  }
  SECTION("both --target and --within") {
    c.bindings["pemrakarsa"] = "dinas-kukm";
    c.target = time::parse_date("2026-04-01");
    c.within = time::Duration{10, time::DayUnit::Working};
    CHECK(Mini::refused(runtime::decide_start(m.at("2026-03-02"), c, m.ani)).kind ==
          RefusalKind::NoTarget);
  }
  SECTION("--within sets a target computed in working days") {
    c.bindings["pemrakarsa"] = "dinas-kukm";
    c.within = time::Duration{10, time::DayUnit::Working};
    const auto events = Mini::accepted(runtime::decide_start(m.at("2026-03-02"), c, m.ani));
    // 10 working days after Mon 2 Mar 2026: 3,4,5,6,9,10,11,12,13,16 March.
    CHECK(events.at(0).data.at("target") == "2026-03-16");
    CHECK(events.at(0).data.at("target_within") == "10 hari kerja");
  }
}

TEST_CASE("every action of mini moves the dossier to its target", "[runtime][decide]") {
  Mini m = at_paraf();
  CHECK(m.state.step == "paraf");
  CHECK(m.log.back().type == EventType::ActionTaken);
  CHECK(m.log.back().from_step == "penyusunan");
  CHECK(m.log.back().to_step == "paraf");

  SECTION("sign-off, harmonisasi, penetapan, selesai") {
    m.sign_all("2026-03-03T09:00");
    CHECK(m.state.step == "harmonisasi");
    m.advance("2026-03-04T09:00", m.budi, "selesai");
    CHECK(m.state.step == "penetapan");
    m.advance("2026-03-05T09:00", m.sari, "tetapkan");
    CHECK(m.state.step == "selesai");
    CHECK(m.state.closed);
    CHECK(m.state.reached ==
          std::set<std::string>{"penyusunan", "paraf", "harmonisasi", "penetapan", "selesai"});
    for (const auto& clock : m.state.clocks) CHECK_FALSE(clock.running());
  }
  SECTION("kembalikan from the sign-off step is a return with a note") {
    m.advance("2026-03-03T09:00", m.budi, "kembalikan", "pasal 3 kurang jelas");
    CHECK(m.state.step == "penyusunan");
    CHECK(m.log.back().data.at("return") == "true");
    CHECK(m.log.back().note == "pasal 3 kurang jelas");
  }
  SECTION("kembalikan from harmonisasi") {
    m.sign_all("2026-03-03T09:00");
    m.advance("2026-03-04T09:00", m.budi, "kembalikan", "catatan Kanwil");
    CHECK(m.state.step == "penyusunan");
  }
  SECTION("ajukan sets jenis") {
    Mini n;
    n.start("2026-03-02T09:00");
    n.advance("2026-03-02T10:00", n.ani, "ajukan", "", {{"jenis", "khusus"}});
    CHECK(model::to_text(n.state.variables.at("jenis")) == "khusus");
    CHECK(n.log.back().changes == std::map<std::string, std::string>{{"jenis", "khusus"}});
  }
}

TEST_CASE("the sign-off step completes on the third signature when all must sign",
          "[runtime][decide][signoff]") {
  Mini m = at_paraf();
  CHECK(runtime::pending_signers(m.def(), m.state) == Strings{"dinas-kukm", "biro-hukum", "sekda"});
  m.advance("2026-03-03T09:00", m.budi, "sign");
  CHECK(m.log.back().type == EventType::Signed);
  CHECK(m.log.back().agency == "biro-hukum");
  CHECK(m.log.back().to_step == "paraf");
  CHECK(m.state.step == "paraf");
  m.advance("2026-03-03T09:10", m.ani, "sign");
  CHECK(m.state.step == "paraf");
  CHECK(runtime::pending_signers(m.def(), m.state) == Strings{"sekda"});
  m.advance("2026-03-03T09:20", m.sari, "sign");
  CHECK(m.log.back().to_step == "harmonisasi");
  CHECK(m.state.step == "harmonisasi");
  CHECK(m.state.signatures.empty());
}

TEST_CASE("a return for revision clears the signatures", "[runtime][decide][signoff]") {
  Mini m = at_paraf();
  m.advance("2026-03-03T09:00", m.budi, "sign");
  m.advance("2026-03-03T09:10", m.sari, "sign");
  CHECK(m.state.signatures.size() == 2);
  m.advance("2026-03-03T10:00", m.budi, "kembalikan", "lampiran kurang");
  CHECK(m.state.signatures.empty());
  m.advance("2026-03-04T10:00", m.ani, "ajukan");
  CHECK(m.state.step == "paraf");
  CHECK(runtime::pending_signers(m.def(), m.state) == Strings{"dinas-kukm", "biro-hukum", "sekda"});
  SECTION("so a signature given before the return must be given again") {
    m.advance("2026-03-04T11:00", m.budi, "sign");
    m.advance("2026-03-04T11:00", m.sari, "sign");
    CHECK(m.state.step == "paraf");
    m.advance("2026-03-04T11:00", m.ani, "sign");
    CHECK(m.state.step == "harmonisasi");
  }
}

TEST_CASE("every refusal kind of advance is reachable and changes nothing",
          "[runtime][decide][refusal]") {
  Mini m = at_paraf();
  const auto before = m.state.version;

  SECTION("unknown action") {
    const auto r = Mini::refused(m.try_advance("2026-03-03", m.budi, "terbang"));
    CHECK(r.kind == RefusalKind::UnknownAction);
    CHECK(r.subject == "terbang");
    CHECK(r.found == "paraf");
    CHECK(r.options == Strings{"sign", "kembalikan"});
  }
  SECTION("an action of another step") {
    const auto r = Mini::refused(m.try_advance("2026-03-03", m.sari, "tetapkan"));
    CHECK(r.kind == RefusalKind::ActionNotHere);
    CHECK(r.subject == "tetapkan");
    CHECK(r.found == "paraf");
    CHECK(r.detail == "penetapan");
    CHECK(r.options == Strings{"sign", "kembalikan"});
  }
  SECTION("an agency that does not own the step") {
    const auto r = Mini::refused(m.try_advance("2026-03-03", m.ani, "kembalikan", "x"));
    CHECK(r.kind == RefusalKind::NotAllowed);
    CHECK(r.subject == "kembalikan");
    CHECK(r.found == "dinas-kukm");
    CHECK(r.detail == "ani");
    CHECK(r.options == Strings{"biro-hukum"});
  }
  SECTION("a return without a note") {
    for (const char* blank : {"", "  \t\n"}) {
      const auto r = Mini::refused(m.try_advance("2026-03-03", m.budi, "kembalikan", blank));
      CHECK(r.kind == RefusalKind::NoteRequired);
      CHECK(r.subject == "kembalikan");
    }
  }
  SECTION("a signer that is not listed") {
    const auto r = Mini::refused(m.try_advance("2026-03-03", m.kiki, "sign"));
    CHECK(r.kind == RefusalKind::NotASigner);
    CHECK(r.subject == "kanwil");
    CHECK(r.found == "paraf");
    CHECK(r.options == Strings{"dinas-kukm", "biro-hukum", "sekda"});
  }
  SECTION("signing twice") {
    m.advance("2026-03-03T09:00", m.budi, "sign");
    const runtime::Actor budi_again{"bayu", {"biro-hukum"}, "kepala", {}, std::nullopt};
    const auto r = Mini::refused(m.try_advance("2026-03-03T09:05", budi_again, "sign"));
    CHECK(r.kind == RefusalKind::AlreadySigned);
    CHECK(r.subject == "biro-hukum");
    CHECK(r.found == "budi");
    CHECK(m.state.version == before + 1);
    return;
  }
  SECTION("a sign-off takes no variables") {
    const auto r = Mini::refused(m.try_advance("2026-03-03", m.budi, "sign", "", {{"jenis", "biasa"}}));
    CHECK(r.kind == RefusalKind::VariableNotSettable);
    CHECK(r.subject == "jenis");
    CHECK(r.found == "sign");
    CHECK(r.options.empty());
  }
  SECTION("a version conflict") {
    runtime::AdvanceCommand c;
    c.action = "sign";
    c.expect_version = 1;
    const auto r =
        Mini::refused(runtime::decide_advance(m.at("2026-03-03"), m.state, c, m.budi));
    CHECK(r.kind == RefusalKind::VersionConflict);
    CHECK(r.found == "2");
    CHECK(r.detail == "1");
    CHECK(r.subject == "ani");
    CHECK(r.options == Strings{"paraf"});
    SECTION("the right version is accepted") {
      c.expect_version = 2;
      CHECK(std::holds_alternative<std::vector<runtime::Event>>(
          runtime::decide_advance(m.at("2026-03-03"), m.state, c, m.budi)));
    }
  }
  CHECK(m.state.version == before);
}

TEST_CASE("variables set with an action are checked against the declarations",
          "[runtime][decide][refusal]") {
  Mini m;
  m.start("2026-03-02T09:00");
  SECTION("a value outside the enum") {
    const auto r = Mini::refused(
        m.try_advance("2026-03-02T10:00", m.ani, "ajukan", "", {{"jenis", "luarbiasa"}}));
    CHECK(r.kind == RefusalKind::BadValue);
    CHECK(r.subject == "jenis");
    CHECK(r.found == "luarbiasa");
    CHECK(r.detail == "enum");
    CHECK(r.options == Strings{"biasa", "khusus"});
  }
  SECTION("an undeclared variable") {
    const auto r =
        Mini::refused(m.try_advance("2026-03-02T10:00", m.ani, "ajukan", "", {{"jenys", "biasa"}}));
    CHECK(r.kind == RefusalKind::UnknownVariable);
    CHECK(r.subject == "jenys");
    CHECK(r.options == Strings{"jenis"});
  }
  SECTION("a variable the action may not set") {
    m.advance("2026-03-02T10:00", m.ani, "ajukan");
    m.sign_all("2026-03-03T09:00");
    m.advance("2026-03-04T09:00", m.budi, "selesai");
    const auto r = Mini::refused(
        m.try_advance("2026-03-05T09:00", m.sari, "tetapkan", "", {{"jenis", "khusus"}}));
    CHECK(r.kind == RefusalKind::VariableNotSettable);
    CHECK(r.subject == "jenis");
    CHECK(r.found == "tetapkan");
    CHECK(r.options.empty());
  }
}

TEST_CASE("a false guard is refused with the facts it read", "[runtime][decide][refusal]") {
  Mini m;
  m.start("2026-03-02T09:00");
  m.advance("2026-03-02T10:00", m.ani, "ajukan", "", {{"jenis", "khusus"}});
  m.sign_all("2026-03-03T09:00");
  REQUIRE(m.state.step == "harmonisasi");
  const auto r = Mini::refused(m.try_advance("2026-03-04T09:00", m.budi, "selesai"));
  CHECK(r.kind == RefusalKind::GuardFalse);
  CHECK(r.subject == "selesai");
  CHECK(r.detail == "jenis == 'biasa'");
  CHECK(r.inputs == std::vector<std::pair<std::string, std::string>>{{"jenis", "khusus"}});
}

TEST_CASE("a closed dossier refuses every action", "[runtime][decide][refusal]") {
  Mini m = at_paraf();
  m.sign_all("2026-03-03T09:00");
  m.advance("2026-03-04T09:00", m.budi, "selesai");
  m.advance("2026-03-05T09:00", m.sari, "tetapkan");
  REQUIRE(m.state.closed);
  for (const char* action : {"tetapkan", "ajukan", "sign"}) {
    const auto r = Mini::refused(m.try_advance("2026-03-06", m.sari, action));
    CHECK(r.kind == RefusalKind::DossierClosed);
    CHECK(r.subject == "MINI-2026-0001");
    CHECK(r.found == "selesai");
  }
  CHECK(runtime::decide_tick(m.at("2026-12-31"), m.state).empty());
}

TEST_CASE("events form a hash chain and replay equals the incremental fold",
          "[runtime][evolve][event]") {
  Mini m = at_paraf();
  m.advance("2026-03-03T09:00", m.budi, "sign");
  m.advance("2026-03-03T10:00", m.budi, "kembalikan", "lampiran kurang");
  m.advance("2026-03-10T10:00", m.ani, "ajukan", "", {{"jenis", "biasa"}});
  m.sign_all("2026-03-11T09:00");
  m.apply(Mini::accepted(runtime::decide_extend(
      m.at("2026-03-12T09:00"), m.state, {"total", *time::parse_date("2026-04-30"), "cuti", std::nullopt},
      m.budi)));
  m.tick("2026-04-06T09:00");  // harmonisasi's 10 working days have passed: auto-transition
  m.advance("2026-04-07T09:00", m.sari, "tetapkan");
  REQUIRE(m.state.closed);

  std::string previous;
  for (std::size_t i = 0; i < m.log.size(); ++i) {
    const auto& e = m.log[i];
    INFO("event " << i + 1 << " " << runtime::event_type_name(e.type));
    CHECK(e.sequence == static_cast<std::int64_t>(i + 1));
    CHECK(e.dossier_id == "MINI-2026-0001");
    CHECK(e.prev_hash == previous);
    CHECK(e.hash == runtime::compute_hash(e));
    CHECK(e.hash.size() == 64);
    previous = e.hash;
  }
  SECTION("changing any field breaks the hash") {
    auto e = m.log.at(2);
    e.note = "edited";
    CHECK(runtime::compute_hash(e) != m.log.at(2).hash);
    e = m.log.at(2);
    e.prev_hash = m.log.at(0).hash;
    CHECK(runtime::compute_hash(e) != m.log.at(2).hash);
  }
  SECTION("replay gives the same state") {
    const auto replayed = runtime::replay(m.def(), m.log, m.offset());
    const auto& s = m.state;
    CHECK(replayed.id == s.id);
    CHECK(replayed.step == s.step);
    CHECK(replayed.closed == s.closed);
    CHECK(replayed.version == s.version);
    CHECK(replayed.last_hash == s.last_hash);
    CHECK(replayed.variables == s.variables);
    CHECK(replayed.bindings == s.bindings);
    CHECK(replayed.reached == s.reached);
    CHECK(replayed.signatures == s.signatures);
    CHECK(replayed.started_at == s.started_at);
    CHECK(replayed.entered_step_at == s.entered_step_at);
    REQUIRE(replayed.clocks.size() == s.clocks.size());
    for (std::size_t i = 0; i < s.clocks.size(); ++i) {
      const auto& a = replayed.clocks[i];
      const auto& b = s.clocks[i];
      CHECK(a.id == b.id);
      CHECK(a.started == b.started);
      CHECK(a.ended == b.ended);
      CHECK(a.extended_to == b.extended_to);
      CHECK(a.generation == b.generation);
      CHECK(a.fired == b.fired);
      CHECK(a.rounds.size() == b.rounds.size());
    }
    CHECK(s.find_clock("total")->extended_to == time::parse_date("2026-04-30"));
  }
  SECTION("replaying a prefix gives the state at that point") {
    const std::vector<runtime::Event> prefix(m.log.begin(), m.log.begin() + 4);
    const auto at4 = runtime::replay(m.def(), prefix, m.offset());
    CHECK(at4.step == "penyusunan");
    CHECK(at4.version == 4);
    CHECK(at4.signatures.empty());
  }
}
