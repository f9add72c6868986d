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

}  // namespace

void add_language_option(CLI::App& app) {
  app.add_option("--lang", given_language(),
                 "Language of the words: id (Bahasa Indonesia) or en (or REGFLOW_LANG; default: "
                 "settings.yaml's language)");
}

void apply_language(Context& ctx) {
  const char* from_env = std::getenv("REGFLOW_LANG");
  const bool given = !given_language().empty();
  const std::string code = given ? given_language() : (from_env != nullptr ? from_env : "");
  auto language = render::Language::English;
  if (!code.empty()) {
    const auto parsed = render::parse_language(code);
    if (!parsed) {
      throw InputError(fmt::format("{} '{}' is not a language regflow speaks; accepted: {}",
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
