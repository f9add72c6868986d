// Every word the web application writes from C++ (the rest are in the templates, inside
// {{#t}}…{{/t}}): statuses, days left or late in the deadline's own unit, and the sign-in
// messages. English message ids through the catalog (cli/render/translate.hpp), in the language
// of the request: Indonesian by default, English on request.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "engine/time/date.hpp"

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
/// The document upload sent as anything but multipart/form-data with a boundary.
std::string upload_not_multipart();
/// The document upload's multipart body cannot be read.
std::string upload_malformed();
/// The document upload without its file part.
std::string upload_without_file();
/// The document upload over the size limit (`limit` as the page writes sizes).
std::string upload_too_large(const std::string& limit);
/// Any other request whose body is over the server's limit.
std::string request_too_large();
/// The password was right, but an administrator deactivated the account.
std::string sign_in_deactivated();
/// A page for administrators only, asked for by `role`.
std::string administrators_only(const std::string& role);
/// A correction form's refusal, before the engine's own words.
std::string refused_prefix();

/// The printed page's "Keadaan per …" line: the date and the time now when `as_of` is today,
/// otherwise the end of the as-of day.
std::string as_of_moment(const std::string& as_of, time::Date today, time::Instant now,
                         time::UtcOffset offset);

/// A board filter's name as a printed page names it: "instansi" for agency, "cari" for q, …
std::string board_filter(const std::string& query_name);

/// A sign-off rule: "semua", "salah satu", "2 dari 4".
std::string quorum(const std::string& kind, int count, std::size_t signers);

/// The heading of the dossier page after a form was refused because someone else acted first.
std::string stale_form();

/// A form that does not say which state of the dossier it was filled in on.
std::string form_without_version();

/// A date field that is not a date.
std::string not_a_date(const std::string& text);

/// A target amount of days that is not a whole number from 1.
std::string not_a_day_count(const std::string& text);

}  // namespace regflow::web::words
