// Builds read-benchmark databases THROUGH THE ENGINE (app::Installation, as `regflow start` and
// `regflow advance` do): dossiers of the shipped workflows started over 21 months, a share of
// them driven to a final step and the rest left open at every stage.
#pragma once

#include <cstdint>
#include <string>

namespace regflow::bench {

struct GenerateOptions {
  std::string db;
  std::string config_dir;  ///< the shipped workflows/ and rules/
  int dossiers = 10000;
  double closed_share = 0.6;
  std::uint32_t seed = 42;
};

struct GenerateResult {
  int open = 0;
  int closed = 0;
  std::int64_t actions = 0;
  double seconds = 0;
};

GenerateResult generate_database(const GenerateOptions& options);

}  // namespace regflow::bench
