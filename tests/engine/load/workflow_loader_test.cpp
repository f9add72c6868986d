#include "engine/load/workflow_loader.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/check/checker.hpp"
#include "engine/load/agency_loader.hpp"
#include "engine/load/config_set.hpp"
#include "engine/rules/rule_set.hpp"
#include "engine/runtime/executable_workflow.hpp"
#include "tests/engine/store/temp_dir.hpp"
#include "tests/support/files.hpp"

namespace fs = std::filesystem;
using regflow::test::slurp;
using namespace regflow;

namespace {

const fs::path kData{REGFLOW_TEST_DATA_DIR};
const fs::path kSource{REGFLOW_SOURCE_DIR};

std::string format_all(model::Diagnostics ds) {
  model::sort_diagnostics(ds);
  std::string out;
  for (const auto& d : ds) out += model::format_diagnostic(d) + "\n";
  return out;
}

const model::AgencyDirectory& invalid_agencies() {
  static const model::AgencyDirectory agencies = [] {
    model::Diagnostics ds;
    auto dir = load::load_agencies_text("invalid/agencies.yaml",
                                        slurp(kData / "invalid" / "agencies.yaml"), ds);
    if (!ds.empty()) throw std::runtime_error("invalid/agencies.yaml: " + format_all(ds));
    return dir;
  }();
  return agencies;
}

/// Loads and checks one workflow text the way `regflow check` does; never lets an exception out
/// of the loader or checker go unnoticed (it propagates to Catch).
model::Diagnostics load_and_check(const std::string& path, const std::string& text,
                                  const model::AgencyDirectory& agencies,
                                  const rules::RuleSet& rules) {
  model::Diagnostics ds;
  auto def = load::load_workflow_text(path, text, ds);
  if (def) {
    check::check_workflow(*def, agencies, rules, ds);
    model::Diagnostics compile;
    (void)runtime::prepare(*def, rules, compile);
  }
  return ds;
}

struct Fixture {
  const char* name;
  const char* code;
};

// One file per diagnostic; the exact text is in tests/data/invalid/<name>.expected.
const std::vector<Fixture> kFixtures{
    {"yaml_syntax", "E-YAML-SYNTAX"},
    {"unknown_key", "E-UNKNOWN-KEY"},
    {"duplicate_key", "E-DUPLICATE-KEY"},
    {"missing_key", "E-MISSING-KEY"},
    {"wrong_type", "E-WRONG-TYPE"},
    {"bad_name", "E-BAD-NAME"},
    {"bad_type", "E-BAD-TYPE"},
    {"bad_duration", "E-BAD-DURATION"},
    {"bad_value", "E-BAD-VALUE"},
    {"action_target", "E-ACTION-TARGET"},
    {"reserved_name", "E-RESERVED-NAME"},
    {"enum_no_values", "E-ENUM-NO-VALUES"},
    {"bad_default", "E-BAD-DEFAULT"},
    {"bad_date", "E-BAD-DATE"},
    {"unknown_step", "E-UNKNOWN-STEP"},
    {"unknown_agency", "E-UNKNOWN-AGENCY"},
    {"unknown_variable", "E-UNKNOWN-VARIABLE"},
    {"initial_final", "E-INITIAL-FINAL"},
    {"role_shadows_agency", "E-ROLE-SHADOWS-AGENCY"},
    {"signoff_no_signers", "E-SIGNOFF-NO-SIGNERS"},
    {"duplicate_signer", "E-DUPLICATE-SIGNER"},
    {"quorum_too_large", "E-QUORUM-TOO-LARGE"},
    {"no_final_step", "E-NO-FINAL-STEP"},
    {"unreachable_step", "E-UNREACHABLE-STEP"},
    {"dead_end", "E-DEAD-END"},
    {"deadline_never_ends", "E-DEADLINE-NEVER-ENDS"},
    {"deadline_bounds", "E-DEADLINE-BOUNDS"},
    {"deadline_no_basis", "E-MISSING-KEY"},
    {"unknown_table", "E-UNKNOWN-TABLE"},
    {"guard_unknown_name", "E-"},
    {"deadline_long", "W-DEADLINE-LONG"},
    {"due_soon", "W-DUE-SOON"},
};

std::vector<fs::path> shipped_workflows() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(kSource / "workflows")) {
    if (entry.path().extension() == ".yaml" && entry.path().filename() != "agencies.yaml") {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  if (out.empty()) out.push_back(kData / "valid" / "config" / "workflows" / "mini.yaml");
  return out;
}

/// Every diagnostic names the file, sits on a line of the text (or line 0), and has a code.
void require_sane(const model::Diagnostics& ds, const std::string& path, const std::string& text) {
  const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const auto& d : ds) {
    INFO(model::format_diagnostic(d));
    CHECK(d.location.file == path);
    CHECK(d.location.line >= 0);
    CHECK(d.location.line <= lines);
    CHECK(d.code.size() > 2);
    CHECK_FALSE(d.message.empty());
  }
}

}  // namespace

