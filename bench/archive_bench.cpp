// archive_bench: export and import of many dossiers (issue #7). Builds N dossiers (default
// 10,000) of the shipped workflows through the engine library into a temporary database, then
// times `export --all` (read, replay, encode, write) and `import` into an empty database
// (read, decode, check every chain and summary, one transaction), and prints the figures with
// each phase's peak resident memory.
//
// Usage: archive_bench [DOSSIERS] [CONFIG_DIR]   (CONFIG_DIR: the folder holding workflows/ and
// rules/; default: the source tree this was built from)
#include <fmt/format.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <variant>

#include "engine/app/archive_exchange.hpp"
#include "engine/app/installation.hpp"
#include "engine/archive/codec.hpp"
#include "engine/load/config_set.hpp"
#include "engine/store/store.hpp"

#ifndef REGFLOW_SOURCE_DIR
#define REGFLOW_SOURCE_DIR "."
#endif

namespace {

using Clock = std::chrono::steady_clock;
using namespace regflow;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The process's CPU time (user and system): on a shared machine the wall clock also counts
// other people's work, so both are printed.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// VmHWM is the peak resident set; writing 5 to clear_refs resets it (Linux 4.0+), so that each
// phase reports its own peak rather than the whole run's.
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

void reset_peak_rss() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

struct Story {
  const char* workflow;
  std::map<std::string, std::string> binds;
  std::map<std::string, std::string> sets;
  std::vector<std::pair<const char*, const char*>> steps;  ///< user, action
};

// Three of the demo's stories, one per shipped workflow: a Pergub through its sign-off, a
// cooperation agreement past the feasibility review, a Perda into drafting.
const std::vector<Story> kStories = {
    {"pergub",
     {{"pemrakarsa", "dinas-kukm"}, {"asisten", "asisten-perekonomian"}},
     {{"jenis_pergub", "biasa"}},
     {{"budi", "selesai_disusun"},
      {"sari", "selesai_dibahas"},
      {"budi", "sign"},
      {"sari", "sign"}}},
    {"kerjasama",
     {{"pemrakarsa", "dinas-kukm"}},
     {{"mitra", "Universitas Bangka Belitung"}, {"bentuk_hukum_mitra", "perguruan_tinggi"}},
     {{"budi", "ajukan_ke_tkksd"}, {"tkksd", "layak"}, {"budi", "minat_diterima"}}},
    {"perda",
     {{"pemrakarsa", "dinas-kukm"}},
     {{"kategori", "umum"}},
     {{"budi", "ajukan_usulan"}, {"sari", "masuk_propemperda"}}},
};

std::string temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "regflow-bench-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create " + pattern);
  return pattern;
}

