// The language of one request: the person's own choice (a link `?lang=en|id`, kept in the
// `regflow_lang` cookie), else the browser's Accept-Language, else the installation's
// (settings.yaml `language`, or `serve --lang`). A cookie rather than a stored preference: a
// phone or a browser is one person's, and it needs no account, so the sign-in page speaks the
// person's language too.
#pragma once

#include <string>

#include "cli/render/translate.hpp"
#include "web/http_message.hpp"

namespace regflow::web {

inline constexpr const char* kLanguageCookie = "regflow_lang";

struct LanguageChoice {
  cli::render::Language language = cli::render::Language::Indonesian;
  /// True when this request chose it (`?lang=`): the response sets the cookie.
  bool chosen_now = false;
};

/// Decides the language of `request`; `installation` when nothing in the request names one
/// regflow speaks.
LanguageChoice request_language(const Request& request, cli::render::Language installation);

/// The Set-Cookie value that keeps `language` for a year (Secure over TLS).
std::string language_cookie(cli::render::Language language, bool tls);

}  // namespace regflow::web
