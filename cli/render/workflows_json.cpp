#include "cli/render/workflows_json.hpp"

#include "engine/check/checker.hpp"
#include "engine/time/date.hpp"

namespace regflow::cli::render {

nlohmann::json workflows_json(const load::ConfigSet& config) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& w : config.workflows) {
    const auto facts = check::workflow_facts(w, config.rules);
    out.push_back(
        {{"name", w.name},
         {"version", w.version},
         {"hash", w.content_hash},
         {"steps", w.steps.size()},
         {"title", w.title},
         {"basis", w.basis},
         {"effective",
          w.effective ? nlohmann::json(time::format_date(*w.effective)) : nlohmann::json()},
         {"until", w.until ? nlohmann::json(time::format_date(*w.until)) : nlohmann::json()},
         {"version_basis", w.version_basis},
         {"earliest_working_days", facts.shortest_working_days
                                       ? nlohmann::json(*facts.shortest_working_days)
                                       : nlohmann::json()},
         {"longest_path_steps", facts.longest_path_steps},
         {"longest_path_working_days", facts.longest_path_working_days}});
  }
  return out;
}

}  // namespace regflow::cli::render
