#include "cli/render/workflows_json.hpp"

#include "engine/check/checker.hpp"

namespace regflow::cli::render {

nlohmann::json workflows_json(const load::ConfigSet& config) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& w : config.workflows) {
    const auto facts = check::workflow_facts(w, config.rules);
    out.push_back({{"name", w.name},
                   {"version", w.version},
                   {"hash", w.content_hash},
                   {"steps", w.steps.size()},
                   {"title", w.title},
                   {"basis", w.basis},
                   {"earliest_working_days", facts.shortest_working_days
                                                 ? nlohmann::json(*facts.shortest_working_days)
                                                 : nlohmann::json()},
                   {"longest_path_steps", facts.longest_path_steps},
                   {"longest_path_working_days", facts.longest_path_working_days}});
  }
  return out;
}

}  // namespace regflow::cli::render
