// workflows/agencies.yaml → AgencyDirectory: the OPD and outside bodies that own steps.
#pragma once

#include <string>

#include "engine/model/agency.hpp"
#include "engine/model/diagnostic.hpp"

namespace regflow::load {

/// Loads agencies from YAML text; every problem becomes a diagnostic (unknown keys, duplicate
/// codes, a parent that is not an agency, a cycle of parents).
model::AgencyDirectory load_agencies_text(const std::string& path, const std::string& text,
                                          model::Diagnostics& out);

/// Reads and loads the agencies file.
model::AgencyDirectory load_agencies_file(const std::string& path, model::Diagnostics& out);

}  // namespace regflow::load
