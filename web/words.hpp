// Every word the web application writes from C++ (the rest are in the templates, inside
// {{#t}}…{{/t}}): statuses, days left or late in the deadline's own unit, and the sign-in
// messages. English message ids through the catalog (cli/render/translate.hpp), in the language
// of the request: Indonesian by default, English on request.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace regflow::web::words {

/// "terlambat", "segera jatuh tempo", … for a status name of deadline::status_name (or
/// "no deadline").
std::string status(const std::string& status_name);

/// A CSS class for the status: "late", "soon", "ok", "paused", "done", "none".
std::string status_class(const std::string& status_name);

/// Days left or late in words: "terlambat 26 hari", "sisa 10 hari kerja", "jatuh tempo hari
/// ini", "dijeda, sisa 4 hari kerja"; `unit` is "hari" or "hari kerja".
std::string days(const std::string& status_name, std::optional<int> days_left,
                 const std::string& unit);

/// The one message of a failed sign-in: never says whether the name or the password was wrong.
std::string sign_in_failed();
/// Too many failed sign-ins; try again after `wait`.
std::string sign_in_throttled(std::chrono::seconds wait);
/// The form was stale or forged (no or wrong CSRF token, or another site's Origin).
std::string form_refused();

}  // namespace regflow::web::words
