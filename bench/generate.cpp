#include "bench/generate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <random>
#include <stdexcept>

#include "bench/measure.hpp"
#include "bench/w1.hpp"
#include "bench/walker.hpp"
#include "engine/app/installation.hpp"
#include "engine/runtime/evolve.hpp"

namespace regflow::bench {

GenerateResult generate_database(const GenerateOptions& options) {
  remove_database(options.db);
  const auto first_start = *time::parse_instant("2025-01-06T08:00", time::UtcOffset{});
  const auto last_start = *time::parse_instant("2026-09-30T08:00", time::UtcOffset{});
  const auto config = load::load_config(options.config_dir, time::local_date(last_start, {}));
  if (model::has_errors(config.diagnostics)) {
    throw std::runtime_error("the configuration in " + options.config_dir + " has errors");
  }
  auto store = store::Store::init(options.db);
  app::Installation installation(config, store);
  const auto actor = register_bench_user(installation, "bench");
  std::mt19937 random(options.seed);
  std::uniform_real_distribution<double> chance(0.0, 1.0);
  std::uniform_int_distribution<int> open_length(0, 20);
  const WalkPolicy policy{0.15, 2};
  // A Pergub is the most common product, then Perda, then cooperation agreements.
  const std::vector<std::pair<std::string, double>> mix{
      {"pergub", 0.45}, {"perda", 0.30}, {"kerjasama", 0.25}};

  GenerateResult result;
  const auto span = last_start - first_start;
  const auto begin = Clock::now();
  auto generate_one = [&](int i) {
    double roll = chance(random);
    std::string workflow = mix.back().first;
    for (const auto& [name, share] : mix) {
      if (roll < share) {
        workflow = name;
        break;
      }
      roll -= share;
    }
    auto now = first_start + span * i / options.dossiers;
    const auto* definition = config.find(workflow);
    auto outcome = installation.start(
        workflow,
        start_command(*definition, fmt::format("Rancangan {} nomor {}", workflow, i), random),
        actor, now);
    if (auto* refusal = std::get_if<runtime::Refusal>(&outcome)) {
      throw std::runtime_error(
          fmt::format("start of {} refused: {} {}", workflow, refusal->subject, refusal->detail));
    }
    const auto id = std::get<std::string>(outcome);
    const bool to_close = chance(random) < options.closed_share;
    const int limit = to_close ? 200 : open_length(random);
    bool closed = false;
    // Read once, then follow the dossier by folding the events the engine wrote (what the next
    // read would replay anyway): the generator's own reads would double its run time.
    auto dossier = installation.read(id);
    for (int taken = 0; taken < limit; ++taken) {
      now += std::chrono::hours{20};
      auto command = pick_action(installation, *dossier, actor, now, policy, random);
      if (!command) break;
      auto advanced = installation.advance(id, *command, actor, now);
      if (auto* refusal = std::get_if<runtime::Refusal>(&advanced)) {
        throw std::runtime_error(fmt::format("{} {} refused: {} {}", id, command->action,
                                             refusal->subject, refusal->detail));
      }
      ++result.actions;
      const auto& events = std::get<std::vector<runtime::Event>>(advanced);
      for (const auto& e : events) {
        runtime::evolve(*definition, dossier->state, e, config.settings.offset);
        dossier->events.push_back(e);
      }
      const auto* reached = events.empty() ? nullptr : definition->find_step(events.back().to_step);
      if (reached != nullptr && reached->kind == model::StepKind::Final) {
        closed = true;
        break;
      }
    }
    (closed ? result.closed : result.open) += 1;
  };
  // Each start and action is the engine's own (the same calls as `regflow start` and
  // `advance`), but a batch of dossiers shares one commit: one commit per action would make a
  // database of a million dossiers a matter of hours.
  constexpr int kDossiersPerCommit = 100;
  for (int first = 0; first < options.dossiers; first += kDossiersPerCommit) {
    store.write_transaction([&] {
      for (int i = first; i < std::min(options.dossiers, first + kDossiersPerCommit); ++i) {
        generate_one(i);
      }
    });
  }
  result.seconds = seconds_since(begin);
  return result;
}

}  // namespace regflow::bench
