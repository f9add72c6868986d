// regflow-bench: the benchmark programs of bench/README.md behind one command line. Each
// subcommand prints Markdown table rows "| measure | figure | notes |"; bench/run.sh runs them
// in one go and prints the whole table.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "bench/check_in_process.hpp"
#include "bench/generate.hpp"
#include "bench/measure.hpp"
#include "bench/processes.hpp"
#include "bench/w1.hpp"
#include "bench/workflow_generator.hpp"

namespace {

using namespace regflow::bench;

void row(const std::string& measure, const std::string& figure, const std::string& notes) {
  std::cout << fmt::format("| {} | {} | {} |", measure, figure, notes) << std::endl;
}

void print_w1(const std::string& label, const W1Result& r) {
  row(fmt::format("W1 {} ({} dossiers × 14 actions)", label, r.dossiers),
      fmt::format("{:.0f} actions/s", r.actions_per_second()),
      fmt::format("{:.1f} s for the actions ({:.0f} µs CPU each); starts {:.1f} s; peak RSS "
                  "{:.1f} MiB",
                  r.action_seconds, r.action_cpu_seconds * 1e6 / (r.dossiers * 14.0),
                  r.start_seconds, r.peak_rss_mib));
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void print_process(const std::string& label, const ProcessStats& s) {
  row(label, fmt::format("{:.1f} ms median", s.median_ms),
      fmt::format("p95 {:.1f} ms; CPU {:.1f} ms median; {} runs{}; peak RSS {:.1f} MiB", s.p95_ms,
                  s.median_cpu_ms, s.runs,
                  s.failures == 0 ? "" : fmt::format(", {} FAILED", s.failures), s.peak_rss_mib));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"regflow benchmarks (bench/README.md)"};
  app.require_subcommand(1);

  std::string db, config, regflow, dir, calendars;
  int dossiers = 10000, actions = 1000, runs = 7, fresh = 0, steps = 1000;
  std::string mode = "both", workflow, label;
  double closed_share = 0.6;
  bool return_once = false;
  std::vector<std::string> command;

  auto* w1 = app.add_subcommand("w1", "W1 through the engine library and as the SQLite floor");
  w1->add_option("--db", db, "Database file to (re)create")->required();
  w1->add_option("--config", config, "The W1 configuration (bench/w1)");
  w1->add_option("--dossiers", dossiers, "N");
  w1->add_option("--mode", mode, "engine, floor or both")
      ->check(CLI::IsMember({"engine", "floor", "both"}));
  int alternate = 1;
  w1->add_option("--alternate", alternate,
                 "With --mode both: run floor and engine K times each, alternately, and compare "
                 "medians (a shared disk's fsync time drifts between runs)")
      ->check(CLI::Range(1, 99));
  w1->callback([&] {
    std::vector<double> floor_rates, engine_rates, floor_cpu, engine_cpu;
    for (int k = 0; k < (mode == "both" ? alternate : 1); ++k) {
      if (mode != "engine") {
        const auto floor = run_w1_floor(db + ".floor", dossiers);
        print_w1("floor (SQLiteCpp, no engine)", floor);
        floor_rates.push_back(floor.actions_per_second());
        floor_cpu.push_back(floor.action_cpu_seconds);
      }
      if (mode != "floor") {
        const auto engine = run_w1_engine(db, config, dossiers);
        print_w1("engine library", engine);
        engine_rates.push_back(engine.actions_per_second());
        engine_cpu.push_back(engine.action_cpu_seconds);
      }
    }
    if (mode == "both") {
      const std::string medians =
          alternate > 1 ? fmt::format("; medians of {} alternating runs each", alternate) : "";
      row("W1 ratio engine/floor",
          fmt::format("{:.2f}", median(engine_rates) / median(floor_rates)),
          "target ≥ 0.8; durable actions/s" + medians);
      row("W1 ratio engine/floor, CPU per action",
          fmt::format("{:.2f}", median(floor_cpu) / median(engine_cpu)),
          "what the engine costs beside SQLite, fsync aside" + medians);
    }
  });

  auto* advance = app.add_subcommand("advance", "One `regflow advance` process per action");
  advance->add_option("--regflow", regflow)->required();
  advance->add_option("--db", db)->required();
  advance->add_option("--config", config)->required();
  advance->add_option("--actions", actions);
  advance->add_option("--fresh", fresh, "Start this many dossiers of --workflow first");
  advance->add_option("--workflow", workflow);
  advance->add_flag("--return-once", return_once);
  advance->add_option("--label", label)->required();
  advance->callback([&] {
    print_process(label, time_advance_processes(
                             {regflow, db, config, actions, fresh, workflow, return_once}));
  });

  auto* generate = app.add_subcommand("generate", "A database of N dossiers, through the engine");
  generate->add_option("--db", db)->required();
  generate->add_option("--config", config)->required();
  generate->add_option("--dossiers", dossiers);
  generate->add_option("--closed-share", closed_share);
  generate->callback([&] {
    const auto r = generate_database({db, config, dossiers, closed_share, 42});
    row(fmt::format("generate {} dossiers through the engine", dossiers),
        fmt::format("{:.0f} s", r.seconds),
        fmt::format("{} open, {} closed, {} actions ({:.0f} actions/s); peak RSS {:.1f} MiB",
                    r.open, r.closed, r.actions, static_cast<double>(r.actions) / r.seconds,
                    peak_rss_mib()));
  });

  auto* time = app.add_subcommand("time", "Median and p95 of a whole command");
  time->add_option("--runs", runs);
  time->add_option("--label", label)->required();
  bool cold = false;
  time->add_flag("--no-warm-up", cold, "Time the first run too (e.g. a tick that fires)");
  time->add_option("command", command)->required();
  time->callback([&] { print_process(label, time_command(command, runs, !cold)); });

  auto* big = app.add_subcommand("workflow", "Write a configuration with one workflow of n steps");
  big->add_option("--dir", dir)->required();
  big->add_option("--steps", steps);
  big->add_option("--calendars", calendars)->required();
  big->callback([&] { write_generated_config(dir, steps, calendars); });

  auto* in_process =
      app.add_subcommand("check-in-process",
                         "`check` of a generated workflow in a child of this process, past the "
                         "4 MiB file limit of `regflow check`");
  in_process->add_option("--dir", dir, "A folder written by the `workflow` subcommand")->required();
  in_process->add_option("--runs", runs);
  in_process->add_option("--label", label)->required();
  in_process->callback([&] {
    const auto r = check_in_process(dir, runs);
    row(label, fmt::format("{:.1f} ms CPU median", r.cpu.total_ms),
        fmt::format("in-process; {} steps, {} actions, {:.1f} MB file; {} error(s), {} "
                    "warning(s); load {:.1f} ms (YAML parse and reading), check {:.1f} ms, "
                    "configuration {:.1f} ms, file {:.1f} ms, freeing {:.1f} ms; wall {:.1f} ms; "
                    "child process CPU {:.1f} ms; {} runs; peak RSS {:.1f} MiB",
                    r.steps, r.actions, static_cast<double>(r.file_bytes) / 1e6, r.errors,
                    r.warnings, r.cpu.load_ms, r.cpu.check_ms, r.cpu.configuration_ms,
                    r.cpu.read_ms, r.cpu.release_ms, r.wall_ms, r.process_cpu_ms, r.runs,
                    r.peak_rss_mib));
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "regflow-bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
