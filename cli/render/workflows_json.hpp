// The loaded workflow definitions for programs: the documented shape of
// `regflow workflows --json`, which `/api/workflows` of `regflow serve` gives too.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/load/config_set.hpp"

namespace regflow::cli::render {

nlohmann::json workflows_json(const load::ConfigSet& config);

}  // namespace regflow::cli::render
