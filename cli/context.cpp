#include "cli/context.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "engine/app/cache_key.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::cli {
namespace {

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
  auto parsed = time::parse_instant(text, offset);
  if (!parsed) {
    throw InputError(
        fmt::format("--now '{}' is not a date or time; expected YYYY-MM-DD or "
                    "YYYY-MM-DDTHH:MM (local time), optionally with Z or +HH:MM",
                    text));
  }
  return parsed;
}

void Context::check_now_syntax() const {
  given_now(time::UtcOffset{});
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
      if (errors++ == 0) first = model::format_diagnostic(d);
    }
    throw InputError(
        fmt::format("the definitions in '{}' have {} error(s); run 'regflow check' "
                    "for all of them. First:\n{}",
                    config_dir(), errors, first));
  }
  return config;
}

std::string Context::db_path() {
  if (!options.db.empty()) return options.db;
  if (auto from_env = env("REGFLOW_DB"); !from_env.empty()) return from_env;
  throw InputError("no database given; pass --db PATH or set REGFLOW_DB");
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

std::optional<runtime::Actor> Context::actor_if_given() {
  if (options.as.empty() && env("REGFLOW_USER").empty()) return std::nullopt;
  return actor();
}

runtime::Actor Context::actor() {
  std::string name = options.as.empty() ? env("REGFLOW_USER") : options.as;
  if (name.empty()) {
    throw InputError("no user given; pass --as USER or set REGFLOW_USER (see 'regflow user list')");
  }
  if (auto found = (installation_ ? *installation_ : installation()).actor(name)) return *found;
  std::vector<std::string> names;
  for (const auto& u : store().users()) names.push_back(u.name);
  throw InputError(fmt::format(
      "unknown user '{}'{}; registered users: {}", name, model::did_you_mean(name, names),
      names.empty() ? "none (add one with 'regflow user add')" : model::quoted_list(names)));
}

}  // namespace regflow::cli
