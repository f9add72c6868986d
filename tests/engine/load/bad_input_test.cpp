// Bad input in every kind of definition file — workflow, agencies, rules, calendar — loaded the
// way every command loads it (load_config on a configuration folder): each bad file gives an
// error that points into it at a line and column, and nothing throws or crashes.
//
// The corpus is tests/data/bad-input/<kind>/*.yaml (realistic mistakes: Latin-1 bytes, tabs,
// alias bombs, wrong roots) plus variants generated here from
// tests/data/bad-input/seeds/<kind>.yaml (valid files in block style, one key per line): every key
// given a value of the wrong type, every key given twice, invalid UTF-8 on every line, binary
// garbage, NUL bytes, UTF-16, deep nesting and a 50 MB file. The truncations of the shipped
// workflows are in workflow_loader_test. That a command run with such a configuration leaves the
// database untouched is shown through the executable by tests/reliability/bad_input_cli.py.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "engine/load/agency_loader.hpp"
#include "engine/load/calendar_loader.hpp"
#include "engine/load/config_set.hpp"
#include "engine/load/rule_loader.hpp"
#include "engine/load/workflow_loader.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/rules/rule_set.hpp"
#include "engine/time/date.hpp"
#include "tests/engine/load/said.hpp"
#include "tests/engine/store/temp_dir.hpp"
#include "tests/support/files.hpp"

namespace fs = std::filesystem;
using regflow::test::slurp;
using namespace regflow;

namespace {

const fs::path kData{REGFLOW_TEST_DATA_DIR};

struct Kind {
  std::string name;   ///< folder under tests/data/bad-input/ and seed name
  std::string place;  ///< where the file goes in the fixture configuration
};

// The workflow replaces mini.yaml (a second workflow named mini would be an error of its own);
// the calendar replaces the only year.
const std::vector<Kind> kKinds{{"workflow", "workflows/mini.yaml"},
                               {"agencies", "workflows/agencies.yaml"},
                               {"rules", "rules/bad.yaml"},
                               {"calendar", "rules/calendars/2026.yaml"}};

std::string seed(const Kind& kind) {
  return slurp(kData / "bad-input" / "seeds" / (kind.name + ".yaml"));
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

std::string format_all(const model::Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds) out += model::format_diagnostic(d) + "\n";
  return out;
}

/// The fixture configuration in a temporary folder, in which one file of a kind is replaced (or
/// added) for each case: one copy per kind, not per case, keeps the hundreds of cases quick.
class Sandbox {
 public:
  explicit Sandbox(const Kind& kind) : kind_(kind) {
    fs::copy(kData / "valid" / "config", dir_.path(), fs::copy_options::recursive);
  }

  fs::path file() const { return dir_.path() / kind_.place; }

  /// Loads the configuration with `text` as the file of the kind.
  model::Diagnostics load_with(const std::string& text) const {
    std::ofstream(file(), std::ios::binary | std::ios::trunc) << text;
    return load();
  }

  model::Diagnostics load() const {
    model::Diagnostics ds;
    CHECK_NOTHROW(ds = load::load_config(dir_.path(), *time::parse_date("2026-03-02")).diagnostics);
    return ds;
  }

 private:
  const Kind& kind_;
  test::TempDir dir_;
};

std::vector<model::Diagnostic> errors_in(const model::Diagnostics& ds, const std::string& file) {
  std::vector<model::Diagnostic> out;
  for (const auto& d : ds) {
    if (d.severity == model::Severity::Error && d.location.file == file) out.push_back(d);
  }
  return out;
}

/// The bad file has at least one error, and every error in it has a line and column within
/// the text (warnings about a whole file, such as W-CALENDAR-ENDS, have none).
void require_positioned_error(const Kind& kind, const std::string& text,
                              const model::Diagnostics& ds) {
  INFO(kind.place << ":\n" << format_all(ds));
  const auto errors = errors_in(ds, kind.place);
  CHECK_FALSE(errors.empty());
  const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const auto& d : errors) {
    INFO(model::format_diagnostic(d));
    CHECK(d.location.line >= 1);
    CHECK(d.location.line <= lines);
    CHECK(d.location.column >= 1);
  }
}

void require_no_error(const Kind& kind, const model::Diagnostics& ds) {
  INFO(format_all(ds));
  CHECK(errors_in(ds, kind.place).empty());
}

