// The translation facade: every word a person reads goes through tr()/trf()/trn() with an
// English message id; the Indonesian words live only in the gettext catalog po/id.po, compiled
// to <locale folder>/id/LC_MESSAGES/regflow.mo at build time and read through Boost.Locale.
//
// Which language: the process default (the command line sets it once from --lang, REGFLOW_LANG
// or settings.yaml's `language`), overridden on one thread by a LanguageScope (the web server
// opens one per request, from the user's choice or Accept-Language). std::locale::global is
// never touched, so two requests in two languages never disturb each other.
#pragma once

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/message.hpp"

namespace regflow::cli::render {

enum class Language { English, Indonesian };

/// "en" or "id" (also "id-ID", "id_ID.UTF-8", "en-US", in any case); nullopt for anything else.
std::optional<Language> parse_language(std::string_view code);
/// "en" or "id": the code of settings.yaml, --lang and the HTML lang attribute.
std::string language_code(Language language);
/// The codes accepted by --lang, REGFLOW_LANG and settings.yaml, for refusals: "en, id".
std::string accepted_language_codes();
/// The first language of an Accept-Language header that regflow speaks, by quality (q=0 never);
/// nullopt when the header names none of them.
std::optional<Language> language_from_accept_language(std::string_view header);

/// Sets the language of every thread that has no LanguageScope (the command line: once).
void set_default_language(Language language);
/// The language of this thread: its innermost LanguageScope, else the default.
Language current_language();

/// The language of one request on this thread, for as long as the scope lives.
class LanguageScope {
 public:
  explicit LanguageScope(Language language);
  ~LanguageScope();
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;

 private:
  std::optional<Language> previous_;
};

/// Where the catalogs are looked for, first match wins: beside the executable
/// (<exe>/../locale, the build tree; <exe>/../share/locale, an installation), then the install
/// path the build was configured with.
std::vector<std::filesystem::path> catalog_folders();
/// True when the Indonesian catalog was found and loaded (`regflow --lang id` warns otherwise).
bool indonesian_catalog_loaded();

/// The message in the current language; the English id itself when there is no translation.
std::string tr(const char* msgid);
/// Singular or plural by `n` ("{} day" / "{} days"; Indonesian has one form).
std::string trn(const char* singular, const char* plural, long long n);

/// What the engine said (a diagnostic, a refusal, an error), in the current language: its format
/// through the catalog, each value that is itself said translated in turn, names as they are.
std::string words(const model::Message& said);

/// tr() then fmt placeholders: trf("{} open dossier(s), as of {}", n, day).
template <typename... Args>
std::string trf(const char* msgid, Args&&... args) {
  return fmt::format(fmt::runtime(tr(msgid)), std::forward<Args>(args)...);
}
/// trn() then fmt placeholders; `n` is also the first argument of the format.
template <typename... Args>
std::string trnf(const char* singular, const char* plural, long long n, Args&&... args) {
  return fmt::format(fmt::runtime(trn(singular, plural, n)), n, std::forward<Args>(args)...);
}

}  // namespace regflow::cli::render
