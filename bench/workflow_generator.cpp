#include "bench/workflow_generator.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

namespace regflow::bench {

void write_generated_config(const std::string& dir, int steps, const std::string& calendars) {
  namespace fs = std::filesystem;
  fs::remove_all(dir);
  fs::create_directories(fs::path(dir) / "workflows");
  fs::create_directories(fs::path(dir) / "rules");
  fs::create_directory_symlink(fs::absolute(calendars), fs::path(dir) / "rules" / "calendars");
  std::ofstream(fs::path(dir) / "workflows" / "agencies.yaml")
      << "agencies:\n  gubernur: {name: Gubernur}\n  sekda: {name: Sekda, parent: gubernur}\n"
         "  biro-hukum: {name: Biro Hukum, parent: sekda}\n"
         "  dinas-kukm: {name: Dinas KUKM, parent: sekda}\n";
  const char* owners[] = {"biro-hukum", "dinas-kukm", "sekda", "biro-hukum"};
  std::ofstream out(fs::path(dir) / "workflows" / "big.yaml");
  out << fmt::format(
      "workflow: big\nversion: 1\ntitle: Generated workflow of {} steps\nbasis: \"bench\"\n"
      "initial: s0\nsteps:\n",
      steps);
  const int last = steps - 1;
  // One flow-style line per step (~195 bytes) keeps the file small: the loader refuses definition
  // files over 4 MiB (kMaxDefinitionBytes), which caps `regflow check` near 21,000 steps; larger
  // ones are checked in-process (check_in_process.hpp).
  for (int i = 0; i < last; ++i) {
    out << fmt::format(
        "  s{}: {{title: L{}, owner: {}, limit: {{within: 5wd, basis: p, on_return: restart}}, "
        "actions: {{lanjut: s{}, lompati: s{}",
        i, i, owners[i % 4], i + 1, std::min(i + 2, last));
    if (i > 0) out << fmt::format(", kembalikan: {{to: s{}, return: true, note: required}}", i - 1);
    out << "}}\n";
  }
  out << fmt::format("  s{}:\n    title: Selesai\n    kind: final\n", last);
}

}  // namespace regflow::bench