/// The line where the value of the key on line `at` ends: the first later line that is not
/// indented deeper than the key (blank lines and comments belong to the block).
std::size_t block_end(const std::vector<std::string>& lines, std::size_t at, std::size_t indent) {
  std::size_t end = at + 1;
  for (; end < lines.size(); ++end) {
    const auto first = lines[end].find_first_not_of(' ');
    if (first == std::string::npos || lines[end][first] == '#') continue;
    if (first <= indent) break;
  }
  return end;
}

struct Mutation {
  std::string label;
  std::string text;
};

// "    key: value" or "  - key: value": the indentation of the key, the key, the value.
const std::regex kKeyLine{R"(^((?: *)(?:- )?)([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$)"};

// Entries of these maps may be written as a single scalar (an agency as its name, a role as its
// title, a rule as its expression), so a scalar there is no wrong type.
const std::vector<std::string> kShortFormParents{"agencies", "roles", "rules"};

/// Every key of the seed given a value of the wrong shape: a list or a map for a scalar; for a
/// map, a list and a number; for a list, a map and a number.
std::vector<Mutation> wrong_types(const std::string& text) {
  const auto lines = split_lines(text);
  std::vector<Mutation> out;
  std::vector<std::pair<std::size_t, std::string>> parents;  // (indent, key) of the open blocks
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    if (!std::regex_match(lines[i], m, kKeyLine)) continue;
    const auto indent = static_cast<std::size_t>(m[1].length());
    while (!parents.empty() && parents.back().first >= indent) parents.pop_back();
    const std::string parent = parents.empty() ? "" : parents.back().second;
    parents.emplace_back(indent, m[2].str());
    const std::string head = m[1].str() + m[2].str() + ":";
    const std::string where = "line " + std::to_string(i + 1) + " '" + m[2].str() + "'";
    auto replaced = [&](const std::string& line, std::size_t end) {
      std::vector<std::string> copy(lines.begin(), lines.begin() + static_cast<long>(i));
      copy.push_back(line);
      copy.insert(copy.end(), lines.begin() + static_cast<long>(end), lines.end());
      return join_lines(copy);
    };
    if (m[3].matched && !m[3].str().empty()) {
      out.push_back({where + " as a list", replaced(head + " [x, y]", i + 1)});
      out.push_back({where + " as a map", replaced(head + " {x: y}", i + 1)});
      continue;
    }
    const std::size_t end = block_end(lines, i, indent);
    const bool is_list =
        i + 1 < end && lines[i + 1].find("- ") == lines[i + 1].find_first_not_of(' ');
    out.push_back(is_list ? Mutation{where + " as a map", replaced(head + " {x: y}", end)}
                          : Mutation{where + " as a list", replaced(head + " [x, y]", end)});
    if (std::find(kShortFormParents.begin(), kShortFormParents.end(), parent) ==
        kShortFormParents.end()) {
      out.push_back({where + " as a number", replaced(head + " 42", end)});
    }
  }
  return out;
}

/// Every key of the seed given twice (the line repeated; for a key that opens a block, the
/// first of the two then has no value).
std::vector<Mutation> duplicate_keys(const std::string& text) {
  const auto lines = split_lines(text);
  std::vector<Mutation> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    if (!std::regex_match(lines[i], m, kKeyLine)) continue;
    std::string again = lines[i];
    // The second of "- key" would start a new list item; repeat the key inside the same one.
    if (const auto dash = again.find("- ");
        dash != std::string::npos && dash == again.find_first_not_of(' ')) {
      again.replace(dash, 2, "  ");
    }
    auto copy = lines;
    copy.insert(copy.begin() + static_cast<long>(i) + 1, again);
    out.push_back(
        {"line " + std::to_string(i + 1) + " '" + m[2].str() + "' twice", join_lines(copy)});
  }
  return out;
}

// What engine/rules adds while a rules file is read (a name declared twice): worded there, not
// by the loaders.
const std::vector<std::string> kRuleSetCodes{"E-DUPLICATE-INPUT", "E-DUPLICATE-RULE",
                                             "E-DUPLICATE-TABLE"};

/// What the loader of the kind alone says about `text`; load_config would add the words of the
/// checker and of the rule set, which are not the loaders'.
model::Diagnostics loaded_alone(const Sandbox& sandbox, const Kind& kind, const std::string& text) {
  model::Diagnostics ds;
  if (kind.name == "workflow") {
    load::load_workflow_text(kind.place, text, ds);
  } else if (kind.name == "agencies") {
    load::load_agencies_text(kind.place, text, ds);
  } else if (kind.name == "rules") {
    rules::RuleSet set;
    load::read_rules(text, kind.place, set, ds);
    std::erase_if(ds, [](const model::Diagnostic& d) {
      return std::find(kRuleSetCodes.begin(), kRuleSetCodes.end(), d.code) != kRuleSetCodes.end();
    });
  } else {
    std::ofstream(sandbox.file(), std::ios::binary | std::ios::trunc) << text;
    ds = load::load_calendars(sandbox.file().parent_path(), false).diagnostics;
  }
  return ds;
}

}  // namespace

