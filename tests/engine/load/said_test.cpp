// Issue #17: every diagnostic and error of the loaders (engine/load) is something said — a
// message id with values, translated by the renderers — not an English sentence kept whole.
// Walks the definition corpora of tests/data and mistakes written here for the messages the
// corpora do not reach (settings.yaml, timers, actions, rules tables, missing folders); the
// seeds' mutations and tests/data/bad-input are walked in bad_input_test.
#include "tests/engine/load/said.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/load/agency_loader.hpp"
#include "engine/load/calendar_loader.hpp"
#include "engine/load/config_set.hpp"
#include "engine/load/rule_loader.hpp"
#include "engine/load/workflow_loader.hpp"
#include "engine/load/yaml_reader.hpp"
#include "engine/model/error.hpp"
#include "engine/rules/rule_set.hpp"
#include "engine/time/date.hpp"
#include "tests/engine/store/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace regflow;
using test::require_words;

namespace {

const fs::path kData{REGFLOW_TEST_DATA_DIR};
const time::Date kToday = *time::parse_date("2026-03-02");

// Nearly every mistake a workflow file can hold that the loader (not the checker) reports.
const char* const kBadWorkflow = R"(workflow: Bad Name
id_prefix: bad prefix
version: zero
title: [not, text]
basis: x
effective: 2026-02-01
until: 2020-01-01
variables:
  jenis: {type: enum}
  tanggal: {type: dates}
  nomor: {type: number, values: [a], default: tiga, required: maybe}
  pilihan: {type: enum, values: [a, b], default: c}
roles:
  - pemrakarsa
steps:
  mulai:
    title: Mulai
    kind: tusk
    owner: biro-hukum
    with: kanwil
    signers: [a]
    quorum: all
    outcome: selesai
    limit:
      within: {table: t, output: o, unit: minggu}
      on_return: resume
      due_soon: many
      on_miss:
        - nag
        - {remind: {before: 2 hari, after: 1 hari, guard: "x"}}
        - {escalate: {to: selesai}}
        - {transition: {note: "x"}}
        - [a, b]
        - transition
    actions:
      ajukan: {title: Ajukan, note: sometimes, return: perhaps}
      both: {to: selesai, route: t}
      Bad: {to: selesai, sets: [[x]]}
  tanda:
    title: Tanda
    kind: signoff
    owner: biro-hukum
    signers: [biro-hukum]
    next: selesai
    limit: sebentar
    actions:
      sign: {to: selesai}
  selesai:
    title: Selesai
    kind: final
    outcome: done
    actions:
      lagi: {to: mulai}
  cabang:
    title: Cabang
    kind: waiting
    owner: biro-hukum
deadlines:
  tanggal_saja:
    date: tanggal
    from: mulai
    to: [selesai]
  tanpa_ujung:
    from: mulai
    within: 3 hari
  {a: b}: 1
initial: mulai
initial: mulai
)";

const char* const kBadRules = R"(inputs:
  1bad: text
  jenis: {type: enum}
  angka: {type: number, values: [1, 2]}
  tanpa_tipe: {description: x}
  ganda: {type: enum, values: [a, a]}
  aneh: {type: numbr}
  daftar: {type: enum, values: [[a]]}
rules:
  kosong: {description: x}
  peta: {when: {a: b}}
  daftar: [a]
tables:
  t:
    hit: any
    inputs: [jenis, [x]]
    outputs: {hasil: word}
    rows:
      - when: {jenis: {a: b}}
        then: {hasil: [a, b]}
      - when: [a]
        then: [b]
      - basis: x
      - 7
  u:
    inputs: {a: b}
    outputs: [[a]]
    rows: {a: b}
  v: 1
)";

const char* const kBadSettings = R"(utc_offset: seven
language: jv
cuti_bersama_is_working: perhaps
roles:
  staf: {title: Staf, may: [act, fly]}
  tamu: [a]
documents:
  max_size_mib: 5000
  kinds:
    Naskah: Naskah
    lampiran: [a]
publication: [a]
)";

/// The fixture configuration in a temporary folder, to change one file of.
class Fixture {
 public:
  Fixture() { fs::copy(kData / "valid" / "config", dir_.path(), fs::copy_options::recursive); }
  fs::path path() const { return dir_.path(); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_.path() / name, std::ios::binary | std::ios::trunc) << text;
  }

 private:
  test::TempDir dir_;
};

/// The codes of `ds`, to show that a case reached the messages it was written for.
std::vector<std::string> codes(const model::Diagnostics& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.code);
  return out;
}

bool has(const model::Diagnostics& ds, const std::string& code) {
  const auto all = codes(ds);
  return std::find(all.begin(), all.end(), code) != all.end();
}

}  // namespace

