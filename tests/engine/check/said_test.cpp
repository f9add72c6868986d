// Every diagnostic `check` makes (engine/check) says its words as message ids with values, so
// that `regflow --lang id check` words them in Indonesian (issue #17). The corpus: the invalid
// fixtures of tests/data/invalid, workflows written here to reach the checks those do not, the
// table periods of tests/data/rules_config and sets of versions. Only the checker's diagnostics
// are judged: the loader's are another concern.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "engine/check/checker.hpp"
#include "engine/check/document_requirements.hpp"
#include "engine/load/agency_loader.hpp"
#include "engine/load/config_set.hpp"
#include "engine/load/workflow_loader.hpp"
#include "tests/engine/rules/said_in_catalog.hpp"
#include "tests/support/dates.hpp"
#include "tests/support/files.hpp"

using namespace regflow;
namespace fs = std::filesystem;

namespace {

const fs::path kInvalid = fs::path(REGFLOW_TEST_DATA_DIR) / "invalid";

const model::AgencyDirectory& agencies() {
  static const model::AgencyDirectory directory = [] {
    model::Diagnostics ds;
    auto dir =
        load::load_agencies_text("agencies.yaml", test::slurp(kInvalid / "agencies.yaml"), ds);
    REQUIRE(ds.empty());
    return dir;
  }();
  return directory;
}

const load::ConfigSet& rules_config() {
  static const load::ConfigSet config = load::load_config(
      std::string(REGFLOW_TEST_DATA_DIR) + "/rules_config", test::date("2026-03-02"));
  return config;
}

/// The checker's diagnostics of one workflow text (the loader's are left out); each is judged.
model::Diagnostics checked(const std::string& path, const std::string& text,
                           const model::AgencyDirectory& directory, const rules::RuleSet& rules) {
  model::Diagnostics loaded;
  auto def = load::load_workflow_text(path, text, loaded);
  model::Diagnostics out;
  if (!def) return out;
  check::check_workflow(*def, directory, rules, out);
  check::check_document_requirements(*def, model::DocumentPolicy::standard(), out);
  for (const auto& d : out) test::check_said(d);
  return out;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

const char* const kHeader = R"(workflow: t
version: 1
title: T
basis: test
)";

// Workflows that reach the references the invalid fixtures do not: roles, waiting steps,
// sign-offs, timers, date deadlines, documents.
const std::vector<std::string> kWritten{
    R"(variables:
  jenis: {type: enum, values: [biasa, khusus]}
  batas: {type: text}
  tanggal: {type: date}
roles:
  penyusun: {title: Penyusun, default: biro-hukom}
initial: a
target_until: [zz]
steps:
  a:
    title: A
    owner: gubernur
    limit:
      within: 10 hari
      basis: "test"
      on_miss: [escalate]
    actions:
      go: {to: w, by: [biro-hukom]}
  w:
    title: W
    kind: waiting
    owner: biro-hukum
    with: sekda
    actions:
      done: {to: w2}
  w2:
    title: W2
    kind: waiting
    owner: biro-hukum
    with: kanwill
    actions:
      done: {to: s}
  s:
    title: S
    kind: signoff
    owner: biro-hukum
    signers: [biro-hukum, biro-hukum, sekdaa]
    quorum: 5
    next: zz
  z: {title: Z, kind: final}
deadlines:
  d2:
    title: D2
    date: batass
    active_in: [qq]
    basis: "test"
  d3:
    title: D3
    date: batas
    basis: "test"
)",
    R"(initial: a
steps:
  a:
    title: A
    owner: biro-hukum
    requires_documents: [naskah_finall]
    limit:
      within: 5 hari
      basis: "test"
      on_miss: [{transition: {to: selesia}}]
    actions:
      go: {to: z}
  z: {title: Z, kind: final}
deadlines:
  d1:
    title: D1
    from: aa
    to: [zz]
    within: 5 hari
    basis: "test"
)",
    R"(initial: a
steps:
  a:
    title: A
    kind: signoff
    owner: biro-hukum
    signers: [biro-hukum]
    next: z
  z: {title: Z, kind: final}
)",
    R"(initial: a
steps:
  a:
    title: A
    owner: biro-hukum
    limit: {within: 4000 hari, basis: "test"}
    actions:
      go: {to: z}
  z: {title: Z, kind: final}
)",
    R"(initial: a
steps:
  a:
    title: A
    owner: biro-hukum
    limit: 7 hari
    actions:
      go: {to: z}
  z: {title: Z, kind: final}
)",
};

}  // namespace

TEST_CASE("the checker's diagnostics on the invalid fixtures are words to translate",
          "[check][lang]") {
  const rules::RuleSet no_rules;
  std::set<std::string> codes;
  for (const auto& entry : fs::directory_iterator(kInvalid)) {
    if (entry.path().extension() != ".yaml" || entry.path().filename() == "agencies.yaml") {
      continue;
    }
    INFO(entry.path().filename().string());
    for (const auto& d :
         checked(entry.path().string(), test::slurp(entry.path()), agencies(), no_rules)) {
      codes.insert(d.code);
    }
  }
  for (const auto& text : kWritten) {
    INFO(text);
    for (const auto& d : checked("t.yaml", kHeader + text, agencies(), no_rules)) {
      codes.insert(d.code);
    }
  }
  // The corpus reaches these checks; a message written the old way in any of them fails above.
  for (const char* code : {"E-UNKNOWN-STEP",
                           "E-UNKNOWN-AGENCY",
                           "E-UNKNOWN-VARIABLE",
                           "E-INITIAL-FINAL",
                           "E-ROLE-SHADOWS-AGENCY",
                           "E-SIGNOFF-NO-SIGNERS",
                           "E-DUPLICATE-SIGNER",
                           "E-QUORUM-TOO-LARGE",
                           "E-NO-FINAL-STEP",
                           "E-UNREACHABLE-STEP",
                           "E-DEAD-END",
                           "E-DEADLINE-NEVER-ENDS",
                           "E-DEADLINE-BOUNDS",
                           "E-UNKNOWN-TABLE",
                           "E-WRONG-TYPE",
                           "E-UNKNOWN-DOCUMENT-KIND",
                           "W-DEADLINE-LONG",
                           "W-DUE-SOON",
                           "W-NO-BASIS",
                           "W-WAITING-ON-INSIDE",
                           "W-ESCALATE-NO-PARENT"}) {
    INFO(code);
    CHECK(codes.count(code) == 1);
  }
}