TEST_CASE("the bad-input seeds load cleanly, also with a BOM and with CRLF line ends",
          "[load][robust]") {
  for (const auto& kind : kKinds) {
    const Sandbox sandbox(kind);
    const std::string text = seed(kind);
    std::string crlf;
    for (char c : text) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    INFO(kind.name);
    require_no_error(kind, sandbox.load_with(text));
    require_no_error(kind, sandbox.load_with("\xEF\xBB\xBF" + text));
    require_no_error(kind, sandbox.load_with(crlf));
  }
}

TEST_CASE("every file of the bad-input corpus is an error with a position in it",
          "[load][robust]") {
  for (const auto& kind : kKinds) {
    const Sandbox sandbox(kind);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(kData / "bad-input" / kind.name)) {
      files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    CHECK(files.size() >= 4);
    for (const auto& file : files) {
      INFO(kind.name << "/" << file.filename().string());
      const std::string text = slurp(file);
      require_positioned_error(kind, text, sandbox.load_with(text));
    }
  }
}

TEST_CASE("empty, blank, binary, NUL, UTF-16 and non-UTF-8 files are errors with a position",
          "[load][robust]") {
  std::mt19937 random(20260302);
  std::string garbage(4096, '\0');
  for (char& c : garbage) c = static_cast<char>(random() & 0xFF);
  for (const auto& kind : kKinds) {
    const Sandbox sandbox(kind);
    const std::string text = seed(kind);
    std::string utf16 = "\xFF\xFE";
    for (char c : text) utf16 += std::string{c, '\0'};
    const std::vector<Mutation> cases{
        {"empty", ""},
        {"blank", "\n\n   \n"},
        {"a comment only", "# nothing yet\n"},
        {"binary garbage", garbage},
        {"a NUL byte", text.substr(0, 20) + std::string(1, '\0') + text.substr(20)},
        {"UTF-16 with a BOM", utf16},
        {"an overlong encoding", text + "# \xC0\xAF\n"},
        {"a UTF-16 surrogate", text + "# \xED\xA0\x80\n"},
        {"a sequence cut at the end", text + "# \xE2\x82"},
    };
    for (const auto& c : cases) {
      INFO(kind.name << ": " << c.label);
      const auto ds = sandbox.load_with(c.text);
      // A rules file that declares nothing is only a warning (W-EMPTY-FILE), at 1:1.
      const bool declares_nothing =
          c.label == "empty" || c.label == "blank" || c.label == "a comment only";
      if (kind.name == "rules" && declares_nothing) {
        INFO(format_all(ds));
        const auto empty = std::find_if(ds.begin(), ds.end(), [&](const model::Diagnostic& d) {
          return d.location.file == kind.place && d.code == "W-EMPTY-FILE";
        });
        REQUIRE(empty != ds.end());
        CHECK(empty->location.line == 1);
        CHECK(empty->location.column == 1);
        continue;
      }
      require_positioned_error(kind, c.text, ds);
    }
  }
}

TEST_CASE("a Latin-1 byte on any line is reported at that line and column", "[load][robust]") {
  for (const auto& kind : kKinds) {
    const Sandbox sandbox(kind);
    const auto lines = split_lines(seed(kind));
    for (std::size_t i = 0; i < lines.size(); ++i) {
      auto copy = lines;
      copy[i] += "\xE9";  // 'é' in Latin-1 and Windows-1252
      const auto ds = sandbox.load_with(join_lines(copy));
      const auto errors = errors_in(ds, kind.place);
      INFO(kind.name << " line " << i + 1 << ":\n" << format_all(ds));
      REQUIRE(errors.size() == 1);
      CHECK(errors[0].code == "E-ENCODING");
      CHECK(errors[0].location.line == static_cast<int>(i) + 1);
      CHECK(errors[0].location.column == static_cast<int>(lines[i].size()) + 1);
    }
  }
}

