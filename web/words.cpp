#include "web/words.hpp"

#include <algorithm>
#include <map>

#include "cli/render/dates.hpp"
#include "cli/render/status_words.hpp"
#include "cli/render/translate.hpp"

namespace regflow::web::words {

using cli::render::tr;
using cli::render::trf;

std::string status(const std::string& name) {
  return cli::render::status_words(name);
}

std::string status_class(const std::string& name) {
  static const std::map<std::string, std::string> kClasses{
      {"overdue", "late"},  {"missed", "late"}, {"due soon", "soon"},   {"on track", "ok"},
      {"paused", "paused"}, {"met", "done"},    {"no deadline", "none"}};
  auto it = kClasses.find(name);
  return it == kClasses.end() ? "none" : it->second;
}

std::string days(const std::string& name, std::optional<int> days_left, const std::string& unit) {
  if (!days_left) return "-";
  const int n = *days_left;
  // The unit is the law's ("hari" or "hari kerja"); each language says it in its own words.
  const bool working = unit == "hari kerja";
  if (name == "paused") {
    return working ? trf("paused, {} working days left", n) : trf("paused, {} days left", n);
  }
  if (name == "met") return tr("met");
  if (name == "overdue" || name == "missed" || n < 0) {
    const int late = n < 0 ? -n : n;
    return working ? trf("{} working days late", late) : trf("{} days late", late);
  }
  if (n == 0) return tr("due today");
  return working ? trf("{} working days left", n) : trf("{} days left", n);
}

std::string sign_in_failed() {
  return tr("Wrong user name or password.");
}

std::string sign_in_throttled(std::chrono::seconds wait) {
  const auto seconds = wait.count();
  if (seconds >= 120) {
    return trf("Too many failed sign-ins. Try again in {} minutes.", (seconds + 59) / 60);
  }
  return trf("Too many failed sign-ins. Try again in {} seconds.",
             std::max<long long>(1, static_cast<long long>(seconds)));
}

std::string upload_not_multipart() {
  return tr("A document must be sent with the upload form (multipart/form-data).");
}

std::string upload_malformed() {
  return tr(
      "The upload could not be read (a malformed multipart/form-data body). Choose the "
      "file again and send the form once more.");
}

std::string upload_without_file() {
  return tr("The upload has no file. Choose a file and send the form again.");
}

std::string upload_too_large(const std::string& limit) {
  return trf(
      "The file is larger than the limit of {} per document, so it was not stored. Make "
      "it smaller (e.g. compress the scan) or ask an administrator to raise the limit.",
      limit);
}

std::string request_too_large() {
  return tr("The request is too large for this page.");
}

std::string form_refused() {
  return tr(
      "This form has expired or did not come from this page. Reload the page and send it "
      "again.");
}

std::string sign_in_deactivated() {
  return tr(
      "An administrator has deactivated this account; its history is kept. Ask the regflow "
      "administrator if you need access.");
}

std::string administrators_only(const std::string& role) {
  return trf(
      "This page is for administrators only. Your role ('{}') may not manage users; ask the "
      "regflow administrator.",
      role);
}

std::string refused_prefix() {
  return tr("Refused");
}

std::string as_of_moment(const std::string& as_of, time::Date today, time::Instant now,
                         time::UtcOffset offset) {
  const auto day = time::parse_date(as_of);
  const std::string shown = day ? cli::render::long_date_text(*day) : as_of;
  if (as_of != time::format_date(today)) return trf("As of the end of {}", shown);
  const auto local = now + offset.minutes;
  const std::chrono::hh_mm_ss hms{local - std::chrono::floor<std::chrono::days>(local)};
  return trf("As of {} at {:02}:{:02}", shown, hms.hours().count(), hms.minutes().count());
}

std::string board_filter(const std::string& name) {
  if (name == "agency") return tr("agency");
  if (name == "workflow") return tr("procedure");
  if (name == "status") return tr("status");
  if (name == "q") return tr("search");
  if (name == "asof") return tr("as of");
  return name;
}

std::string quorum(const std::string& kind, int count, std::size_t signers) {
  if (kind == "any") return tr("any one of them");
  if (kind == "at_least") return trf("at least {} of {}", count, signers);
  return trf("all ({})", signers);
}

std::string stale_form() {
  return tr(
      "Your page was out of date: someone else acted first. Nothing was recorded; the dossier "
      "as it is now is below.");
}

std::string form_without_version() {
  return tr(
      "This form does not say which version of the dossier you saw. Open the dossier page again "
      "and send it from there.");
}

std::string not_a_date(const std::string& text) {
  return trf("'{}' is not a date; enter a date as DD/MM/YYYY or YYYY-MM-DD, e.g. 16/03/2026.",
             text);
}

std::string not_a_day_count(const std::string& text) {
  return trf("'{}' is not a number of days; enter a whole number from 1, e.g. 14.", text);
}

}  // namespace regflow::web::words
