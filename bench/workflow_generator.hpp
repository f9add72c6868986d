// A generated configuration folder for timing `regflow check` on large definitions: one
// workflow of n steps with about three actions per step (forward, a skip, and a return), each
// step with a working-day limit, owners rotating over a few agencies.
#pragma once

#include <string>

namespace regflow::bench {

/// Writes DIR/workflows/{agencies,big}.yaml and links DIR/rules/calendars to `calendars`.
void write_generated_config(const std::string& dir, int steps, const std::string& calendars);

}  // namespace regflow::bench