TEST_CASE("the shared agencies of the invalid fixtures load cleanly", "[load][workflow]") {
  CHECK(invalid_agencies().contains("biro-hukum"));
  CHECK(invalid_agencies().parent_of("biro-hukum")->code == "sekda");
}

TEST_CASE("each invalid fixture yields its diagnostic with the exact text", "[load][workflow]") {
  const rules::RuleSet no_rules;
  const bool update = std::getenv("REGFLOW_UPDATE_EXPECTED") != nullptr;
  for (const auto& fixture : kFixtures) {
    DYNAMIC_SECTION(fixture.name) {
      const fs::path file = kData / "invalid" / (std::string(fixture.name) + ".yaml");
      const fs::path expected_file = kData / "invalid" / (std::string(fixture.name) + ".expected");
      const std::string shown = "invalid/" + std::string(fixture.name) + ".yaml";
      const auto ds = load_and_check(shown, slurp(file), invalid_agencies(), no_rules);
      const std::string actual = format_all(ds);
      if (update) std::ofstream(expected_file, std::ios::binary) << actual;
      REQUIRE(fs::exists(expected_file));
      CHECK(actual == slurp(expected_file));
      const bool has_code = std::any_of(ds.begin(), ds.end(), [&](const model::Diagnostic& d) {
        return d.code.rfind(fixture.code, 0) == 0;
      });
      CHECK(has_code);
    }
  }
}

TEST_CASE("every fixture under tests/data/invalid is in the table", "[load][workflow]") {
  for (const auto& entry : fs::directory_iterator(kData / "invalid")) {
    const auto stem = entry.path().stem().string();
    if (stem == "agencies") continue;
    INFO(entry.path().filename().string());
    CHECK(std::any_of(kFixtures.begin(), kFixtures.end(),
                      [&](const Fixture& f) { return stem == f.name; }));
  }
}

TEST_CASE("the invalid fixtures differ from a clean workflow in one problem only",
          "[load][workflow]") {
  // The control: the base every fixture was cut from loads and checks with no diagnostic.
  const std::string base =
      "workflow: t\nversion: 1\ntitle: T\nbasis: test\ninitial: a\nsteps:\n  a:\n    title: A\n"
      "    owner: biro-hukum\n    actions:\n      go: {to: z}\n  z: {title: Z, kind: final}\n";
  const rules::RuleSet no_rules;
  CHECK(format_all(load_and_check("base.yaml", base, invalid_agencies(), no_rules)).empty());
}

