// The web application of `regflow serve`: one request in, one response out, on the same engine
// calls the command line makes. It parses the target, finds the route, checks access (session
// cookie, API token, feed token), CSRF and Origin for what changes state, runs the handler, and
// puts the security headers on every response. Thread-safe: what requests share is read-only,
// and each request opens the database for itself and holds no transaction past its own writes.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "engine/auth/policy.hpp"
#include "engine/load/config_set.hpp"
#include "engine/store/store.hpp"
#include "engine/time/date.hpp"
#include "web/computed_cache.hpp"
#include "web/graph_svg.hpp"
#include "web/http_message.hpp"
#include "web/templates.hpp"

namespace spdlog {
class logger;
}

namespace regflow::web {

struct SiteSettings {
  std::string db_path;
  std::filesystem::path web_dir;             ///< holds templates/ and static/
  std::optional<time::Instant> fixed_now;    ///< --now: the whole server runs at that instant
  bool tls = false;                          ///< cookies are Secure
  auth::SessionPolicy sessions;
  /// Where refusals are explained (why a form was refused); none: not logged.
  std::shared_ptr<spdlog::logger> log;
};

class WebApp {
 public:
  /// Reads the templates and the stylesheet; throws LoadError when they are missing.
  WebApp(SiteSettings settings, const load::ConfigSet& config);

  Response handle(const Request& request);

  const SiteSettings& settings() const { return settings_; }
  const load::ConfigSet& config() const { return config_; }
  const Templates& templates() const { return templates_; }
  GraphCache& graphs() { return graphs_; }
  const std::string& stylesheet() const { return stylesheet_; }
  /// The one script: the "Cetak" buttons call window.print (the pages need no script).
  const std::string& print_script() const { return print_script_; }
  /// A dummy Argon2id hash, verified when a sign-in names an unknown user, so that the answer
  /// takes as long as for a known one.
  const std::string& decoy_hash();
  time::Instant now() const;
  /// What `compute` returns for `key`, kept until anything commits to the database (checked on
  /// every call with one `PRAGMA data_version` on a connection of its own, which holds no
  /// transaction). The board scans every open dossier; most of its readers ask for the same one.
  /// The computation runs outside any lock (web/computed_cache.hpp).
  nlohmann::json cached(const std::string& key, const std::function<nlohmann::json()>& compute);

 private:
  SiteSettings settings_;
  const load::ConfigSet& config_;
  Templates templates_;
  std::string stylesheet_;
  std::string print_script_;
  GraphCache graphs_;
  std::once_flag decoy_once_;
  std::string decoy_hash_;
  std::mutex watcher_mutex_;
  std::unique_ptr<store::Store> watcher_;  ///< asks data_version only, under watcher_mutex_
  // Few keys are asked for (the board and a handful of filters).
  ComputedCache cache_{64};
};

/// The folder holding templates/ and static/: REGFLOW_WEB, else the source tree's web/ when
/// regflow runs from its build tree, else the installed share/regflow/web.
std::filesystem::path default_web_dir(const std::string& source_dir,
                                      const std::string& installed_dir);

/// The security headers every response carries (CSP, nosniff, Referrer-Policy, framing).
void add_security_headers(Response& response);

}  // namespace regflow::web
