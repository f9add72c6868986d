// A whole configuration folder (--config): workflows/*.yaml with workflows/agencies.yaml,
// rules/*.yaml, rules/calendars/*.yaml and an optional settings.yaml. Loads and checks all of
// it, keeping every diagnostic, with paths shown relative to the folder.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/document_policy.hpp"
#include "engine/model/publication_settings.hpp"
#include "engine/model/user_role.hpp"
#include "engine/load/calendar_loader.hpp"
#include "engine/model/agency.hpp"
#include "engine/model/definition.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/rules/rule_set.hpp"
#include "engine/time/calendar.hpp"
#include "engine/time/date.hpp"

namespace regflow::load {

class DefinitionCache;

/// Installation settings (settings.yaml in the config folder; every key optional).
struct Settings {
  time::UtcOffset offset;                    ///< utc_offset: "+07:00" (WIB)
  bool collective_leave_is_working = false;  ///< cuti_bersama_is_working: false
  std::string installation = "regflow";      ///< installation: a name for archives and feeds
  /// roles: what each user role may do (model::RoleDirectory::standard() when not declared)
  model::RoleDirectory roles = model::RoleDirectory::standard();
  /// documents: the kinds of document a dossier may hold and the size limit
  model::DocumentPolicy documents = model::DocumentPolicy::standard();
  /// publication: the region as a JDIH catalogue names it (empty fields when not given)
  model::PublicationSettings publication;
};

struct ConfigSet {
  std::filesystem::path root;
  Settings settings;
  model::AgencyDirectory agencies;
  rules::RuleSet rules;
  CalendarLoad calendars;
  std::vector<model::WorkflowDefinition> workflows;
  /// Workflow files left unparsed because the database already holds their exact text: the
  /// name stored with it, and the content hash (load_config_for_definition only).
  std::vector<std::pair<std::string, std::string>> unparsed_workflows;
  model::Diagnostics diagnostics;  ///< sorted by file and position
  /// Where load_config_for_definition and load_stored_definition look for definitions parsed
  /// before; null: parse every text.
  DefinitionCache* definition_cache = nullptr;

  /// The day the configuration was loaded for (`--now`): which version of a workflow is current.
  time::Date today{};

  /// The version of `name` in force today, or (when none is) the one with the latest
  /// 'effective'; nullptr when no file defines the workflow.
  const model::WorkflowDefinition* find(const std::string& name) const;
  /// The version of `name` in force on `day`; nullptr when none is (or no file defines it).
  const model::WorkflowDefinition* find_in_force(const std::string& name, time::Date day) const;
  /// Every version of `name`, by 'effective' (undated first).
  std::vector<const model::WorkflowDefinition*> versions(const std::string& name) const;
  /// The content hash of the workflow file called `name`, parsed or not; nullopt when no file
  /// defines it.
  std::optional<std::string> current_hash(const std::string& name) const;
  std::vector<std::string> workflow_names() const;
  const time::HolidayCalendar& calendar() const { return calendars.calendar; }
};

/// Loads and checks the configuration under `root`. When `only` is not empty, those workflow
/// files are checked instead of root/workflows/*.yaml. `today` is for the calendar-horizon
/// warning. Throws LoadError only when `root` is not a folder.
ConfigSet load_config(const std::filesystem::path& root, time::Date today,
                      const std::vector<std::filesystem::path>& only = {});

/// The settings, agencies, rules and calendars only: what the board and the queues need, which
/// read projections and no definition. Parsing the workflow files is most of a short
/// command's run time (bench/README.md).
ConfigSet load_config_without_workflows(const std::filesystem::path& root, time::Date today);

/// The workflow name stored with a definition text of this content hash; nullopt when the
/// database has never stored that text.
using StoredName = std::function<std::optional<std::string>(const std::string& hash)>;

/// The configuration a command on one dossier needs: settings, agencies, rules and calendars as
/// in load_config_without_workflows (the agencies and workflows through `cache` when given), the workflow file whose text hashes to `definition_hash`
/// (the dossier's own definition, when it is still the current one), and every workflow file
/// whose text the database does not know (new or edited files: parsed and checked as by
/// load_config, so their errors are reported as before). A file whose exact text is stored is
/// not parsed: its name comes from `stored_name`, which is enough to tell whether a newer
/// definition of the dossier's workflow exists. Parsing every file is most of the run time of
/// show, history and advance (bench/README.md). `cache`, when given, is kept in the result for
/// load_stored_definition and must outlive it.
ConfigSet load_config_for_definition(const std::filesystem::path& root, time::Date today,
                                     const std::string& definition_hash,
                                     const StoredName& stored_name,
                                     DefinitionCache* cache = nullptr);

/// Parses a stored definition text (a dossier's own version; through the configuration's
/// definition cache when it has one) and checks it against the current agencies and rules; the
/// diagnostics say whether it can still run.
std::optional<model::WorkflowDefinition> load_stored_definition(const ConfigSet& config,
                                                                const std::string& path,
                                                                const std::string& text,
                                                                model::Diagnostics& out);

}  // namespace regflow::load
