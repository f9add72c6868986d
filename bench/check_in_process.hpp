// `check` of a generated workflow inside the benchmark, for sizes `regflow check` refuses: the
// loader refuses definition files over 4 MiB (kMaxDefinitionBytes, a guard against mistakes and
// attacks that stays as it is), and the generated workflow of 100,000 steps is ~19 MB. Runs the
// functions `load::load_config` runs for one workflow file, on the file's text read here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace regflow::bench {

/// CPU milliseconds (user + system) of one check, by phase.
struct CheckPhases {
  double configuration_ms = 0;  ///< settings, agencies, rules and calendars
  double read_ms = 0;           ///< the workflow file into memory
  double load_ms = 0;           ///< YAML parse and WorkflowReader (load::load_workflow_text)
  double check_ms = 0;          ///< check::check_workflow and check_workflow_set, sorting
  double release_ms = 0;        ///< freeing the definitions, as the CLI does at exit
  double total_ms = 0;
};

struct CheckInProcess {
  CheckPhases cpu;            ///< medians per phase
  double wall_ms = 0;         ///< median of the whole check
  double process_cpu_ms = 0;  ///< median CPU of the child process, its start and exit included
  double peak_rss_mib = 0;    ///< the largest child's
  std::size_t steps = 0;
  std::size_t actions = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::uintmax_t file_bytes = 0;
  int runs = 0;
};

/// Checks `dir`/workflows/big.yaml (written by write_generated_config) `runs` times, each in a
/// child process of its own so that every run starts with an empty heap, as `regflow check` does.
CheckInProcess check_in_process(const std::string& dir, int runs);

}  // namespace regflow::bench
