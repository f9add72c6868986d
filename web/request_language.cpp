#include "web/request_language.hpp"

namespace regflow::web {

using cli::render::Language;

LanguageChoice request_language(const Request& request, Language installation) {
  std::string problem;
  if (const auto target = parse_target(request.target, problem)) {
    if (auto it = target->query.find("lang"); it != target->query.end()) {
      if (const auto chosen = cli::render::parse_language(it->second)) return {*chosen, true};
    }
  }
  const auto cookies = parse_cookies(request.header("cookie"));
  if (auto it = cookies.find(kLanguageCookie); it != cookies.end()) {
    if (const auto kept = cli::render::parse_language(it->second)) return {*kept, false};
  }
  if (const auto browser =
          cli::render::language_from_accept_language(request.header("accept-language"))) {
    return {*browser, false};
  }
  return {installation, false};
}

std::string language_cookie(Language language, bool tls) {
  return std::string(kLanguageCookie) + "=" + cli::render::language_code(language) +
         "; Path=/; Max-Age=31536000; SameSite=Lax" + (tls ? "; Secure" : "");
}

}  // namespace regflow::web
