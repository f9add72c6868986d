#include "web/words.hpp"

#include <algorithm>
#include <map>

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

std::string form_refused() {
  return tr(
      "This form has expired or did not come from this page. Reload the page and send it "
      "again.");
}

}  // namespace regflow::web::words
