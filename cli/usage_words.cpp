#include "cli/usage_words.hpp"

#include <regex>
#include <vector>

#include "cli/render/translate.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::cli {
namespace {

using render::tr;
using render::trf;

class TranslatedFormatter : public CLI::Formatter {
 public:
  TranslatedFormatter() {
    label("Usage", tr("Usage"));
    label("OPTIONS", tr("OPTIONS"));
    label("SUBCOMMAND", tr("SUBCOMMAND"));
    label("SUBCOMMANDS", tr("SUBCOMMANDS"));
    label("REQUIRED", tr("REQUIRED"));
    label("Positionals", tr("Positionals"));
    label("Needs", tr("Needs"));
    label("Excludes", tr("Excludes"));
    label("TEXT", tr("TEXT"));
    label("INT", tr("INT"));
    label("UINT", tr("UINT"));
    label("FLOAT", tr("FLOAT"));
  }

  // CLI11 files every option without a group under "Options", a name fixed in its Option.
  std::string make_group(std::string group, bool is_positional,
                         std::vector<const CLI::Option*> opts) const override {
    if (group == "Options") group = tr("Options");
    return CLI::Formatter::make_group(std::move(group), is_positional, std::move(opts));
  }

  // And every subcommand without a group under "Subcommands", printed as it is.
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
    std::string out = CLI::Formatter::make_subcommands(app, mode);
    const std::string heading = "\nSubcommands:\n";
    if (const auto at = out.find(heading); at != std::string::npos) {
      out.replace(at, heading.size(), "\n" + tr("Subcommands") + ":\n");
    }
    return out;
  }

  // A type with a validator's description ("TEXT:{dot,svg}") is not a label CLI11 looks up.
  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string out = CLI::Formatter::make_option_opts(opt);
    const std::string text = " TEXT:";
    if (out.rfind(text, 0) == 0) out.replace(0, text.size(), " " + tr("TEXT") + ":");
    return out;
  }
};

// The names a subcommand is chosen from where one is missing: under the deepest subcommand
// given ("regflow user" lacks add, list...), the top-level commands when none was given.
std::vector<std::string> subcommand_names(const CLI::App* app) {
  while (!app->get_subcommands().empty()) app = app->get_subcommands().front();
  std::vector<std::string> names;
  for (const auto* sub : app->get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

// CLI11's messages, recognised by their fixed words, told again through the catalog; one it
// does not know is shown as CLI11 wrote it.
std::string translated(const CLI::App* app, const std::string& what) {
  std::smatch m;
  if (what == "A subcommand is required") {
    return trf("A subcommand is required; accepted: {}", model::quoted_list(subcommand_names(app)));
  }
  static const std::regex required("^(.+) is required$");
  if (std::regex_match(what, m, required)) return trf("{} is required", m.str(1));
  static const std::regex extra(
      "^(?:(.+): )?The following arguments? (?:was|were) not "
      "expected: (.+)$");
  if (std::regex_match(what, m, extra)) {
    return m[1].matched ? trf("{}: not expected: {}", m.str(1), m.str(2))
                        : trf("The following argument was not expected: {}", m.str(2));
  }
  static const std::regex member("^(.+): (.*) not in (\\{.*\\})$");
  if (std::regex_match(what, m, member)) {
    return trf("{}: {} not in {}", m.str(1), m.str(2), m.str(3));
  }
  static const std::regex conversion("^The value (.*) is not an allowed value for (.+)$");
  if (std::regex_match(what, m, conversion)) {
    return trf("The value {} is not an allowed value for {}", m.str(1), m.str(2));
  }
  static const std::regex unconvertible("^Could not convert: (.+) = (.*)$");
  if (std::regex_match(what, m, unconvertible)) {
    return trf("Could not convert: {} = {}", m.str(1), m.str(2));
  }
  static const std::regex exactly("^Expected exactly (\\d+) arguments to (.+), got (\\d+)$");
  if (std::regex_match(what, m, exactly)) {
    return trf("Expected exactly {} arguments to {}, got {}", m.str(1), m.str(2), m.str(3));
  }
  static const std::regex missing("^(.+): (\\d+) required (.+) missing$");
  if (std::regex_match(what, m, missing)) {
    return trf("{}: {} required {} missing", m.str(1), m.str(2), m.str(3));
  }
  static const std::regex excludes("^(.+) excludes (.+)$");
  if (std::regex_match(what, m, excludes)) return trf("{} excludes {}", m.str(1), m.str(2));
  static const std::regex requires_("^(.+) requires (.+)$");
  if (std::regex_match(what, m, requires_)) return trf("{} requires {}", m.str(1), m.str(2));
  return what;
}

}  // namespace

std::shared_ptr<CLI::Formatter> translated_formatter() {
  return std::make_shared<TranslatedFormatter>();
}

void translate_builtin_flags(CLI::App& app, const std::string& version) {
  app.set_help_flag("-h,--help", tr("Print this help message and exit"));
  app.set_version_flag("--version", version, tr("Display program version information and exit"));
}

std::string usage_error_message(const CLI::App* app, const CLI::Error& error) {
  return translated(app, error.what()) + "\n" + tr("Run with --help for more information.") + "\n";
}

}  // namespace regflow::cli
