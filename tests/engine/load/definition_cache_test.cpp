// The definition cache gives exactly what parsing gives (operator== compares every field, so a
// field added to the model and not serialized fails here), serves an entry only for the same
// build, path and text, keeps nothing that had errors, writes nothing before save(), and parses
// again when an entry is damaged.
#include "engine/load/definition_cache.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/load/agency_loader.hpp"
#include "engine/load/rule_loader.hpp"
#include "engine/load/workflow_loader.hpp"
#include "engine/time/date.hpp"
#include "tests/engine/store/temp_dir.hpp"
#include "tests/support/files.hpp"

namespace fs = std::filesystem;
using regflow::test::slurp;
using namespace regflow;

namespace {

// What the database would hold (app::definition_cache_key).
const std::string kMacKey = "0123456789abcdef0123456789abcdef";

std::size_t entries(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return 0;
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(folder)) ++n;
  return n;
}

struct Loaded {
  std::optional<model::WorkflowDefinition> definition;
  model::Diagnostics diagnostics;
};

Loaded parsed(const std::string& path, const std::string& text) {
  Loaded out;
  out.definition = load::load_workflow_text(path, text, out.diagnostics);
  return out;
}

Loaded cached(const fs::path& folder, const std::string& path, const std::string& text,
              const std::string& mac_key);

Loaded cached(const fs::path& folder, const std::string& path, const std::string& text) {
  return cached(folder, path, text, kMacKey);
}

Loaded cached(const fs::path& folder, const std::string& path, const std::string& text,
              const std::string& mac_key) {
  load::DefinitionCache cache(folder, mac_key);
  Loaded out;
  out.definition = cache.load(path, text, out.diagnostics);
  cache.save();
  return out;
}

}  // namespace

TEST_CASE("a cached definition is the parsed one, field for field") {
  REQUIRE_FALSE(load::build_id().empty());
  test::TempDir dir;
  const fs::path folder = dir.path() / "cache";
  const fs::path source{REGFLOW_SOURCE_DIR};
  for (const auto& file :
       {source / "workflows" / "perda.yaml", source / "workflows" / "pergub.yaml",
        source / "workflows" / "kerjasama.yaml",
        fs::path(REGFLOW_TEST_DATA_DIR) / "valid" / "config" / "workflows" / "mini.yaml"}) {
    CAPTURE(file);
    const std::string text = slurp(file);
    const auto fresh = parsed(file.string(), text);
    REQUIRE(fresh.definition);
    const auto before = entries(folder);
    const auto first = cached(folder, file.string(), text);  // parses, then saves
    CHECK(entries(folder) == before + 1);
    const auto second = cached(folder, file.string(), text);  // reads the entry
    CHECK(entries(folder) == before + 1);
    CHECK(first.definition == fresh.definition);
    CHECK(second.definition == fresh.definition);
    CHECK(second.diagnostics == fresh.diagnostics);
  }
}

