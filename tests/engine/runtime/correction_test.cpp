#include <catch2/catch.hpp>

#include "engine/runtime/chain.hpp"
#include "engine/runtime/decide_correction.hpp"
#include "engine/runtime/event.hpp"
#include "engine/runtime/evolve.hpp"
#include "engine/runtime/state_snapshot.hpp"
#include "tests/engine/runtime/mini_fixture.hpp"

using namespace regflow;
using runtime::EventType;
using runtime::RefusalKind;
using test::Mini;

namespace {

using Strings = std::vector<std::string>;

runtime::CorrectCommand retitle(const std::string& title) {
  runtime::CorrectCommand c;
  c.title = title;
  return c;
}

runtime::CorrectCommand rebind(const std::string& role, const std::string& agency) {
  runtime::CorrectCommand c;
  c.bindings[role] = agency;
  return c;
}

}  // namespace

TEST_CASE("correct changes the title and a binding in the first step, keeping what they were",
          "[runtime][correction]") {
  Mini m;
  m.start("2026-03-02T09:00");
  auto c = retitle("Pergub Pendampingan UMKM");
  c.bindings["pemrakarsa"] = "biro-hukum";
  const auto events =
      Mini::accepted(runtime::decide_correct(m.at("2026-03-02T10:00"), m.state, c, m.ani));
  REQUIRE(events.size() == 1);
  const auto& e = events[0];
  CHECK(e.type == EventType::Corrected);
  CHECK(e.sequence == 2);
  CHECK(e.prev_hash == m.state.last_hash);
  CHECK(e.actor == "ani");
  CHECK(e.agency == "dinas-kukm");
  CHECK(e.data.at("title") == "Pergub Pendampingan UMKM");
  CHECK(e.data.at("was.title") == "Pergub UMKM");
  CHECK(e.data.at("bind.pemrakarsa") == "biro-hukum");
  CHECK(e.data.at("was.bind.pemrakarsa") == "dinas-kukm");
  m.apply(events);
  CHECK(m.state.title == "Pergub Pendampingan UMKM");
  CHECK(m.state.bindings.at("pemrakarsa") == "biro-hukum");
  CHECK(m.state.step == "penyusunan");
  CHECK(m.state.started_by == "dinas-kukm");
  // The chain stays verifiable and a replay gives the same state.
  CHECK(runtime::replay(m.def(), m.log, m.offset()) == m.state);
}

TEST_CASE("correct refuses another agency, a later step, a role that may not act, and no change",
          "[runtime][correction][refusal]") {
  Mini m;
  m.start("2026-03-02T09:00");
  SECTION("an agency that did not start the dossier, even one it involves") {
    const auto r = Mini::refused(
        runtime::decide_correct(m.at("2026-03-02T10:00"), m.state, retitle("x"), m.budi));
    CHECK(r.kind == RefusalKind::NotAllowed);
    CHECK(r.subject == "correct");
    CHECK(r.found == "biro-hukum");
    CHECK(r.options == Strings{"dinas-kukm"});
  }
  SECTION("after the first step, naming the step it is in") {
    m.advance("2026-03-02T10:00", m.ani, "ajukan");
    const auto r = Mini::refused(
        runtime::decide_correct(m.at("2026-03-02T11:00"), m.state, retitle("x"), m.ani));
    CHECK(r.kind == RefusalKind::NotInFirstStep);
    CHECK(r.found == "paraf");
    CHECK(r.detail == "penyusunan");
  }
  SECTION("back in the first step after a return is no longer the first step") {
    m.advance("2026-03-02T10:00", m.ani, "ajukan");
    m.advance("2026-03-02T11:00", m.budi, "kembalikan", "belum lengkap");
    REQUIRE(m.state.step == "penyusunan");
    const auto r = Mini::refused(
        runtime::decide_correct(m.at("2026-03-02T12:00"), m.state, retitle("x"), m.ani));
    CHECK(r.kind == RefusalKind::NotInFirstStep);
  }
  SECTION("a role without act (an administrator)") {
    const runtime::Actor admin{"adi", {"dinas-kukm"}, "admin", {}, std::nullopt};
    const auto r = Mini::refused(
        runtime::decide_correct(m.at("2026-03-02T10:00"), m.state, retitle("x"), admin));
    CHECK(r.kind == RefusalKind::RoleMayNot);
    CHECK(r.found == "admin");
  }
  SECTION("nothing would change") {
    const auto r = Mini::refused(runtime::decide_correct(
        m.at("2026-03-02T10:00"), m.state, rebind("pemrakarsa", "dinas-kukm"), m.ani));
    CHECK(r.kind == RefusalKind::NothingToCorrect);
  }
  SECTION("an empty title, an unknown role or agency") {
    CHECK(Mini::refused(
              runtime::decide_correct(m.at("2026-03-02T10:00"), m.state, retitle("  "), m.ani))
              .kind == RefusalKind::EmptyValue);
    CHECK(Mini::refused(runtime::decide_correct(m.at("2026-03-02T10:00"), m.state,
                                                rebind("pemrakarza", "biro-hukum"), m.ani))
              .kind == RefusalKind::UnknownRole);
    const auto r = Mini::refused(runtime::decide_correct(
        m.at("2026-03-02T10:00"), m.state, rebind("pemrakarsa", "biro-hukun"), m.ani));
    CHECK(r.kind == RefusalKind::UnknownAgency);
    CHECK(r.subject == "biro-hukun");
  }
}