TEST_CASE("an unreachable loop of steps is reported, not thrown", "[load][workflow]") {
  // Steps x and y send the dossier to each other but nothing leads to them. The longest-path
  // search must remove their back edges too, or Boost's topological sort throws not_a_dag.
  const std::string text =
      "workflow: t\nversion: 1\ntitle: T\nbasis: test\ninitial: a\nsteps:\n"
      "  a: {title: A, owner: biro-hukum, actions: {go: z}}\n"
      "  x: {title: X, owner: sekda, actions: {go: y, done: z}}\n"
      "  y: {title: Y, owner: sekda, actions: {back: x}}\n"
      "  z: {title: Z, kind: final}\n";
  const rules::RuleSet no_rules;
  model::Diagnostics ds;
  REQUIRE_NOTHROW(ds = load_and_check("loop.yaml", text, invalid_agencies(), no_rules));
  CHECK(format_all(ds) ==
        "loop.yaml:8:3: error: step 'x' cannot be reached from the initial step 'a'; no action, "
        "sign-off or timer leads to it [E-UNREACHABLE-STEP]\n"
        "loop.yaml:9:3: error: step 'y' cannot be reached from the initial step 'a'; no action, "
        "sign-off or timer leads to it [E-UNREACHABLE-STEP]\n");
}

TEST_CASE("truncated and line-deleted shipped workflows give diagnostics, never a crash",
          "[load][workflow][robust]") {
  const auto config = load::load_config(kSource, *time::parse_date("2026-03-02"));
  for (const auto& file : shipped_workflows()) {
    const std::string text = slurp(file);
    const std::string shown = file.filename().string();
    SECTION("the file itself: " + shown) {
      const auto ds = load_and_check(shown, text, config.agencies, config.rules);
      INFO(format_all(ds));
      CHECK_FALSE(model::has_errors(ds));
    }
    std::vector<std::size_t> line_ends;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_ends.push_back(i + 1);
    }
    SECTION("cut at every line boundary: " + shown) {
      for (std::size_t cut : line_ends) {
        const std::string part = text.substr(0, cut);
        INFO("cut after byte " << cut);
        model::Diagnostics ds;
        REQUIRE_NOTHROW(ds = load_and_check(shown, part, config.agencies, config.rules));
        require_sane(ds, shown, part);
      }
    }
    SECTION("cut at sampled byte offsets: " + shown) {
      for (std::size_t cut = 0; cut < text.size(); cut += 101) {
        const std::string part = text.substr(0, cut);
        INFO("cut after byte " << cut);
        model::Diagnostics ds;
        REQUIRE_NOTHROW(ds = load_and_check(shown, part, config.agencies, config.rules));
        require_sane(ds, shown, part);
      }
    }
    SECTION("every single line deleted: " + shown) {
      std::size_t begin = 0;
      for (std::size_t end : line_ends) {
        const std::string part = text.substr(0, begin) + text.substr(end);
        INFO("deleted line: " << text.substr(begin, end - begin));
        model::Diagnostics ds;
        REQUIRE_NOTHROW(ds = load_and_check(shown, part, config.agencies, config.rules));
        require_sane(ds, shown, part);
        begin = end;
      }
    }
  }
}

TEST_CASE("a 100k-deep nested YAML is a syntax error, not a stack overflow", "[load][workflow]") {
  const std::size_t depth = 100000;
  const std::string text = "steps: " + std::string(depth, '[') + std::string(depth, ']') + "\n";
  model::Diagnostics ds;
  std::optional<model::WorkflowDefinition> def;
  REQUIRE_NOTHROW(def = load::load_workflow_text("deep.yaml", text, ds));
  CHECK_FALSE(def.has_value());
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].code == "E-YAML-SYNTAX");
  CHECK(ds[0].location.file == "deep.yaml");
  CHECK(ds[0].location.line == 1);
}

TEST_CASE("a definition file over the size limit is refused before parsing", "[load][workflow]") {
  test::TempDir dir;
  const std::string path = dir.file("huge.yaml");
  {
    std::ofstream out(path, std::ios::binary);
    const std::string line = "# filler line for a very large definition file...............\n";
    for (std::size_t written = 0; written < 5u * 1024u * 1024u; written += line.size()) out << line;
  }
  const auto size = fs::file_size(path);
  model::Diagnostics ds;
  std::optional<model::WorkflowDefinition> def;
  REQUIRE_NOTHROW(def = load::load_workflow_file(path, ds));
  CHECK_FALSE(def.has_value());
  REQUIRE(ds.size() == 1);
  CHECK(model::format_diagnostic(ds[0]) ==
        path + ": error: file is " + std::to_string(size) +
            " bytes; definition files may be at most 4194304 bytes [E-FILE-TOO-LARGE]");

  SECTION("a 5 MB text handed to the loader directly still gives diagnostics, not a crash") {
    const std::string text = slurp(path) + "workflow: t\n";
    model::Diagnostics direct;
    REQUIRE_NOTHROW(load::load_workflow_text("huge.yaml", text, direct));
    CHECK(model::has_errors(direct));
  }
}