TEST_CASE("the cache serves an entry only for the same path and text") {
  test::TempDir dir;
  const fs::path folder = dir.path() / "cache";
  const std::string path = "workflows/mini.yaml";
  const std::string text =
      slurp(fs::path(REGFLOW_TEST_DATA_DIR) / "valid" / "config" / "workflows" / "mini.yaml");
  cached(folder, path, text);
  REQUIRE(entries(folder) == 1);

  SECTION("an edited text is parsed: a new definition with its own hash") {
    const std::string edited = text + "# edited\n";
    const auto got = cached(folder, path, edited);
    CHECK(got.definition == parsed(path, edited).definition);
    CHECK(got.definition->content_hash != parsed(path, text).definition->content_hash);
    CHECK(entries(folder) == 2);
  }

  SECTION("a caller that gives the text's hash finds the same entry, with the same hash") {
    load::DefinitionCache cache(folder, kMacKey);
    model::Diagnostics ds;
    const auto expected = parsed(path, text).definition;
    const auto got = cache.load(path, text, expected->content_hash, ds);
    CHECK(got == expected);
    cache.save();
    CHECK(entries(folder) == 1);  // one key for both ways of asking: no second entry
  }

  SECTION("the same text under another path is another entry (diagnostics name the path)") {
    const auto got = cached(folder, "stored:mini", text);
    CHECK(got.definition == parsed("stored:mini", text).definition);
    CHECK(entries(folder) == 2);
  }

  SECTION("an entry put in another's place is not believed: each text gets its own definition") {
    std::string other = text;
    other.replace(other.find("title: Mini Pergub"), 18, "title: Lain Pergub");
    cached(folder, path, other);
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(folder)) files.push_back(e.path());
    REQUIRE(files.size() == 2);
    // Whichever entry is whose, after the copy one of them stands in the other's place; its MAC
    // covers its own key, so the text it does not belong to is parsed again.
    fs::copy_file(files[0], files[1], fs::copy_options::overwrite_existing);
    load::DefinitionCache cache(folder, kMacKey);
    model::Diagnostics ds;
    const auto a = cache.load(path, text, ds);
    const auto b = cache.load(path, other, ds);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a == parsed(path, text).definition);
    CHECK(b == parsed(path, other).definition);
    CHECK(a->title != b->title);
    CHECK(parsed(path, text).definition->title != parsed(path, other).definition->title);
    CHECK(a->content_hash != b->content_hash);  // the hash is always that of the text given
  }

  SECTION("an entry with one byte changed is parsed again and replaced") {
    const fs::path entry = fs::directory_iterator(folder)->path();
    const std::string whole = slurp(entry);
    std::string damaged = whole;
    damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x20);
    std::ofstream(entry, std::ios::binary | std::ios::trunc) << damaged;
    const auto got = cached(folder, path, text);
    CHECK(got.definition == parsed(path, text).definition);
    CHECK(slurp(entry) == whole);
  }

  SECTION("an entry rewritten by someone without the database's key is parsed again") {
    // They may write the folder and know the format, but not the key: an entry of theirs, for a
    // text that says something else, put in the true text's place, is not what it gets.
    const fs::path entry = fs::directory_iterator(folder)->path();
    const std::string whole = slurp(entry);
    std::string other = text;
    other.replace(other.find("title: Mini Pergub"), 18, "title: Lain Pergub");
    const fs::path elsewhere = dir.path() / "theirs";
    cached(elsewhere, path, other, "a key that is not the database's");
    fs::copy_file(fs::directory_iterator(elsewhere)->path(), entry,
                  fs::copy_options::overwrite_existing);
    const auto got = cached(folder, path, text);
    CHECK(got.definition == parsed(path, text).definition);
    CHECK(got.definition->title == "Mini Pergub");
    CHECK(slurp(entry) == whole);  // and the true entry is back
  }

  SECTION("a cache folder that is a symbolic link is not written through") {
    fs::remove_all(folder);
    const fs::path target = dir.path() / "target";
    fs::create_directory(target);
    fs::create_directory_symlink(target, folder);
    cached(folder, path, text);
    CHECK(entries(target) == 0);
  }

  SECTION("a damaged entry is parsed again and replaced") {
    const fs::path entry = fs::directory_iterator(folder)->path();
    const std::string whole = slurp(entry);
    std::ofstream(entry, std::ios::binary | std::ios::trunc) << whole.substr(0, whole.size() / 2);
    const auto got = cached(folder, path, text);
    CHECK(got.definition == parsed(path, text).definition);
    CHECK(slurp(entry) == whole);
  }
}

