#include "cli/language.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>

#include "cli/render/translate.hpp"
#include "engine/load/settings_language.hpp"
#include "engine/model/error.hpp"

namespace regflow::cli {

namespace {

std::string& given_language() {
  static std::string lang;
  return lang;
}

// The value of `--name X` or `--name=X` in argv, before CLI11 has read it.
std::string argument_value(int argc, char** argv, const std::string& name) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") break;
    if (arg == name && i + 1 < argc) return argv[i + 1];
    if (arg.rfind(name + "=", 0) == 0) return arg.substr(name.size() + 1);
  }
  return {};
}

}  // namespace

void choose_language_early(int argc, char** argv) {
  std::optional<render::Language> language =
      render::parse_language(argument_value(argc, argv, "--lang"));
  if (!language) {
    const char* from_env = std::getenv("REGFLOW_LANG");
    if (from_env != nullptr) language = render::parse_language(from_env);
  }
  if (!language) {
    Context probe;
    probe.options.config = argument_value(argc, argv, "--config");
    language = render::parse_language(load::settings_language(probe.config_dir()).value_or("en"));
  }
  render::set_default_language(language.value_or(render::Language::English));
}

void add_language_option(CLI::App& app) {
  app.add_option(
      "--lang", given_language(),
      render::tr("Language of the words: id (Bahasa Indonesia) or en (or REGFLOW_LANG; default: "
                 "settings.yaml's language)"));
}

void apply_language(Context& ctx) {
  const char* from_env = std::getenv("REGFLOW_LANG");
  const bool given = !given_language().empty();
  const std::string code = given ? given_language() : (from_env != nullptr ? from_env : "");
  auto language = render::Language::English;
  if (!code.empty()) {
    const auto parsed = render::parse_language(code);
    if (!parsed) {
      throw InputError(render::trf("{} '{}' is not a language regflow speaks; accepted: {}",
                                   given ? "--lang" : "REGFLOW_LANG", code,
                                   render::accepted_language_codes()));
    }
    language = *parsed;
  } else {
    const auto configured = load::settings_language(ctx.config_dir());
    language =
        render::parse_language(configured.value_or("en")).value_or(render::Language::English);
  }
  render::set_default_language(language);
  if (language == render::Language::Indonesian && !render::indonesian_catalog_loaded()) {
    std::cerr << "regflow: warning: the Indonesian catalog (id/LC_MESSAGES/regflow.mo) is not "
                 "installed beside this program; the words are shown in English\n";
  }
}

}  // namespace regflow::cli
