#include "cli/context.hpp"

#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/render/diagnostic.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/suggestion.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/cache_key.hpp"
#include "engine/app/user_administration.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"
#include "engine/time/date_input.hpp"

namespace regflow::cli {
namespace {

constexpr std::string_view kSandboxKey = "sandbox";

// The account running this process, as the system names it: on a shared server, the one fact
// about the person at the keyboard that does not come from what they typed.
std::string operating_system_login() {
  const struct passwd* entry = ::getpwuid(::geteuid());
  return entry != nullptr && entry->pw_name != nullptr ? std::string(entry->pw_name)
                                                       : std::to_string(::geteuid());
}

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string{} : std::string{value};
}

}  // namespace

std::string Context::config_dir() {
  if (!options.config.empty()) return options.config;
  if (auto from_env = env("REGFLOW_CONFIG"); !from_env.empty()) return from_env;
  // Run from the build tree, the shipped definitions are in the source tree; installed, they
  // are under share/regflow.
  if (std::filesystem::is_directory(std::filesystem::path(REGFLOW_SOURCE_CONFIG_DIR) /
                                    "workflows")) {
    return REGFLOW_SOURCE_CONFIG_DIR;
  }
  return REGFLOW_INSTALLED_CONFIG_DIR;
}

std::optional<time::Instant> Context::given_now(time::UtcOffset offset) const {
  const std::string text = options.now.empty() ? env("REGFLOW_NOW") : options.now;
  if (text.empty()) return std::nullopt;
  // "15/02/2021" and "15/02/2021 09:00", as Indonesians write dates, as well as ISO.
  auto parsed = time::parse_instant(time::iso_date_input(text), offset);
  if (!parsed) {
    throw InputError(render::trf(
        "--now '{}' is not a date or time; expected YYYY-MM-DD or "
        "YYYY-MM-DDTHH:MM (local time; or DD/MM/YYYY [HH:MM]), optionally with Z or +HH:MM",
        text));
  }
  if (!time::is_accepted(*parsed)) {
    throw InputError(render::trf("--now '{}' is outside the dates regflow accepts ({})", text,
                                 render::words(time::accepted_range())));
  }
  return parsed;
}

void Context::check_now_syntax() const {
  given_now(time::UtcOffset{});
}

void Context::refuse(const std::string& why) {
  std::cerr << "regflow: " << render::trf("refused: {}", why) << "\n";
  exit_code = ExitCode::Refused;
}

void Context::refuse(const runtime::Refusal& refusal) {
  refuse(render::refusal_text(refusal));
}