TEST_CASE("cancel closes a dossier started by mistake with its reason and ends its clocks",
          "[runtime][correction]") {
  Mini m;
  m.start("2026-03-02T09:00");
  SECTION("accepted") {
    m.apply(Mini::accepted(
        runtime::decide_cancel(m.at("2026-03-03T09:00"), m.state, {"dibuat dua kali"}, m.ani)));
    CHECK(m.log.back().type == EventType::Cancelled);
    CHECK(m.log.back().note == "dibuat dua kali");
    CHECK(m.state.closed);
    CHECK(m.state.cancelled);
    CHECK(m.state.cancel_reason == "dibuat dua kali");
    CHECK(m.state.step == "penyusunan");
    CHECK(m.state.clocks.empty());  // void, neither met nor missed
    // Nothing more happens to it: no action, no timer, no second cancel, no kendala.
    const auto r = Mini::refused(m.try_advance("2026-03-04T09:00", m.ani, "ajukan"));
    CHECK(r.kind == RefusalKind::DossierCancelled);
    CHECK(r.found == "dibuat dua kali");
    CHECK(m.tick("2026-04-30T09:00").empty());
    CHECK(Mini::refused(runtime::decide_cancel(m.at("2026-03-04T09:00"), m.state, {"lagi"}, m.ani))
              .kind == RefusalKind::DossierCancelled);
    CHECK(Mini::refused(
              runtime::decide_kendala(m.at("2026-03-04T09:00"), m.state, {"x", false}, m.ani))
              .kind == RefusalKind::DossierCancelled);
    // The snapshot keeps the cancellation.
    CHECK(runtime::decode_snapshot(runtime::encode_snapshot(m.state)) == m.state);
  }
  SECTION("a reason is required") {
    const auto r =
        Mini::refused(runtime::decide_cancel(m.at("2026-03-03T09:00"), m.state, {" \n"}, m.ani));
    CHECK(r.kind == RefusalKind::NoteRequired);
    CHECK(r.subject == "cancel");
  }
  SECTION("by the starting agency only, and in the first step only") {
    CHECK(Mini::refused(runtime::decide_cancel(m.at("2026-03-03T09:00"), m.state, {"x"}, m.budi))
              .kind == RefusalKind::NotAllowed);
    m.advance("2026-03-02T10:00", m.ani, "ajukan");
    const auto r =
        Mini::refused(runtime::decide_cancel(m.at("2026-03-03T09:00"), m.state, {"x"}, m.ani));
    CHECK(r.kind == RefusalKind::NotInFirstStep);
    CHECK(r.subject == "cancel");
  }
}

