#include "cli/render/translate.hpp"

#include <fmt/args.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>
#include <cctype>
#include <locale>
#include <system_error>

namespace regflow::cli::render {
namespace {

constexpr const char* kDomain = "regflow";

std::atomic<Language> default_language{Language::English};
thread_local std::optional<Language> scoped_language;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::filesystem::path executable_folder() {
  std::array<char, 4096> buffer{};
  const auto length = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
  if (length <= 0) return {};
  return std::filesystem::path(std::string(buffer.data(), static_cast<std::size_t>(length)))
      .parent_path();
}

// Only the message facet is built: no ICU backend, no number or date facets, so loading the
// catalog costs one file read, once per process.
struct Catalog {
  std::locale locale;
  bool loaded = false;
};

const Catalog& indonesian() {
  static const Catalog catalog = [] {
    Catalog out;
    boost::locale::gnu_gettext::messages_info info;
    // Moved in whole: assigning the literal into the string's small buffer makes GCC 12's
    // Release build see a read of uninitialised bytes in it (-Wmaybe-uninitialized).
    info.language = std::string("id");
    info.encoding = "UTF-8";
    info.domains.emplace_back(kDomain);
    for (const auto& folder : catalog_folders()) {
      std::error_code ec;
      if (std::filesystem::exists(folder / "id" / "LC_MESSAGES" / "regflow.mo", ec)) {
        info.paths.push_back(folder.string());
        out.loaded = true;
        break;
      }
    }
    out.locale = std::locale(std::locale::classic(),
                             boost::locale::gnu_gettext::create_messages_facet<char>(info));
    return out;
  }();
  return catalog;
}

}  // namespace

std::optional<Language> parse_language(std::string_view code) {
  const std::string text = lower(code);
  const std::string primary = text.substr(0, text.find_first_of("-_."));
  if (primary == "id" || primary == "in") return Language::Indonesian;  // "in": the old code
  if (primary == "en") return Language::English;
  return std::nullopt;
}

std::string language_code(Language language) {
  return language == Language::Indonesian ? "id" : "en";
}

std::string accepted_language_codes() {
  return "en, id";
}

std::optional<Language> language_from_accept_language(std::string_view header) {
  // "id-ID,id;q=0.9,en-US;q=0.8": the best quality wins; among equals, the first named.
  std::optional<Language> best;
  double best_quality = 0.0;
  std::size_t start = 0;
  while (start <= header.size()) {
    const auto end = std::min(header.find(',', start), header.size());
    std::string_view item = header.substr(start, end - start);
    start = end + 1;
    double quality = 1.0;
    if (const auto semicolon = item.find(';'); semicolon != std::string_view::npos) {
      const std::string params = lower(item.substr(semicolon + 1));
      if (const auto q = params.find("q="); q != std::string::npos) {
        try {
          quality = std::stod(params.substr(q + 2));
        } catch (const std::exception&) {
          quality = 0.0;  // a malformed weight counts as "not acceptable"
        }
      }
      item = item.substr(0, semicolon);
    }
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    const auto language = parse_language(item);
    if (language && quality > best_quality) {
      best = language;
      best_quality = quality;
    }
    if (end == header.size()) break;
  }
  return best;
}

void set_default_language(Language language) {
  default_language.store(language);
}

Language current_language() {
  return scoped_language.value_or(default_language.load());
}

LanguageScope::LanguageScope(Language language) : previous_(scoped_language) {
  scoped_language = language;
}

LanguageScope::~LanguageScope() {
  scoped_language = previous_;
}

std::vector<std::filesystem::path> catalog_folders() {
  std::vector<std::filesystem::path> out;
  if (const auto exe = executable_folder(); !exe.empty()) {
    out.push_back(exe.parent_path() / "locale");
    out.push_back(exe.parent_path() / "share" / "locale");
  }
#ifdef REGFLOW_INSTALLED_LOCALE_DIR
  out.emplace_back(REGFLOW_INSTALLED_LOCALE_DIR);
#endif
  return out;
}

bool indonesian_catalog_loaded() {
  return indonesian().loaded;
}

std::string tr(const char* msgid) {
  if (current_language() == Language::English) return msgid;
  return boost::locale::gettext(msgid, indonesian().locale);
}

std::string trn(const char* singular, const char* plural, long long n) {
  if (current_language() == Language::English) return n == 1 ? singular : plural;
  return boost::locale::ngettext(singular, plural, static_cast<int>(n), indonesian().locale);
}

std::string words(const model::Message& said) {
  if (said.verbatim) return said.format;
  fmt::dynamic_format_arg_store<fmt::format_context> values;
  for (const auto& value : said.values) values.push_back(words(value));
  try {
    return fmt::vformat(tr(said.format.c_str()), values);
  } catch (const fmt::format_error&) {
    // A translation whose placeholders do not fit (catalog_complete refuses one): the English.
    return model::english(said);
  }
}

}  // namespace regflow::cli::render