int run(int dossiers, const std::string& config_dir) {
  const auto today = *time::parse_date("2026-03-02");
  const load::ConfigSet config = load::load_config(config_dir, today);
  if (model::has_errors(config.diagnostics)) {
    std::cerr << "the configuration in " << config_dir << " has errors; run regflow check\n";
    return 1;
  }
  const std::string dir = temp_dir();
  const auto at = [&](int minutes) {
    return *time::parse_instant("2026-01-05T08:00", config.settings.offset) +
           std::chrono::minutes{minutes};
  };

  auto source_store = store::Store::init(dir + "/source.db");
  app::Installation source(config, source_store);
  for (const auto& [name, agency] : std::vector<std::pair<std::string, std::string>>{
           {"sari", "biro-hukum"}, {"budi", "dinas-kukm"}, {"tkksd", "tkksd"}}) {
    source_store.add_user({name, {agency}, "staf", {}});
  }
  auto start = Clock::now();
  std::size_t events = 0;
  for (int i = 0; i < dossiers; ++i) {
    const Story& story = kStories[static_cast<std::size_t>(i) % kStories.size()];
    runtime::StartCommand command;
    command.title = fmt::format("Dossier bench {}", i);
    command.bindings = story.binds;
    command.sets = story.sets;
    auto id = source.start(story.workflow, command, *source.actor("sari"), at(i));
    if (!std::holds_alternative<std::string>(id)) throw std::runtime_error("start refused");
    ++events;
    int minute = i + 60;
    for (const auto& [user, action] : story.steps) {
      runtime::AdvanceCommand advance;
      advance.action = action;
      auto outcome = source.advance(std::get<std::string>(id), advance, *source.actor(user),
                                    at(minute += 24 * 60));
      if (!std::holds_alternative<std::vector<runtime::Event>>(outcome)) {
        throw std::runtime_error(
            fmt::format("{} refused on {}", action, std::get<std::string>(id)));
      }
      ++events;
    }
  }
  fmt::print("built {} dossiers, {} events in {:.1f} s ({})\n", dossiers, events,
             seconds_since(start), dir);

  const std::string file = dir + "/all.rfa";
  reset_peak_rss();
  start = Clock::now();
  double cpu = cpu_seconds();
  app::ExportSelection all;
  all.all = true;
  auto exported = app::export_dossiers(source, all, at(dossiers + 30 * 24 * 60));
  const double read_s = seconds_since(start);
  const auto bytes = regflow::archive::encode(std::get<regflow::archive::Archive>(exported));
  std::ofstream(file, std::ios::binary) << bytes;
  const double export_s = seconds_since(start);
  fmt::print(
      "export: {:.2f} s total (read and replay {:.2f} s, encode and write {:.2f} s), {:.2f} s "
      "CPU, {:.1f} MB archive, peak RSS {:.0f} MiB\n",
      export_s, read_s, export_s - read_s, cpu_seconds() - cpu,
      static_cast<double>(bytes.size()) / 1e6, static_cast<double>(peak_rss_kib()) / 1024.0);

  auto target_store = store::Store::init(dir + "/target.db");
  app::Installation target(config, target_store);
  reset_peak_rss();
  start = Clock::now();
  cpu = cpu_seconds();
  std::ifstream in(file, std::ios::binary);
  const std::string read_back{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto decoded = regflow::archive::decode(read_back);
  const double decode_s = seconds_since(start);
  const auto& archive = std::get<regflow::archive::Archive>(decoded);
  const auto plan = app::plan_import(target, archive, {}, at(dossiers + 31 * 24 * 60));
  const double plan_s = seconds_since(start);
  if (plan.refused()) throw std::runtime_error("the import was refused");
  app::apply_import(target, plan);
  const double import_s = seconds_since(start);
  fmt::print(
      "import: {:.2f} s total (read and decode {:.2f} s, check and plan {:.2f} s, write "
      "{:.2f} s), {:.2f} s CPU, peak RSS {:.0f} MiB\n",
      import_s, decode_s, plan_s - decode_s, import_s - plan_s, cpu_seconds() - cpu,
      static_cast<double>(peak_rss_kib()) / 1024.0);

  start = Clock::now();
  cpu = cpu_seconds();
  const auto again = app::plan_import(target, archive, {}, at(dossiers + 32 * 24 * 60));
  fmt::print("re-import (all {} already here, nothing written): {:.2f} s, {:.2f} s CPU\n",
             again.count(app::ImportAction::AlreadyHere), seconds_since(start),
             cpu_seconds() - cpu);

  const auto report = target_store.verify();
  fmt::print("target verify: {} dossiers, {} events, {} problems\n", report.dossiers, report.events,
             report.problems.size());
  std::filesystem::remove_all(dir);
  return report.problems.empty() && report.dossiers == dossiers ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const int dossiers = argc > 1 ? std::stoi(argv[1]) : 10000;
    const std::string config_dir = argc > 2 ? argv[2] : REGFLOW_SOURCE_DIR;
    return run(dossiers, config_dir);
  } catch (const std::exception& e) {
    std::cerr << "archive_bench: " << e.what() << "\n";
    return 1;
  }
}
