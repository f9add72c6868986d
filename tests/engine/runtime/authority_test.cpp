// Who may do what, decided by the engine whatever the shell: roles' permissions, the agency
// answerable for a deadline, one signature per person, and what an act records about itself.
#include <catch2/catch.hpp>

#include "engine/runtime/decide.hpp"
#include "tests/engine/runtime/mini_fixture.hpp"

using namespace regflow;
using runtime::RefusalKind;
using test::Mini;

namespace {

runtime::Actor person(std::string name, std::vector<std::string> agencies, std::string role) {
  return runtime::Actor{std::move(name), std::move(agencies), std::move(role), {}, std::nullopt};
}

runtime::Decision extend(const Mini& m, const std::string& when, const runtime::Actor& actor,
                         const std::string& deadline) {
  runtime::ExtendCommand command;
  command.deadline = deadline;
  command.to = *time::parse_date("2026-06-30");
  command.reason = "menunggu rapat";
  return runtime::decide_extend(m.at(when), m.state, command, actor);
}

}  // namespace

TEST_CASE("a role acts, signs and extends only as settings.yaml allows", "[runtime][authority]") {
  Mini m;
  m.start("2026-03-02T09:00");
  const auto staf = person("tono", {"dinas-kukm"}, "staf");
  const auto admin = person("root", {"dinas-kukm"}, "admin");
  const auto unknown = person("x", {"dinas-kukm"}, "raja");

  SECTION("an administrator administers, and takes no step of a procedure") {
    const auto r = Mini::refused(m.try_advance("2026-03-02T10:00", admin, "ajukan"));
    CHECK(r.kind == RefusalKind::RoleMayNot);
    CHECK(r.found == "admin");
    CHECK(r.detail == "act");
    CHECK(r.options == std::vector<std::string>{"kepala", "staf"});
  }
  SECTION("a role the installation does not declare may do nothing") {
    CHECK(Mini::refused(m.try_advance("2026-03-02T10:00", unknown, "ajukan")).kind ==
          RefusalKind::RoleMayNot);
  }
  SECTION("staff act but do not extend") {
    const auto r = Mini::refused(extend(m, "2026-03-02T10:00", staf, "penyusunan"));
    CHECK(r.kind == RefusalKind::RoleMayNot);
    CHECK(r.detail == "extend");
    CHECK(r.options == std::vector<std::string>{"kepala"});
    m.advance("2026-03-02T10:00", staf, "ajukan");
    CHECK(m.state.step == "paraf");
  }
  SECTION("a kepala of the step's owner extends its limit, another agency's kepala may not") {
    const auto r = Mini::refused(extend(m, "2026-03-02T10:00", m.budi, "penyusunan"));
    CHECK(r.kind == RefusalKind::NotAllowed);
    CHECK(r.options == std::vector<std::string>{"dinas-kukm"});
    const auto events = Mini::accepted(extend(m, "2026-03-02T10:00", m.ani, "penyusunan"));
    REQUIRE(events.size() == 1);
    CHECK(events[0].agency == "dinas-kukm");
  }
}

TEST_CASE("one person signs a step once, whatever agencies they hold", "[runtime][authority]") {
  Mini m;
  m.start("2026-03-02T09:00");
  m.advance("2026-03-02T10:00", m.ani, "ajukan");
  const auto rina = person("rina", {"dinas-kukm", "sekda"}, "kepala");
  m.advance("2026-03-02T11:00", rina, "sign");
  CHECK(m.state.signatures.at("dinas-kukm") == "rina");
  const auto r = Mini::refused(m.try_advance("2026-03-02T11:05", rina, "sign"));
  CHECK(r.kind == RefusalKind::PersonAlreadySigned);
  CHECK(r.subject == "rina");
  CHECK(r.found == "dinas-kukm");
  m.advance("2026-03-02T11:10", m.sari, "sign");
  CHECK(m.state.signatures.at("sekda") == "sari");
}

TEST_CASE("an act records the administrator who entered it and when, if it was backdated",
          "[runtime][authority]") {
  Mini m;
  m.start("2026-03-02T09:00");
  auto entered = m.ani;
  entered.administrator = "root";
  entered.entered_at = m.instant("2026-03-09T08:00");
  const auto events = Mini::accepted(m.try_advance("2026-03-02T10:00", entered, "ajukan"));
  REQUIRE(events.size() == 1);
  CHECK(events[0].actor == "ani");
  CHECK(events[0].data.at("administrator") == "root");
  CHECK(events[0].data.at("entered_at") == "2026-03-09T01:00:00Z");
  SECTION("a user acting themselves records neither") {
    const auto own = Mini::accepted(m.try_advance("2026-03-02T10:00", m.ani, "ajukan"));
    CHECK(own[0].data.count("administrator") == 0);
    CHECK(own[0].data.count("entered_at") == 0);
  }
}

TEST_CASE("a title of blanks is refused at start", "[runtime][authority]") {
  Mini m;
  runtime::StartCommand command;
  command.dossier_id = "MINI-2026-0001";
  command.title = " \t ";
  command.bindings["pemrakarsa"] = "dinas-kukm";
  const auto r = Mini::refused(runtime::decide_start(m.at("2026-03-02T09:00"), command, m.ani));
  CHECK(r.kind == RefusalKind::EmptyValue);
  CHECK(r.subject == "--title");
}
