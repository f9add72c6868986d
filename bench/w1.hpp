// W1, the transition workload (bench/README.md): N dossiers of bench/w1/workflows/w1.yaml each
// driven along the same 14 actions to the final step, every action its own durable
// transaction. Run through the engine library, or as the floor: the same rows written with
// prepared SQLiteCpp statements and no engine.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace regflow::bench {

/// The 14 actions (name, note) that take a W1 dossier from `penyusunan` to `selesai`.
const std::vector<std::pair<std::string, std::string>>& w1_script();

struct W1Result {
  int dossiers = 0;
  double start_seconds = 0;       ///< starting the N dossiers
  double action_seconds = 0;      ///< the N × 14 actions
  double action_cpu_seconds = 0;  ///< CPU time of this process during the actions
  double peak_rss_mib = 0;
  double actions_per_second() const {
    return action_seconds > 0 ? dossiers * 14.0 / action_seconds : 0;
  }
};

/// Through app::Installation, the path `regflow start` / `regflow advance` take.
W1Result run_w1_engine(const std::string& db, const std::string& config_dir, int dossiers);

/// The floor: per action one IMMEDIATE transaction that reads the version and writes the event
/// row, the dossier row and the deadline rows, on the same schema and pragmas.
W1Result run_w1_floor(const std::string& db, int dossiers);

/// Removes a database and its WAL files.
void remove_database(const std::string& db);

}  // namespace regflow::bench
