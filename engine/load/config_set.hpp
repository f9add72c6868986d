// A whole configuration folder (--config): workflows/*.yaml with workflows/agencies.yaml,
// rules/*.yaml, rules/calendars/*.yaml and an optional settings.yaml. Loads and checks all of
// it, keeping every diagnostic, with paths shown relative to the folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/load/calendar_loader.hpp"
#include "engine/model/agency.hpp"
#include "engine/model/definition.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/rules/rule_set.hpp"
#include "engine/time/calendar.hpp"
#include "engine/time/date.hpp"

namespace regflow::load {

/// Installation settings (settings.yaml in the config folder; every key optional).
struct Settings {
  time::UtcOffset offset;                   ///< utc_offset: "+07:00" (WIB)
  bool collective_leave_is_working = false;  ///< cuti_bersama_is_working: false
  std::string installation = "regflow";     ///< installation: a name for archives and feeds
};

struct ConfigSet {
  std::filesystem::path root;
  Settings settings;
  model::AgencyDirectory agencies;
  rules::RuleSet rules;
  CalendarLoad calendars;
  std::vector<model::WorkflowDefinition> workflows;
  model::Diagnostics diagnostics;  ///< sorted by file and position

  const model::WorkflowDefinition* find(const std::string& name) const;
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

/// Parses a stored definition text (a dossier's own version) against the current agencies and
/// rules; the diagnostics say whether it can still run.
std::optional<model::WorkflowDefinition> load_stored_definition(const ConfigSet& config,
                                                                const std::string& path,
                                                                const std::string& text,
                                                                model::Diagnostics& out);

}  // namespace regflow::load
