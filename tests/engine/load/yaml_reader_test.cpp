// Every file kind is read through the one YamlReader: an unknown key, a repeated key and a YAML
// syntax error read the same in a workflow, an agencies file, a rules file and a calendar, at a
// 1-based position.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "engine/load/agency_loader.hpp"
#include "engine/load/calendar_loader.hpp"
#include "engine/load/rule_loader.hpp"
#include "engine/load/workflow_loader.hpp"
#include "engine/model/diagnostic.hpp"
#include "tests/engine/load/said.hpp"
#include "tests/engine/store/temp_dir.hpp"

using namespace regflow;

namespace {

struct FileKind {
  std::string name;
  /// A file with the key `misspelt` where `meant` belongs, and the key `twice` given twice.
  std::string text;
  std::string misspelt, meant, twice;
  std::function<model::Diagnostics(const std::string&)> load;
};

model::Diagnostics load_calendar_text(const std::string& text) {
  const test::TempDir dir;
  std::ofstream(dir.file("2026.yaml"), std::ios::binary) << text;
  auto load = load::load_calendars(dir.path());
  for (auto& d : load.diagnostics) d.location.file = "2026.yaml";
  return load.diagnostics;
}

const std::vector<FileKind>& kinds() {
  static const std::vector<FileKind> all{
      {"workflow",
       "workflow: t\nversion: 1\ntitel: T\nbasis: b\ninitial: a\ninitial: a\nsteps:\n"
       "  a: {title: A, kind: final}\n",
       "titel", "title", "initial",
       [](const std::string& text) {
         model::Diagnostics ds;
         load::load_workflow_text("w.yaml", text, ds);
         return ds;
       }},
      {"agencies", "agencies:\n  a:\n    nmae: A\n    name: A\n    name: B\n", "nmae", "name",
       "name",
       [](const std::string& text) {
         model::Diagnostics ds;
         load::load_agencies_text("agencies.yaml", text, ds);
         return ds;
       }},
      {"rules", "rules:\n  a:\n    wehn: x\n    when: x\n    when: y\n", "wehn", "when", "when",
       [](const std::string& text) {
         model::Diagnostics ds;
         rules::RuleSet set;
         load::read_rules(text, "r.yaml", set, ds);
         return ds;
       }},
      {"calendar",
       "year: 2026\nprovisional: false\nsource: s\ndays:\n  - date: 2026-01-01\n"
       "    kind: libur\n    nmae: B\n    name: A\n    name: C\n",
       "nmae", "name", "name", load_calendar_text},
  };
  return all;
}

std::string all(const model::Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds) out += model::format_diagnostic(d) + "\n";
  return out;
}

const model::Diagnostic* find_code(const model::Diagnostics& ds, const std::string& code) {
  for (const auto& d : ds) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("every file kind words an unknown key alike, with the accepted keys in a note",
          "[load][yaml]") {
  for (const auto& kind : kinds()) {
    SECTION(kind.name) {
      const auto ds = kind.load(kind.text);
      INFO(all(ds));
      test::require_words(ds);
      const auto* d = find_code(ds, "E-UNKNOWN-KEY");
      REQUIRE(d != nullptr);
      CHECK(d->message.starts_with("unknown key '" + kind.misspelt + "' in "));
      CHECK(d->message.ends_with(" (did you mean '" + kind.meant + "'?)"));
      REQUIRE(d->notes.size() == 1);
      CHECK(model::english(d->notes[0]).starts_with("accepted keys: "));
      CHECK(model::english(d->notes[0]).find("'" + kind.meant + "'") != std::string::npos);
      CHECK(d->location.line >= 1);
      CHECK(d->location.column >= 1);
    }
  }
}

TEST_CASE("every file kind words a repeated key alike, at the second one", "[load][yaml]") {
  for (const auto& kind : kinds()) {
    SECTION(kind.name) {
      const auto ds = kind.load(kind.text);
      INFO(all(ds));
      test::require_words(ds);
      const auto* d = find_code(ds, "E-DUPLICATE-KEY");
      REQUIRE(d != nullptr);
      CHECK(d->message.starts_with("'" + kind.twice + "' is given twice in "));
      // The second occurrence is the last line of each text above that names the key.
      const auto last = kind.text.rfind(kind.twice + ":");
      const auto line = 1 + std::count(kind.text.begin(),
                                       kind.text.begin() + static_cast<std::ptrdiff_t>(last), '\n');
      CHECK(d->location.line == line);
    }
  }
}

TEST_CASE("every file kind reports a syntax error alike, with its position and a caret",
          "[load][yaml]") {
  for (const auto& kind : kinds()) {
    SECTION(kind.name) {
      const auto ds = kind.load("a: b\nc: [d, e\nf: g\n");
      REQUIRE(ds.size() == 1);
      INFO(model::format_diagnostic(ds[0]));
      test::require_words(ds);
      CHECK(ds[0].code == "E-YAML-SYNTAX");
      CHECK(ds[0].message.starts_with("invalid YAML: "));
      CHECK(ds[0].location.line >= 1);
      CHECK(ds[0].location.column >= 1);
    }
  }
}