TEST_CASE("a kendala is recorded and cleared by agencies involved, and ends when the step does",
          "[runtime][correction][kendala]") {
  Mini m;
  m.start("2026-03-02T09:00");
  m.advance("2026-03-02T10:00", m.ani, "ajukan");  // paraf: biro-hukum holds, three sign
  SECTION("a signer records it; another involved agency clears it") {
    m.apply(Mini::accepted(
        runtime::decide_kendala(m.at("2026-03-03T09:00"), m.state,
                                {"menunggu paraf Sekda yang sedang dinas luar", false}, m.sari)));
    CHECK(m.log.back().type == EventType::Kendala);
    CHECK(m.log.back().agency == "sekda");
    CHECK(m.state.kendala == "menunggu paraf Sekda yang sedang dinas luar");
    CHECK(m.state.kendala_agency == "sekda");
    CHECK(runtime::decode_snapshot(runtime::encode_snapshot(m.state)) == m.state);
    m.apply(Mini::accepted(
        runtime::decide_kendala(m.at("2026-03-04T09:00"), m.state, {"", true}, m.budi)));
    CHECK(m.log.back().data.at("cleared") == "true");
    CHECK(m.log.back().note == "menunggu paraf Sekda yang sedang dinas luar");
    CHECK(m.state.kendala.empty());
    CHECK(Mini::refused(
              runtime::decide_kendala(m.at("2026-03-04T09:00"), m.state, {"", true}, m.budi))
              .kind == RefusalKind::NoKendala);
  }
  SECTION("moving to another step clears it") {
    m.apply(Mini::accepted(
        runtime::decide_kendala(m.at("2026-03-03T09:00"), m.state, {"menunggu", false}, m.ani)));
    m.sign_all("2026-03-04T09:00");
    CHECK(m.state.step == "harmonisasi");
    CHECK(m.state.kendala.empty());
  }
  SECTION("an agency not involved, and an empty text, are refused") {
    const runtime::Actor gub{"gub", {"gubernur"}, "kepala", {}, std::nullopt};
    const auto r = Mini::refused(
        runtime::decide_kendala(m.at("2026-03-03T09:00"), m.state, {"x", false}, gub));
    CHECK(r.kind == RefusalKind::NotAllowed);
    CHECK(r.subject == "kendala");
    CHECK(r.options == Strings{"dinas-kukm", "biro-hukum", "sekda"});
    CHECK(Mini::refused(
              runtime::decide_kendala(m.at("2026-03-03T09:00"), m.state, {"  ", false}, m.ani))
              .kind == RefusalKind::EmptyValue);
  }
}

TEST_CASE("an agency that acted in an earlier step stays involved for the kendala",
          "[runtime][correction][kendala]") {
  Mini m;
  m.start("2026-03-02T09:00");
  m.advance("2026-03-02T10:00", m.ani, "ajukan");
  m.sign_all("2026-03-03T09:00");  // the Sekda signs at paraf; harmonisasi is the bureau's
  REQUIRE(m.state.step == "harmonisasi");
  CHECK(m.state.acted_for == std::set<std::string>{"biro-hukum", "dinas-kukm", "sekda"});
  CHECK(runtime::decode_snapshot(runtime::encode_snapshot(m.state)) == m.state);

  m.apply(Mini::accepted(runtime::decide_kendala(
      m.at("2026-03-04T09:00"), m.state, {"draf final belum diterima dari Sekda", false}, m.sari)));
  CHECK(m.state.kendala_agency == "sekda");

  // An agency that never acted, holds nothing and is bound to no role is still refused.
  const runtime::Actor gub{"gub", {"gubernur"}, "kepala", {}, std::nullopt};
  const auto r =
      Mini::refused(runtime::decide_kendala(m.at("2026-03-04T09:00"), m.state, {"x", false}, gub));
  CHECK(r.kind == RefusalKind::NotAllowed);
  CHECK(r.options == Strings{"dinas-kukm", "biro-hukum", "sekda"});
}
