// load_config_for_definition, what show, history, advance and extend load: the dossier's own
// workflow file and every file whose exact text the database has not stored are parsed and
// checked as load_config does; a file whose text is stored is known by its hash and stored name
// alone. The same behaviour through the executable: tests/cli/show-stored-definitions.test.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "engine/load/config_set.hpp"
#include "engine/model/digest.hpp"
#include "engine/time/date.hpp"
#include "tests/engine/store/temp_dir.hpp"
#include "tests/support/files.hpp"

namespace fs = std::filesystem;
using regflow::test::slurp;
using namespace regflow;

namespace {

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

bool has_code(const model::Diagnostics& ds, const std::string& code) {
  for (const auto& d : ds) {
    if (d.code == code) return true;
  }
  return false;
}

/// The fixture configuration with a second workflow, `lain`, a copy of `mini` whose last step
/// before the end is owned by an agency only it names; `stored` plays the database's
/// definitions table (content hash → workflow name).
class Folder {
 public:
  Folder() {
    fs::copy(fs::path(REGFLOW_TEST_DATA_DIR) / "valid" / "config", dir_.path(),
             fs::copy_options::recursive);
    mini_text = slurp(mini());
    lain_text = replaced(replaced(mini_text, "workflow: mini", "workflow: lain"), "owner: sekda",
                         "owner: inspektorat");
    write(lain(), lain_text);
    std::ofstream(agencies(), std::ios::app)
        << "  inspektorat: {name: Inspektorat, parent: gubernur}\n";
  }

  fs::path mini() const { return dir_.path() / "workflows" / "mini.yaml"; }
  fs::path lain() const { return dir_.path() / "workflows" / "lain.yaml"; }
  fs::path agencies() const { return dir_.path() / "workflows" / "agencies.yaml"; }

  void store(const std::string& text, const std::string& name) {
    stored[model::sha256_hex(text)] = name;
  }

  load::ConfigSet load_for(const std::string& definition_hash) const {
    return load::load_config_for_definition(
        dir_.path(), today, definition_hash,
        [this](const std::string& hash) -> std::optional<std::string> {
          if (auto it = stored.find(hash); it != stored.end()) return it->second;
          return std::nullopt;
        });
  }

  load::ConfigSet load_all() const { return load::load_config(dir_.path(), today); }

  std::string mini_text;
  std::string lain_text;
  std::map<std::string, std::string> stored;
  time::Date today = *time::parse_date("2026-03-02");

 private:
  test::TempDir dir_;
};

}  // namespace

TEST_CASE("only the dossier's own file and unknown files are parsed") {
  Folder folder;
  const auto mini_hash = model::sha256_hex(folder.mini_text);
  const auto lain_hash = model::sha256_hex(folder.lain_text);

  SECTION("a file whose text is not stored is parsed and checked like load_config does") {
    const auto config = folder.load_for(mini_hash);
    CHECK(config.workflows.size() == 2);
    CHECK(config.unparsed_workflows.empty());
    CHECK(config.diagnostics.size() == folder.load_all().diagnostics.size());
  }

  folder.store(folder.mini_text, "mini");
  folder.store(folder.lain_text, "lain");

  SECTION("a stored text is not parsed; its name and hash say what is current") {
    const auto config = folder.load_for(mini_hash);
    REQUIRE(config.workflows.size() == 1);
    CHECK(config.workflows[0].name == "mini");
    REQUIRE(config.unparsed_workflows.size() == 1);
    CHECK(config.unparsed_workflows[0] == std::pair<std::string, std::string>{"lain", lain_hash});
    CHECK(config.find("lain") == nullptr);
    CHECK(config.current_hash("lain") == lain_hash);
    CHECK(config.current_hash("mini") == mini_hash);
    CHECK_FALSE(config.current_hash("pergub").has_value());
  }

  SECTION("a dossier on an older definition: no file is parsed, the edited one is newer") {
    write(folder.mini(), folder.mini_text + "# edited\n");
    folder.store(folder.mini_text + "# edited\n", "mini");
    const auto config = folder.load_for(model::sha256_hex("an older text"));
    CHECK(config.workflows.empty());
    CHECK(config.unparsed_workflows.size() == 2);
    CHECK(config.current_hash("mini") == model::sha256_hex(folder.mini_text + "# edited\n"));
  }

  SECTION("an edited file is parsed again: a newer definition, and its errors are reported") {
    write(folder.mini(), folder.mini_text + "# edited\n");
    auto config = folder.load_for(mini_hash);
    REQUIRE(config.find("mini") != nullptr);
    CHECK(config.current_hash("mini") != mini_hash);
    CHECK_FALSE(model::has_errors(config.diagnostics));

    write(folder.mini(), folder.mini_text + "steps: [\n");
    config = folder.load_for(lain_hash);
    CHECK(has_code(config.diagnostics, "E-YAML-SYNTAX"));
  }

  SECTION("a stored file that no longer checks against the agencies blocks only its own dossiers") {
    write(folder.agencies(),
          replaced(slurp(folder.agencies()),
                   "  inspektorat: {name: Inspektorat, parent: gubernur}\n", ""));
    CHECK(has_code(folder.load_all().diagnostics, "E-UNKNOWN-AGENCY"));
    CHECK_FALSE(model::has_errors(folder.load_for(mini_hash).diagnostics));
    CHECK(has_code(folder.load_for(lain_hash).diagnostics, "E-UNKNOWN-AGENCY"));
  }

  SECTION("two files defining one workflow are an error, as in load_config") {
    write(folder.lain(), folder.mini_text);
    const auto config = folder.load_for(lain_hash);
    CHECK(has_code(config.diagnostics, "E-DUPLICATE-WORKFLOW"));
    CHECK(has_code(folder.load_all().diagnostics, "E-DUPLICATE-WORKFLOW"));
  }
}
