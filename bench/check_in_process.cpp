#include "bench/check_in_process.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "bench/measure.hpp"
#include "engine/check/checker.hpp"
#include "engine/load/config_set.hpp"
#include "engine/load/workflow_loader.hpp"

namespace regflow::bench {
namespace {

struct OneCheck {
  CheckPhases cpu;
  double wall_ms = 0;
  std::size_t steps = 0;
  std::size_t actions = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
};
static_assert(std::is_trivially_copyable_v<OneCheck>, "sent through a pipe as bytes");

std::string read_whole(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// What load::load_config does for a folder with one workflow file, minus the file-size guard of
// load::read_definition_file.
OneCheck check_once(const std::filesystem::path& dir) {
  // The date only decides the calendar-horizon warning, as for `regflow check` without --now.
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  OneCheck result;
  const auto started = Clock::now();
  double mark = cpu_seconds();
  const double first = mark;
  auto lap = [&mark] {
    const double now = cpu_seconds();
    const double ms = (now - mark) * 1000.0;
    mark = now;
    return ms;
  };
  auto config = std::make_unique<load::ConfigSet>(load::load_config_without_workflows(dir, today));
  result.cpu.configuration_ms = lap();
  const std::string text = read_whole(dir / "workflows" / "big.yaml");
  result.cpu.read_ms = lap();
  auto& out = config->diagnostics;
  auto def = load::load_workflow_text("workflows/big.yaml", text, out);
  result.cpu.load_ms = lap();
  if (!def) throw std::runtime_error("the generated workflow did not load");
  check::check_workflow(*def, config->agencies, config->rules, out);
  config->workflows.push_back(std::move(*def));
  check::check_workflow_set(config->workflows, out);
  model::sort_diagnostics(out);
  result.cpu.check_ms = lap();
  const auto& big = config->workflows.front();
  result.steps = big.steps.size();
  for (const auto& step : big.steps) result.actions += step.actions.size();
  for (const auto& d : out) {
    (d.severity == model::Severity::Error ? result.errors : result.warnings) += 1;
  }
  config.reset();
  result.cpu.release_ms = lap();
  result.cpu.total_ms = (mark - first) * 1000.0;
  result.wall_ms = seconds_since(started) * 1000.0;
  return result;
}

double median(std::vector<double> values) {
  return quantile(std::move(values), 0.5);
}

double milliseconds_of(const timeval& t) {
  return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_usec) / 1000.0;
}

}  // namespace

CheckInProcess check_in_process(const std::string& dir, int runs) {
  CheckInProcess result;
  result.runs = runs;
  result.file_bytes =
      std::filesystem::file_size(std::filesystem::path(dir) / "workflows" / "big.yaml");
  std::vector<double> configuration, read, load, check, release, total, wall, process;
  for (int run = 0; run < runs; ++run) {
    int channel[2];
    if (pipe(channel) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
      close(channel[0]);
      int status = 1;
      try {
        const OneCheck one = check_once(dir);
        status = write(channel[1], &one, sizeof one) == sizeof one ? 0 : 1;
      } catch (...) {
      }
      _exit(status);
    }
    close(channel[1]);
    OneCheck one;
    const auto got = ::read(channel[0], &one, sizeof one);
    close(channel[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    if (got != sizeof one || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      throw std::runtime_error("the check in the child process failed (" + dir + ")");
    }
    configuration.push_back(one.cpu.configuration_ms);
    read.push_back(one.cpu.read_ms);
    load.push_back(one.cpu.load_ms);
    check.push_back(one.cpu.check_ms);
    release.push_back(one.cpu.release_ms);
    total.push_back(one.cpu.total_ms);
    wall.push_back(one.wall_ms);
    process.push_back(milliseconds_of(usage.ru_utime) + milliseconds_of(usage.ru_stime));
    result.peak_rss_mib =
        std::max(result.peak_rss_mib, static_cast<double>(usage.ru_maxrss) / 1024.0);
    result.steps = one.steps;
    result.actions = one.actions;
    result.errors = one.errors;
    result.warnings = one.warnings;
  }
  result.cpu = {median(configuration), median(read),    median(load),
                median(check),         median(release), median(total)};
  result.wall_ms = median(wall);
  result.process_cpu_ms = median(process);
  return result;
}

}  // namespace regflow::bench