TEST_CASE("deep nesting in any file is a syntax error, not a stack overflow", "[load][robust]") {
  const std::string flow = "x: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  std::string maps;
  for (std::size_t depth = 0; depth < 20000; ++depth) maps += "{a: ";
  maps += "b" + std::string(20000, '}') + "\n";
  std::string block;
  for (std::size_t depth = 0; depth < 2000; ++depth) block += std::string(depth, ' ') + "a:\n";
  for (const auto& kind : kKinds) {
    const Sandbox sandbox(kind);
    for (const auto& c : {Mutation{"100k nested lists", flow}, Mutation{"20k nested maps", maps},
                          Mutation{"2000 indented blocks", block}}) {
      INFO(kind.name << ": " << c.label);
      require_positioned_error(kind, c.text, sandbox.load_with(c.text));
    }
  }
}

TEST_CASE("a 50 MB file of any kind is refused before it is read", "[load][robust]") {
  for (const auto& kind : kKinds) {
    INFO(kind.name);
    const Sandbox sandbox(kind);
    std::ofstream(sandbox.file(), std::ios::binary | std::ios::trunc) << seed(kind);
    fs::resize_file(sandbox.file(), 50u * 1024u * 1024u);  // sparse: nothing written to the disk
    const auto ds = sandbox.load();
    const auto errors = errors_in(ds, kind.place);
    INFO(format_all(ds));
    REQUIRE(errors.size() == 1);
    CHECK(model::format_diagnostic(errors[0]) ==
          kind.place +
              ": error: file is 52428800 bytes; definition files may be at most 4194304 bytes "
              "[E-FILE-TOO-LARGE]");
  }
}

TEST_CASE("every key given a value of the wrong type is an error with a position",
          "[load][robust]") {
  for (const auto& kind : kKinds) {
    const Sandbox sandbox(kind);
    const auto mutations = wrong_types(seed(kind));
    CHECK(mutations.size() > 10);
    for (const auto& mutation : mutations) {
      INFO(kind.name << ": " << mutation.label);
      require_positioned_error(kind, mutation.text, sandbox.load_with(mutation.text));
    }
  }
}

TEST_CASE("every key given twice is an error with a position", "[load][robust]") {
  for (const auto& kind : kKinds) {
    const Sandbox sandbox(kind);
    const auto mutations = duplicate_keys(seed(kind));
    CHECK(mutations.size() > 10);
    for (const auto& mutation : mutations) {
      INFO(kind.name << ": " << mutation.label);
      require_positioned_error(kind, mutation.text, sandbox.load_with(mutation.text));
    }
  }
}

TEST_CASE("random YAML punctuation never crashes and every position is in the file",
          "[load][robust]") {
  static constexpr char kAlphabet[] = ":-[]{}&*!|>'\"%@`#?,~ \n\n\n  abc12";
  std::mt19937 random(8);
  for (const auto& kind : kKinds) {
    const Sandbox sandbox(kind);
    for (int n = 0; n < 40; ++n) {
      std::string text;
      const auto length = 1 + random() % 400;
      for (std::size_t i = 0; i < length; ++i)
        text += kAlphabet[random() % (sizeof(kAlphabet) - 1)];
      INFO(kind.name << " #" << n << ":\n" << text);
      const auto ds = sandbox.load_with(text);
      const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
      for (const auto& d : ds) {
        if (d.location.file != kind.place) continue;
        INFO(model::format_diagnostic(d));
        CHECK(d.location.line <= lines);
      }
    }
  }
}

TEST_CASE("what the loaders say about the bad-input corpus is words to translate",
          "[load][robust][lang]") {
  std::size_t said = 0;
  for (const auto& kind : kKinds) {
    const Sandbox sandbox(kind);
    const std::string text = seed(kind);
    std::vector<Mutation> cases = wrong_types(text);
    for (auto& mutation : duplicate_keys(text)) cases.push_back(std::move(mutation));
    for (const auto& entry : fs::directory_iterator(kData / "bad-input" / kind.name)) {
      cases.push_back({entry.path().filename().string(), slurp(entry.path())});
    }
    cases.push_back({"empty", ""});
    cases.push_back({"a NUL byte", text.substr(0, 20) + std::string(1, '\0') + text.substr(20)});
    cases.push_back({"UTF-16", "\xFF\xFE" + text});
    cases.push_back({"Latin-1", text + "# \xE9\n"});
    cases.push_back({"a syntax error", text + "\"unterminated\n"});
    for (const auto& c : cases) {
      INFO(kind.name << ": " << c.label);
      said += test::require_words(loaded_alone(sandbox, kind, c.text));
    }
  }
  CHECK(said > 300);
}
