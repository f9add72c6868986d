// Measuring helpers shared by the benchmark programs: wall clock, peak memory, percentiles, and
// timing a whole child process (what a clerk's shell or cron pays for one regflow command).
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace regflow::bench {

using Clock = std::chrono::steady_clock;

/// Seconds since `start`.
double seconds_since(Clock::time_point start);

/// This process's peak resident set size, in MiB (getrusage).
double peak_rss_mib();

/// This process's user + system CPU time so far, in seconds.
double cpu_seconds();

/// The value at quantile q (0..1) of `values`, by nearest rank; 0 when empty.
double quantile(std::vector<double> values, double q);

struct ProcessRun {
  double milliseconds = 0;
  /// User + system CPU of the child: unlike wall time, barely moved by the other jobs that
  /// share this machine's two cores.
  double cpu_milliseconds = 0;
  double peak_rss_mib = 0;  ///< of the child (wait4)
  int exit_code = 0;
};

/// Runs `argv` to completion with stdout sent to /dev/null and stderr to `stderr_file` (or to
/// /dev/null when empty), timing it from fork to reaped exit.
ProcessRun run_process(const std::vector<std::string>& argv, const std::string& stderr_file = {});

}  // namespace regflow::bench