TEST_CASE("the checker's diagnostics on table periods and routes are words to translate",
          "[check][lang]") {
  const std::string raperda = rules_config().find("raperda")->source_text;
  const std::string evaluasi =
      "within: {table: tenggat, output: hari_evaluasi, unit: hari kerja, otherwise: 5 hari kerja}";
  const std::vector<std::pair<std::string, std::string>> variants{
      {"table: tenggat, output: pengajuan", "table: tengat, output: pengajuan"},
      {"output: pengajuan}", "output: pengajuann}"},
      {evaluasi, "within: {table: tenggat, output: hari_evaluasi, otherwise: 5 hari kerja}"},
      {"output: pengajuan}", "output: pengajuan, unit: hari}"},
      {"table: tenggat, output: pengajuan", "table: jalur, output: step"},
      {"table: tenggat, output: pengajuan", "table: tidak_dipakai, output: besar"},
      {evaluasi, "within: {table: tenggat, output: hari_evaluasi, unit: hari kerja}"},
      {"values: [umum, apbd, pajak]", "values: [umum, apbd, pajak, lain]"},
      {"route: jalur", "route: jalurr"},
      {"route: jalur", "route: tenggat"},
      {"kind: waiting\n    owner: biro-hukum", "kind: waiting\n    owner: biro-hukom"},
  };
  std::set<std::string> codes;
  for (const auto& [from, to] : variants) {
    INFO(to);
    for (const auto& d : checked("raperda.yaml", replaced(raperda, from, to),
                                 rules_config().agencies, rules_config().rules)) {
      codes.insert(d.code);
    }
  }
  for (const char* code : {"E-UNKNOWN-TABLE", "E-TABLE-OUTPUT", "E-MISSING-KEY", "E-BAD-VALUE",
                           "E-DEADLINE-PERIOD", "E-WRONG-TYPE", "E-DEADLINE-PERIOD-GAP",
                           "E-RULE-INPUT", "E-ROUTE-NO-STEP", "E-UNKNOWN-AGENCY"}) {
    INFO(code);
    CHECK(codes.count(code) == 1);
  }
}

namespace {

model::WorkflowDefinition version(const std::string& prefix, int number, const char* effective,
                                  const char* until, std::string basis) {
  model::WorkflowDefinition w;
  w.name = "perda";
  w.id_prefix = prefix;
  w.version = number;
  if (effective != nullptr) w.effective = test::date(effective);
  if (until != nullptr) w.until = test::date(until);
  w.version_basis = std::move(basis);
  w.source_path = "workflows/perda-v" + std::to_string(number) + ".yaml";
  w.location = {w.source_path, 1, 1};
  return w;
}

}  // namespace

TEST_CASE("the checker's diagnostics on sets of versions are words to translate", "[check][lang]") {
  const std::vector<std::vector<model::WorkflowDefinition>> sets{
      {version("PERDA", 1, "2019-01-01", nullptr, "a"),
       version("PERDA", 2, "2022-01-05", nullptr, "b")},
      {version("PERDA", 1, "2019-01-01", "2023-01-01", "a"),
       version("PERDA", 2, "2022-01-05", nullptr, "b")},
      {version("PERDA", 1, "2019-01-01", "2021-12-31", "a"),
       version("PERDA", 2, "2022-01-05", nullptr, "b")},
      {version("PERDA", 1, nullptr, "2022-01-04", "a"),
       version("PERDA", 2, "2022-01-05", nullptr, "")},
      {version("PERDA", 1, "2019-01-01", nullptr, "a"),
       version("PERDA", 1, "2019-01-01", nullptr, "a")},
      {version("PERDA", 1, "2019-01-01", "2022-01-04", "a"),
       version("PERGUB", 2, "2022-01-05", nullptr, "b")},
  };
  std::set<std::string> codes;
  for (const auto& set : sets) {
    model::Diagnostics out;
    check::check_workflow_set(set, out);
    for (const auto& d : out) {
      test::check_said(d);
      codes.insert(d.code);
    }
  }
  auto other = version("PERDA", 1, "2019-01-01", nullptr, "a");
  other.name = "pergub";
  model::Diagnostics prefixes;
  check::check_workflow_set({version("PERDA", 1, "2019-01-01", nullptr, "a"), other}, prefixes);
  for (const auto& d : prefixes) {
    test::check_said(d);
    codes.insert(d.code);
  }
  for (const char* code : {"E-VERSION-OVERLAP", "E-VERSION-GAP", "E-VERSION-EFFECTIVE",
                           "E-VERSION-BASIS", "E-DUPLICATE-WORKFLOW", "E-DUPLICATE-PREFIX"}) {
    INFO(code);
    CHECK(codes.count(code) == 1);
  }
}