TEST_CASE("the cache keeps nothing with errors and writes nothing before save") {
  test::TempDir dir;
  const fs::path folder = dir.path() / "cache";
  const std::string path = "workflows/mini.yaml";
  const std::string text =
      slurp(fs::path(REGFLOW_TEST_DATA_DIR) / "valid" / "config" / "workflows" / "mini.yaml");

  load::DefinitionCache cache(folder, kMacKey);
  model::Diagnostics ds;
  CHECK(cache.load(path, text, ds));
  CHECK(entries(folder) == 0);

  const std::string broken = text + "steps: [\n";
  model::Diagnostics broken_ds;
  cache.load(path, broken, broken_ds);
  CHECK(broken_ds == parsed(path, broken).diagnostics);
  CHECK(model::has_errors(broken_ds));
  cache.save();
  CHECK(entries(folder) == 1);  // the good text only

  load::DefinitionCache off{fs::path{}, kMacKey};
  model::Diagnostics off_ds;
  CHECK(off.load(path, text, off_ds) == parsed(path, text).definition);
  off.save();
  CHECK(entries(folder) == 1);
}

TEST_CASE("cached agencies are the parsed ones") {
  test::TempDir dir;
  const fs::path folder = dir.path() / "cache";
  const std::string path = "workflows/agencies.yaml";
  const std::string text = slurp(fs::path(REGFLOW_SOURCE_DIR) / "workflows" / "agencies.yaml");
  model::Diagnostics fresh_ds;
  const auto fresh = load::load_agencies_text(path, text, fresh_ds);
  REQUIRE(fresh.all().size() > 10);
  for (int round = 0; round < 2; ++round) {  // parsed and saved, then read
    load::DefinitionCache cache(folder, kMacKey);
    model::Diagnostics ds;
    CHECK(cache.agencies(path, text, ds).all() == fresh.all());
    CHECK(ds == fresh_ds);
    cache.save();
    CHECK(entries(folder) == 1);
  }
  // A directory with an error is not kept.
  load::DefinitionCache cache(folder, kMacKey);
  model::Diagnostics ds;
  const std::string broken = text + "  loop: {name: Loop, parent: loop}\n";
  CHECK(cache.agencies(path, broken, ds).all() == load::load_agencies_text(path, broken, ds).all());
  CHECK(model::has_errors(ds));
  cache.save();
  CHECK(entries(folder) == 1);
}

TEST_CASE("cached calendars are the loaded ones, and any change to the folder is seen") {
  test::TempDir dir;
  const fs::path folder = dir.path() / "cache";
  const fs::path calendars = dir.path() / "calendars";
  fs::copy(fs::path(REGFLOW_SOURCE_DIR) / "rules" / "calendars", calendars);

  const auto same = [](const load::CalendarLoad& a, const load::CalendarLoad& b) {
    CHECK(a.calendar.days() == b.calendar.days());
    CHECK(a.calendar.years() == b.calendar.years());
    CHECK(a.calendar.settings().collective_leave_is_working ==
          b.calendar.settings().collective_leave_is_working);
    CHECK(a.diagnostics == b.diagnostics);
    CHECK(a.folder == b.folder);
    CHECK(a.year_files == b.year_files);
    const auto first = *time::parse_date("2025-01-01");
    for (int i = 0; i < 3 * 366; ++i) {
      const time::Date day = first + std::chrono::days{i};
      if (a.calendar.is_working_day(day) != b.calendar.is_working_day(day)) {
        FAIL("working days differ on " << time::format_date(day));
      }
    }
  };
  const auto through_cache = [&](bool working) {
    load::DefinitionCache cache(folder, kMacKey);
    auto got = cache.calendars(calendars, working);
    cache.save();
    return got;
  };

  for (const bool working : {false, true}) {
    const auto fresh = load::load_calendars(calendars, working);
    REQUIRE(fresh.calendar.days().size() > 20);
    same(through_cache(working), fresh);  // parsed and saved
    same(through_cache(working), fresh);  // read
  }
  CHECK(entries(folder) == 2);  // the setting is part of the key

  SECTION("an edited file") {
    std::ofstream(calendars / "2027.yaml", std::ios::app) << "# edited\n";
    same(through_cache(false), load::load_calendars(calendars, false));
    CHECK(entries(folder) == 3);
  }
  SECTION("a new file") {
    fs::copy_file(calendars / "2026.yaml", calendars / "2026-copy.yaml");
    const auto fresh = load::load_calendars(calendars, false);
    CHECK(model::has_errors(fresh.diagnostics));  // a year listed twice
    same(through_cache(false), fresh);
    CHECK(entries(folder) == 2);  // not kept: it has an error
  }
}

