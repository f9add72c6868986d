// The language of one request before anyone is known to be signed in: the person's own choice
// (a link `?lang=en|id`, kept in the `regflow_lang` cookie), else the browser's
// Accept-Language, else the installation's (settings.yaml `language`, or `serve --lang`). The
// cookie needs no account, so the sign-in page speaks the person's language too; once a user
// is signed in, the choice they keep with their account (web_app.cpp, follow_user_language)
// comes first, so that it follows them to every device.
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
