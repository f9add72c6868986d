// The resolved global options of one regflow run, and the set-up each command needs, done
// lazily and at most once: the configuration folder, the database, the actor, `now`.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/exit_code.hpp"
#include "engine/app/installation.hpp"
#include "engine/load/config_set.hpp"
#include "engine/load/definition_cache.hpp"
#include "engine/store/store.hpp"
#include "engine/time/date.hpp"

namespace regflow::cli {

struct GlobalOptions {
  std::string db;
  std::string config;
  std::string as;
  std::string now;
  bool json = false;
  int verbosity = 0;
};

class TerminalGuard;

class Context {
 public:
  /// The filter over stdout and stderr; commands that write machine formats switch it off.
  TerminalGuard* terminal = nullptr;
  GlobalOptions options;
  ExitCode exit_code = ExitCode::Ok;

  /// Says "regflow: refused: WHY" on stderr in the reader's language and makes the exit code 1:
  /// the one way a command reports that it changed nothing.
  void refuse(const std::string& why);
  /// The same for a refusal of the engine, in the words of render::refusal_text.
  void refuse(const runtime::Refusal& refusal);

  /// `--now`, REGFLOW_NOW, or the system clock (the only place regflow reads it).
  time::Instant now();
  /// Refuses a malformed --now / REGFLOW_NOW before any command runs.
  void check_now_syntax() const;
  time::Date today();
  /// The configuration, loaded and checked. Throws InputError listing the errors if it has any.
  const load::ConfigSet& config();
  /// The configuration without the workflow definitions (settings, agencies, rules, calendars),
  /// for commands that read only projections; the full one when it is already loaded.
  const load::ConfigSet& config_without_workflows();
  /// The configuration with its diagnostics, for `check` (never throws on invalid definitions).
  const load::ConfigSet& config_for_check(const std::vector<std::string>& paths);
  /// The database path from --db or REGFLOW_DB; throws InputError when neither is given.
  std::string db_path();
  store::Store& store();
  store::Store& init_store();
  app::Installation& installation();
  /// The installation for a command on one dossier. Its configuration holds that dossier's
  /// definition and the workflow files the database has not seen, not every workflow file
  /// (load::load_config_for_definition), read through the definition cache beside the
  /// database; it throws InputError on errors as config() does.
  app::Installation& installation_for(const std::string& dossier_id);
  /// After a command ran without an error: keeps the definitions it parsed for the next run.
  void finish();
  /// The acting user for a command that writes. Who it is: the user tied to the operating-system
  /// account running regflow (`user add --login`), or the one named by --as / REGFLOW_USER.
  /// Once the database has an administrator, --as is an administrator's act on someone's
  /// behalf (recorded in the events) and a stated --now is an administrator's too (recorded
  /// with the real time of entry); on a sandbox database (`init --sandbox`, the demo) or one
  /// with no administrator yet, both are open to whoever may write the database file.
  /// Throws InputError with what would be accepted.
  runtime::Actor actor();
  /// The acting user when one is given or the login is tied to one, for commands that also work
  /// without one (show).
  std::optional<runtime::Actor> actor_if_given();
  /// Refuses a stated --now on a command that writes without a person's act (tick, import):
  /// allowed on a sandbox, or to an administrator, and never later than the real clock outside
  /// a sandbox (timers do not fire in the future).
  void check_clock_for_writing();
  /// Whether any registered user's role may administer: until then, the command line is
  /// open to whoever may write the database file (the set-up of a new installation).
  bool administrators_designated();
  /// True when the database is marked as a sandbox (`init --sandbox`, `demo`).
  bool sandbox();
  /// Marks the database as a sandbox, for trials and demonstrations: --as and --now are open
  /// to anyone there and not recorded. There is no way back: a sandbox's record is not evidence.
  void mark_sandbox();
  std::string config_dir();

 private:
  std::optional<time::Instant> now_;
  /// --now or REGFLOW_NOW read in `offset`; nullopt when neither is given; throws when malformed.
  std::optional<time::Instant> given_now(time::UtcOffset offset) const;
  /// `config`, or an InputError naming its first error.
  const load::ConfigSet& checked(const load::ConfigSet& config);
  std::unique_ptr<load::ConfigSet> config_;
  std::unique_ptr<load::ConfigSet> base_config_;             ///< without workflows (board, queue)
  std::unique_ptr<load::DefinitionCache> definition_cache_;  ///< for dossier_config_
  std::unique_ptr<load::ConfigSet> dossier_config_;          ///< for one dossier (installation_for)
  bool cache_key_missing_ = false;  ///< the database holds no cache key yet (finish makes one)
  /// The UTC offset of whichever configuration is loaded; the default before any is.
  time::UtcOffset loaded_offset() const;
  /// The user tied to the operating-system account running this process, if any.
  std::optional<store::UserRecord> login_user();
  /// Refuses --now on a writing command unless allowed (see actor()); the real time of entry
  /// when --now was given on a database that is not a sandbox.
  std::optional<time::Instant> stated_clock_entry(const std::optional<store::UserRecord>& by);
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<app::Installation> installation_;
};

}  // namespace regflow::cli
