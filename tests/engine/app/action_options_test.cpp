// runtime::action_options and extend_options on the shipped Pergub: what the dossier page
// offers each person is exactly what decide would accept or refuse, and which actions cannot be
// undone by the workflow.
#include "engine/app/demo_documents.hpp"
#include "engine/runtime/action_options.hpp"

#include "tests/engine/app/bureau_fixture.hpp"

namespace regflow::test {
namespace {

const std::map<std::string, std::string> kRoles = {{"pemrakarsa", "dinas-kukm"},
                                                   {"asisten", "asisten-perekonomian"}};

std::map<std::string, runtime::ActionOption> options(Bureau& b, const std::string& id,
                                                     const std::string& user, const char* when) {
  auto dossier = b.installation().read_state(id);
  REQUIRE(dossier.has_value());
  const auto context = b.installation().context(*dossier->workflow, b.at(when));
  std::map<std::string, runtime::ActionOption> out;
  for (auto& option :
       runtime::action_options(context, dossier->state, *b.installation().actor(user))) {
    out.emplace(option.name, std::move(option));
  }
  return out;
}

}  // namespace

TEST_CASE("action options give each person the decider's own answer", "[app][action_options]") {
  Bureau b;
  const auto id =
      b.start("pergub", "2026-03-02T09:00", "biro-hukum", kRoles, {{"jenis_pergub", "biasa"}});

  SECTION("the initiating agency may take both actions; stopping cannot be undone") {
    auto mine = options(b, id, "dinas-kukm", "2026-03-03T09:00");
    REQUIRE(mine.size() == 2);
    CHECK_FALSE(mine.at("selesai_disusun").refusal.has_value());
    CHECK_FALSE(mine.at("selesai_disusun").irreversible);  // the draft can come back
    CHECK(mine.at("selesai_disusun").to_step == "pembahasan_tim");
    // A required note is asked for by the form, not counted against the person.
    CHECK_FALSE(mine.at("hentikan").refusal.has_value());
    CHECK(mine.at("hentikan").irreversible);
    CHECK(mine.at("hentikan").action->note_required);
  }
  SECTION("another agency sees the refusal decide gives, and nothing is written") {
    auto theirs = options(b, id, "sekda", "2026-03-03T09:00");
    REQUIRE(theirs.at("selesai_disusun").refusal.has_value());
    CHECK(theirs.at("selesai_disusun").refusal->kind == runtime::RefusalKind::NotAllowed);
    CHECK(b.state(id).version == 1);
  }
  SECTION("a sign-off step offers 'sign' to signers only, and signing cannot be undone") {
    b.act(id, "2026-03-04T09:00", "dinas-kukm", "selesai_disusun");
    b.act(id, "2026-03-05T09:00", "biro-hukum", "selesai_dibahas");
    auto signer = options(b, id, "asisten-perekonomian", "2026-03-06T09:00");
    CHECK_FALSE(signer.at("sign").refusal.has_value());
    CHECK(signer.at("sign").irreversible);
    CHECK(signer.at("sign").action == nullptr);
    auto outsider = options(b, id, "bappeda", "2026-03-06T09:00");
    REQUIRE(outsider.at("sign").refusal.has_value());
    CHECK(outsider.at("sign").refusal->kind == runtime::RefusalKind::NotASigner);
  }
  SECTION("a false guard is the refusal of the action whoever asks") {
    b.act(id, "2026-03-04T09:00", "dinas-kukm", "selesai_disusun");
    b.act(id, "2026-03-05T09:00", "biro-hukum", "selesai_dibahas");
    for (const char* signer : {"dinas-kukm", "biro-hukum", "asisten-perekonomian", "sekda"}) {
      b.act(id, "2026-03-06T09:00", signer, "sign");
    }
    b.act(id, "2026-03-06T10:00", "sekda", "ajukan");
    auto bureau = options(b, id, "biro-hukum", "2026-03-09T09:00");
    REQUIRE(bureau.at("ajukan_fasilitasi").refusal.has_value());
    CHECK(bureau.at("ajukan_fasilitasi").refusal->kind == runtime::RefusalKind::GuardFalse);
    // Finishing harmonisation waits for its result (requires_documents), then is open.
    REQUIRE(bureau.at("selesai_harmonisasi").refusal.has_value());
    CHECK(bureau.at("selesai_harmonisasi").refusal->kind ==
          runtime::RefusalKind::DocumentsMissing);
    app::attach_required_documents(b.installation(), id, *b.installation().actor("biro-hukum"),
                                   b.at("2026-03-09T09:00"));
    bureau = options(b, id, "biro-hukum", "2026-03-09T09:00");
    CHECK_FALSE(bureau.at("selesai_harmonisasi").refusal.has_value());
  }
}

TEST_CASE("promulgation leads nowhere back: it is irreversible", "[app][action_options]") {
  Bureau b;
  const auto& def = *b.config().find("pergub");
  CHECK(runtime::no_way_back(def, "pengundangan", "penetapan"));
  CHECK(runtime::no_way_back(def, "laporan_menteri", "pengundangan"));
  CHECK_FALSE(runtime::no_way_back(def, "penetapan", "reviu_sekda"));
  CHECK_FALSE(runtime::no_way_back(def, "pembahasan_tim", "penyusunan"));
}

TEST_CASE("extend options follow the role's permission and the owning agency",
          "[app][action_options]") {
  Bureau b;
  b.store().add_user({"kepala-kukm", {"dinas-kukm"}, "kepala", {}});
  const auto id = b.start("pergub", "2026-03-02T09:00", "biro-hukum", kRoles,
                          {{"jenis_pergub", "biasa"}}, "14d");
  auto extend = [&](const std::string& user) {
    auto dossier = b.installation().read_state(id);
    const auto context = b.installation().context(*dossier->workflow, b.at("2026-03-03T09:00"));
    std::map<std::string, std::optional<runtime::Refusal>> out;
    for (auto& o :
         runtime::extend_options(context, dossier->state, *b.installation().actor(user))) {
      out.emplace(o.deadline, o.refusal);
    }
    return out;
  };
  const auto head = extend("kepala-kukm");
  REQUIRE(head.count("penyusunan") == 1);
  CHECK_FALSE(head.at("penyusunan").has_value());
  const auto staff = extend("dinas-kukm");  // staf: no 'extend' permission
  REQUIRE(staff.at("penyusunan").has_value());
  CHECK(staff.at("penyusunan")->kind == runtime::RefusalKind::RoleMayNot);
  const auto other = extend("sekda");
  CHECK(other.at("penyusunan")->kind == runtime::RefusalKind::NotAllowed);
  CHECK(b.state(id).version == 1);
}

}  // namespace regflow::test
