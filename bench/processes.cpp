#include "bench/processes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <stdexcept>

#include "bench/measure.hpp"
#include "bench/walker.hpp"
#include "engine/app/installation.hpp"

namespace regflow::bench {
namespace {

ProcessStats summarise(const std::vector<ProcessRun>& runs) {
  ProcessStats stats;
  std::vector<double> ms;
  std::vector<double> cpu;
  for (const auto& run : runs) {
    ms.push_back(run.milliseconds);
    cpu.push_back(run.cpu_milliseconds);
    stats.peak_rss_mib = std::max(stats.peak_rss_mib, run.peak_rss_mib);
    if (run.exit_code != 0) ++stats.failures;
  }
  stats.runs = static_cast<int>(runs.size());
  stats.median_ms = quantile(ms, 0.5);
  stats.p95_ms = quantile(ms, 0.95);
  stats.median_cpu_ms = quantile(cpu, 0.5);
  return stats;
}

}  // namespace

ProcessStats time_command(const std::vector<std::string>& argv, int runs, bool warm_up) {
  if (warm_up) run_process(argv);
  std::vector<ProcessRun> timed;
  for (int i = 0; i < runs; ++i) timed.push_back(run_process(argv));
  return summarise(timed);
}

ProcessStats time_advance_processes(const AdvanceProcessOptions& options) {
  auto store = store::Store::open(options.db);
  // Times run after everything in the database, one minute apart.
  auto now = *time::parse_instant("2026-11-30T08:00", time::UtcOffset{});
  const auto config = load::load_config(options.config_dir, time::local_date(now, {}));
  app::Installation installation(config, store);
  const auto actor = register_bench_user(installation, "bench");
  std::mt19937 random(7);
  const WalkPolicy policy{options.return_once ? 1.0 : 0.0, options.return_once ? 1 : 0};

  std::vector<std::string> ids;
  for (int i = 0; i < options.fresh_dossiers; ++i) {
    const auto* definition = config.find(options.workflow);
    if (definition == nullptr) throw std::runtime_error("no workflow " + options.workflow);
    auto outcome = installation.start(
        options.workflow, start_command(*definition, fmt::format("Proses {}", i), random), actor,
        now);
    ids.push_back(std::get<std::string>(outcome));
  }
  const bool fresh = !ids.empty();
  if (!fresh) {
    ids = store.open_dossier_ids();
    std::shuffle(ids.begin(), ids.end(), random);
  }

  std::vector<ProcessRun> runs;
  std::size_t next = 0;
  int idle = 0;
  while (static_cast<int>(runs.size()) < options.actions && idle < static_cast<int>(ids.size())) {
    const auto& id = ids[next];
    next = (next + 1) % ids.size();
    now += std::chrono::minutes{1};
    auto dossier = installation.read(id);
    auto command =
        dossier ? pick_action(installation, *dossier, actor, now, policy, random) : std::nullopt;
    if (!command) {
      ++idle;
      continue;
    }
    idle = 0;
    std::vector<std::string> argv{
        options.regflow,           "--db",    options.db, "--config",
        options.config_dir,        "--as",    "bench",    "--now",
        time::format_instant(now), "advance", id,         command->action};
    if (!command->note.empty()) argv.insert(argv.end(), {"--note", command->note});
    for (const auto& [name, value] : command->sets) {
      argv.insert(argv.end(), {"--set", name + "=" + value});
    }
    const std::string stderr_file = options.db + ".stderr";
    runs.push_back(run_process(argv, stderr_file));
    if (runs.back().exit_code != 0) {
      // Counted and reported (the table says FAILED); the dossier is tried again next round.
      std::ifstream why(stderr_file);
      std::cerr << fmt::format("regflow advance {} {} exited with {}: {}\n", id, command->action,
                               runs.back().exit_code,
                               std::string(std::istreambuf_iterator<char>(why), {}));
    }
    if (!fresh && static_cast<int>(runs.size()) >= static_cast<int>(ids.size())) break;
  }
  return summarise(runs);
}

}  // namespace regflow::bench