time::Instant Context::now() {
  if (now_) return *now_;
  // The offset is a setting of the installation; a bare --now is local time there.
  now_ = given_now(loaded_offset())
             .value_or(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  return *now_;
}

time::UtcOffset Context::loaded_offset() const {
  for (const auto* loaded : {config_.get(), dossier_config_.get(), base_config_.get()}) {
    if (loaded != nullptr) return loaded->settings.offset;
  }
  return {};
}

time::Date Context::today() {
  return time::local_date(now(), loaded_offset());
}

const load::ConfigSet& Context::config_for_check(const std::vector<std::string>& paths) {
  std::vector<std::filesystem::path> only(paths.begin(), paths.end());
  config_ = std::make_unique<load::ConfigSet>(load::load_config(config_dir(), today(), only));
  return *config_;
}

const load::ConfigSet& Context::config() {
  if (!config_) {
    config_ = std::make_unique<load::ConfigSet>(load::load_config(config_dir(), today()));
  }
  return checked(*config_);
}

const load::ConfigSet& Context::config_without_workflows() {
  if (config_) return checked(*config_);
  if (!base_config_) {
    base_config_ = std::make_unique<load::ConfigSet>(
        load::load_config_without_workflows(config_dir(), today()));
  }
  return checked(*base_config_);
}

const load::ConfigSet& Context::checked(const load::ConfigSet& config) {
  if (model::has_errors(config.diagnostics)) {
    std::string first;
    std::size_t errors = 0;
    for (const auto& d : config.diagnostics) {
      if (d.severity != model::Severity::Error) continue;
      if (errors++ == 0) first = render::diagnostic_text(d);
    }
    throw InputError(
        render::trf("the definitions in '{}' have {} error(s); run 'regflow check' "
                    "for all of them. First:\n{}",
                    config_dir(), errors, first));
  }
  return config;
}

std::string Context::db_path() {
  if (!options.db.empty()) return options.db;
  if (auto from_env = env("REGFLOW_DB"); !from_env.empty()) return from_env;
  throw InputError(render::tr("no database given; pass --db PATH or set REGFLOW_DB"));
}

store::Store& Context::store() {
  if (!store_) store_ = std::make_unique<store::Store>(store::Store::open(db_path()));
  return *store_;
}

store::Store& Context::init_store() {
  if (!store_) store_ = std::make_unique<store::Store>(store::Store::init(db_path()));
  return *store_;
}

app::Installation& Context::installation() {
  if (!installation_) {
    const auto& cfg = config();
    installation_ = std::make_unique<app::Installation>(cfg, store());
  }
  return *installation_;
}

app::Installation& Context::installation_for(const std::string& dossier_id) {
  if (installation_) return *installation_;
  if (config_) return installation();
  auto& db = store();
  const auto row = db.dossier(dossier_id);
  const auto stored_name = [&db](const std::string& hash) -> std::optional<std::string> {
    if (auto stored = db.definition(hash)) return stored->name;
    return std::nullopt;
  };
  // Beside the database: definitions parsed for it are the ones it will be asked about again.
  // Its entries are authenticated with a key kept in the database: the folder is not trusted.
  // Without a key (a database older than the key) it is off; finish() makes the key.
  const std::string cache_key = app::definition_cache_key(db, false);
  cache_key_missing_ = cache_key.empty();
  definition_cache_ = std::make_unique<load::DefinitionCache>(db_path() + ".cache", cache_key);
  dossier_config_ = std::make_unique<load::ConfigSet>(load::load_config_for_definition(
      config_dir(), today(), row ? row->definition_hash : std::string{}, stored_name,
      definition_cache_.get()));
  installation_ = std::make_unique<app::Installation>(checked(*dossier_config_), db);
  return *installation_;
}

void Context::finish() {
  if (!definition_cache_) return;
  definition_cache_->save();
  // Made only after a command that succeeded: a refused one must leave the database as it was.
  if (cache_key_missing_ && exit_code == ExitCode::Ok) app::definition_cache_key(store(), true);
}

bool Context::sandbox() {
  return store().setting(std::string(kSandboxKey)) == "1";
}

void Context::mark_sandbox() {
  store().set_setting(std::string(kSandboxKey), "1");
}

bool Context::administrators_designated() {
  return app::administrators_designated(config_without_workflows(), store());
}

std::optional<store::UserRecord> Context::login_user() {
  const std::string login = operating_system_login();
  if (login.empty()) return std::nullopt;
  return store().find_user_by_login(login);
}

std::optional<time::Instant> Context::stated_clock_entry(
    const std::optional<store::UserRecord>& by) {
  // Until an administrator is designated the database is being set up, and its owner's word
  // is all there is; from then on, a stated time is an administrator's act, and recorded.
  if (!given_now(loaded_offset()) || sandbox() || !administrators_designated()) {
    return std::nullopt;
  }
  {
    const auto& roles = config_without_workflows().settings.roles;
    if (!by || !roles.allows(by->role, model::Permission::Administer)) {
      throw InputError(render::trf(
          "refused: --now (or REGFLOW_NOW) on a command that writes is for administrators: an "
          "event records when it happened, and only an administrator may enter one late; your "
          "login '{}' {}; leave out --now, or ask an administrator (a sandbox database, "
          "'regflow init --sandbox', allows it for what-if trials)",
          operating_system_login(),
          by ? render::trf("acts as '{}' (role '{}')", by->name, by->role)
             : std::string("is not tied to a regflow user")));
    }
  }
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

void Context::check_clock_for_writing() {
  const auto mapped = login_user();
  if (!stated_clock_entry(mapped)) return;
  const auto wall = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (now() > wall) {
    throw InputError(render::trf(
        "refused: --now {} is in the future (it is {} now); timers fire when their day has "
        "come, and only a sandbox database ('regflow init --sandbox') may try the future",
        time::format_instant(now()), time::format_instant(wall)));
  }
}

std::optional<runtime::Actor> Context::actor_if_given() {
  if (options.as.empty() && env("REGFLOW_USER").empty() && !login_user()) return std::nullopt;
  return actor();
}

runtime::Actor Context::actor() {
  const std::string claimed = options.as.empty() ? env("REGFLOW_USER") : options.as;
  const auto mapped = login_user();
  const std::string name = claimed.empty() && mapped ? mapped->name : claimed;
  if (name.empty()) {
    throw InputError(render::trf(
        "no user given; pass --as USER or set REGFLOW_USER (see 'regflow user list'), or tie "
        "your login to a user (regflow user add NAME --agency A --login LOGIN)"));
  }
  auto found = (installation_ ? *installation_ : installation()).actor(name);
  if (!found) {
    std::vector<std::string> names;
    for (const auto& u : store().users()) names.push_back(u.name);
    throw InputError(render::trf(
        "unknown user '{}'{}; registered users: {}", name, render::did_you_mean(name, names),
        names.empty() ? render::tr("none (add one with 'regflow user add')")
                      : model::quoted_list(names)));
  }
  if (const auto refusal = app::deactivated_refusal(config_without_workflows(), store(), name)) {
    throw InputError(*refusal);
  }
  const bool acting_for_another = !mapped || mapped->name != name;
  if (acting_for_another && !sandbox() && administrators_designated()) {
    const auto& roles = config_without_workflows().settings.roles;
    if (!mapped || !roles.allows(mapped->role, model::Permission::Administer)) {
      throw InputError(render::trf(
          "refused: acting as '{}' (--as or REGFLOW_USER) is for administrators; your login "
          "'{}' {}; leave out --as to act as yourself, or ask an administrator to tie your "
          "login to your user (regflow user add NAME --agency A --login {})",
          name, operating_system_login(),
          mapped ? render::trf("acts as '{}', whose role '{}' may not administer", mapped->name,
                               mapped->role)
                 : std::string("is not tied to a regflow user"),
          operating_system_login()));
    }
    found->administrator = mapped->name;
  }
  // The person answerable for a stated --now is the one at the keyboard.
  found->entered_at = stated_clock_entry(mapped);
  return *found;
}

}  // namespace regflow::cli
