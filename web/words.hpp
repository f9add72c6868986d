// Every Indonesian word the web application writes from C++ (the rest are in the templates):
// statuses, days left or late in the deadline's own unit, and the sign-in messages. One place,
// so that the translation catalog (Boost.Locale, another issue) can take them over.
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
/// The password was right, but an administrator deactivated the account.
std::string sign_in_deactivated();
/// A page for administrators only, asked for by `role`.
std::string administrators_only(const std::string& role);
/// A correction form's refusal, before the engine's own words.
std::string refused_prefix();

}  // namespace regflow::web::words