TEST_CASE("the loaders' words about tests/data/invalid are messages to translate", "[load][lang]") {
  std::size_t said = 0;
  for (const auto& entry : fs::directory_iterator(kData / "invalid")) {
    if (entry.path().extension() != ".yaml") continue;
    INFO(entry.path().filename().string());
    model::Diagnostics ds;
    if (entry.path().filename() == "agencies.yaml") {
      load::load_agencies_file(entry.path().string(), ds);
    } else {
      load::load_workflow_file(entry.path().string(), ds);
    }
    said += require_words(ds);
  }
  CHECK(said >= 10);
}

TEST_CASE("the loaders' words about every calendar fixture are messages to translate",
          "[load][lang]") {
  std::size_t said = 0;
  for (const auto& entry : fs::directory_iterator(kData / "calendars")) {
    INFO(entry.path().filename().string());
    const auto load = load::load_calendars(entry.path(), false);
    said += require_words(load.diagnostics);
    // Confirmed holidays that end within the year, that have ended, and none at all.
    said += require_words(load::check_calendar_horizon(load, kToday));
    said += require_words(load::check_calendar_horizon(load, *time::parse_date("2040-01-01")));
  }
  const test::TempDir empty;
  const auto none = load::load_calendars(empty.path(), false);
  said += require_words(load::check_calendar_horizon(none, kToday));
  said += require_words(load::load_calendars(empty.path() / "absent", false).diagnostics);
  CHECK(said >= 40);
}

TEST_CASE("a workflow full of mistakes is told in messages to translate", "[load][lang]") {
  model::Diagnostics ds;
  load::load_workflow_text("bad.yaml", kBadWorkflow, ds);
  INFO(codes(ds).size());
  for (const char* code :
       {"E-BAD-NAME", "E-VERSION-PERIOD", "E-BAD-TYPE", "E-ENUM-NO-VALUES", "E-BAD-DEFAULT",
        "E-BAD-VALUE", "E-WRONG-TYPE", "E-MISSING-KEY", "E-BAD-DURATION", "E-RESERVED-NAME",
        "E-ACTION-TARGET", "E-DUPLICATE-KEY"}) {
    INFO(code);
    CHECK(has(ds, code));
  }
  CHECK(require_words(ds) >= 40);
}

TEST_CASE("a rules file full of mistakes is told in messages to translate", "[load][lang]") {
  model::Diagnostics ds;
  rules::RuleSet set;
  load::read_rules(kBadRules, "bad.yaml", set, ds);
  for (const char* code :
       {"E-BAD-NAME", "E-MISSING-KEY", "E-WRONG-TYPE", "E-UNKNOWN-TYPE", "E-DUPLICATE-KEY"}) {
    INFO(code);
    CHECK(has(ds, code));
  }
  CHECK(require_words(ds) >= 15);
  model::Diagnostics root;
  load::read_rules("[a]\n", "list.yaml", set, root);
  load::read_rules("", "empty.yaml", set, root);
  CHECK(require_words(root) == 2);
}

TEST_CASE("mistakes in settings.yaml and agencies are told in messages to translate",
          "[load][lang]") {
  const Fixture fixture;
  fixture.write("settings.yaml", kBadSettings);
  const auto settings = load::load_config_without_workflows(fixture.path(), kToday).diagnostics;
  CHECK(has(settings, "E-BAD-VALUE"));
  CHECK(has(settings, "E-WRONG-TYPE"));
  CHECK(require_words(settings) >= 8);

  model::Diagnostics agencies;
  load::load_agencies_text("agencies.yaml",
                           "agencies:\n  Biro: Biro\n  a: {name: A, parent: b}\n"
                           "  b: {name: B, parent: a}\n  c: {name: C, parent: d}\n",
                           agencies);
  load::load_agencies_text("other.yaml", "others: {}\n", agencies);
  CHECK(has(agencies, "E-AGENCY-CYCLE"));
  CHECK(has(agencies, "E-UNKNOWN-AGENCY"));
  CHECK(require_words(agencies) >= 5);

  fs::remove(fixture.path() / "workflows" / "agencies.yaml");
  const auto missing = load::load_config_without_workflows(fixture.path(), kToday).diagnostics;
  CHECK(has(missing, "E-FILE"));
  require_words(missing);
}

TEST_CASE("unreadable files and folders are told in messages to translate", "[load][lang]") {
  const test::TempDir dir;
  model::Diagnostics ds;
  CHECK_FALSE(load::read_definition_file(dir.path() / "absent.yaml", ds));
  CHECK(require_words(ds) == 1);

  const auto said_of = [](const auto& load) -> model::Message {
    try {
      load();
    } catch (const LoadError& e) {
      return e.said();
    }
    FAIL("no LoadError");
    return {};
  };
  const fs::path file = dir.path() / "file.yaml";
  std::ofstream(file) << "x: 1\n";
  for (const auto& said : {said_of([&] { load::load_config(dir.path() / "absent", kToday); }),
                           said_of([&] { load::load_config(file, kToday); }),
                           said_of([&] { load::load_rules(dir.path() / "absent"); })}) {
    INFO(model::english(said));
    CHECK_FALSE(said.verbatim);
  }
}
