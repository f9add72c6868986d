// Whole-process timings: each command as a clerk (or cron) runs it, fork to exit.
#pragma once

#include <string>
#include <vector>

namespace regflow::bench {

struct ProcessStats {
  int runs = 0;
  int failures = 0;  ///< non-zero exit codes
  double median_ms = 0;
  double p95_ms = 0;
  double median_cpu_ms = 0;
  double peak_rss_mib = 0;  ///< the largest child
};

/// Runs `argv` `runs` times, after one untimed run when `warm_up` (page cache, and for `tick`
/// the firing itself, so that the timed runs are the idempotent repeats).
ProcessStats time_command(const std::vector<std::string>& argv, int runs, bool warm_up = true);

struct AdvanceProcessOptions {
  std::string regflow;  ///< the executable
  std::string db;
  std::string config_dir;
  int actions = 1000;
  /// When set, first start this many fresh dossiers of `workflow` (in-process) and drive only
  /// them; otherwise take one action on each of `actions` random open dossiers.
  int fresh_dossiers = 0;
  std::string workflow;
  /// Always take a return for revision once when offered (W1: exactly 14 actions a dossier).
  bool return_once = false;
};

/// One `regflow advance` process per action; the next action is chosen with the engine's pure
/// decider in this process, so every timed process does real work (its exit code is checked).
ProcessStats time_advance_processes(const AdvanceProcessOptions& options);

}  // namespace regflow::bench