TEST_CASE("cached rules finalize to the loaded ones") {
  for (const fs::path& rules_dir : {fs::path(REGFLOW_SOURCE_DIR) / "rules",
                                    fs::path(REGFLOW_TEST_DATA_DIR) / "rules_config" / "rules"}) {
    CAPTURE(rules_dir);
    test::TempDir dir;
    const fs::path folder = dir.path() / "cache";
    const auto fresh = load::load_rules(rules_dir);
    REQUIRE_FALSE(model::has_errors(fresh.diagnostics));
    REQUIRE_FALSE(fresh.rules.rule_names().empty());
    for (int round = 0; round < 2; ++round) {  // parsed and saved, then read
      load::DefinitionCache cache(folder, kMacKey);
      const auto got = cache.rules(rules_dir);
      cache.save();
      CHECK(entries(folder) == 1);
      CHECK(got.diagnostics == fresh.diagnostics);
      CHECK(got.rules.rule_names() == fresh.rules.rule_names());
      CHECK(got.rules.table_names() == fresh.rules.table_names());
      REQUIRE(got.rules.inputs().size() == fresh.rules.inputs().size());
      for (const auto& [name, input] : fresh.rules.inputs()) {
        const auto& other = got.rules.inputs().at(name);
        CHECK(other.info == input.info);
        CHECK(other.description == input.description);
        CHECK(other.location == input.location);
      }
      for (const auto& name : fresh.rules.rule_names()) {
        const auto* a = fresh.rules.find_rule(name);
        const auto* b = got.rules.find_rule(name);
        REQUIRE(b != nullptr);
        CHECK(b->text == a->text);
        CHECK(b->description == a->description);
        CHECK(b->basis == a->basis);
        CHECK(b->location == a->location);
        CHECK(b->name_location == a->name_location);
        CHECK(b->inputs == a->inputs);
        REQUIRE(b->expression.has_value() == a->expression.has_value());
        if (a->expression) {
          CHECK(b->expression->type() == a->expression->type());
          CHECK(b->expression->variables() == a->expression->variables());
          CHECK(b->expression->rules() == a->expression->rules());
        }
      }
      for (const auto& name : fresh.rules.table_names()) {
        const auto* a = fresh.rules.find_table(name);
        const auto* b = got.rules.find_table(name);
        REQUIRE(b != nullptr);
        CHECK(b->rows.size() == a->rows.size());
        CHECK(b->inputs.size() == a->inputs.size());
        CHECK(b->outputs.size() == a->outputs.size());
        CHECK(b->basis == a->basis);
        for (std::size_t i = 0; i < a->rows.size() && i < b->rows.size(); ++i) {
          CHECK(b->rows[i].outputs == a->rows[i].outputs);
          CHECK(b->rows[i].location == a->rows[i].location);
        }
      }
    }
  }
}

TEST_CASE("rules with an error are loaded as before and not kept") {
  test::TempDir dir;
  const fs::path folder = dir.path() / "cache";
  const fs::path rules_dir = dir.path() / "rules";
  fs::create_directories(rules_dir);
  std::ofstream(rules_dir / "bad.yaml") << "rules:\n  r:\n    when: \"nope ==\"\n";
  const auto fresh = load::load_rules(rules_dir);
  REQUIRE(model::has_errors(fresh.diagnostics));
  load::DefinitionCache cache(folder, kMacKey);
  CHECK(cache.rules(rules_dir).diagnostics == fresh.diagnostics);
  cache.save();
  CHECK(entries(folder) == 0);
}