TEST_CASE("a missing workflow file is one diagnostic", "[load][workflow]") {
  model::Diagnostics ds;
  CHECK_FALSE(load::load_workflow_file("/nonexistent/regflow/x.yaml", ds).has_value());
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].code == "E-FILE");
  CHECK(ds[0].message.rfind("cannot read file: ", 0) == 0);
}

TEST_CASE("keys given twice are reported at the second one", "[load][workflow]") {
  const std::string text =
      "workflow: t\nversion: 1\ntitle: T\ntitle: U\nbasis: test\ninitial: a\nsteps:\n"
      "  a: {title: A, owner: biro-hukum, actions: {go: z, go: a}}\n"
      "  z: {title: Z, kind: final}\n";
  model::Diagnostics ds;
  auto def = load::load_workflow_text("dup.yaml", text, ds);
  REQUIRE(def);
  CHECK(format_all(ds) ==
        "dup.yaml:4:1: error: 'title' is given twice in the workflow [E-DUPLICATE-KEY]\n"
        "dup.yaml:8:53: error: 'go' is given twice in the actions of step 'a' "
        "[E-DUPLICATE-KEY]\n");
  SECTION("the first value wins and the second is not read") {
    CHECK(def->title == "T");
    REQUIRE(def->find_step("a") != nullptr);
    CHECK(def->find_step("a")->actions.size() == 1);
    CHECK(def->find_step("a")->actions[0].target == "z");
  }
}

TEST_CASE("CRLF line ends and a UTF-8 byte order mark load like plain LF", "[load][workflow]") {
  const std::string lf = slurp(kData / "valid" / "config" / "workflows" / "mini.yaml");
  std::string crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const std::string bom = "\xEF\xBB\xBF" + lf;
  model::Diagnostics base_ds;
  const auto base = load::load_workflow_text("mini.yaml", lf, base_ds);
  REQUIRE(base);
  REQUIRE(base_ds.empty());
  for (const auto& [label, text] : {std::pair{"crlf", crlf}, std::pair{"bom", bom}}) {
    DYNAMIC_SECTION(label) {
      model::Diagnostics ds;
      const auto def = load::load_workflow_text("mini.yaml", text, ds);
      INFO(format_all(ds));
      REQUIRE(def);
      CHECK(ds.empty());
      CHECK(def->name == "mini");
      CHECK(def->step_ids() == base->step_ids());
      CHECK(def->find_step("harmonisasi")->limit->basis == "praktik [I]");
      CHECK(def->find_step("paraf")->signers == base->find_step("paraf")->signers);
      CHECK(def->deadlines.at(0).basis == "UU contoh Pasal 1");
      CHECK(def->find_step("harmonisasi")->actions.at(0).guard->text == "jenis == 'biasa'");
    }
  }
  SECTION("a diagnostic in a CRLF file has the same line and column as in the LF file") {
    std::string bad_lf = lf;
    bad_lf.replace(bad_lf.find("    owner: pemrakarsa"), 21, "    ownr: pemrakarsa");
    std::string bad_crlf;
    for (char c : bad_lf) {
      if (c == '\n') bad_crlf += '\r';
      bad_crlf += c;
    }
    model::Diagnostics a;
    model::Diagnostics b;
    load::load_workflow_text("mini.yaml", bad_lf, a);
    load::load_workflow_text("mini.yaml", bad_crlf, b);
    REQUIRE_FALSE(a.empty());
    CHECK(format_all(a) == format_all(b));
  }
}
