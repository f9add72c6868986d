// tick and verify: run by cron and by auditors.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/render/dossier.hpp"

namespace regflow::cli {

void add_maintenance_commands(CLI::App& app, Context& ctx) {
  app.add_subcommand("tick", "Fire due timers: reminders, escalations, automatic transitions (idempotent)")
      ->group("Maintenance")
      ->footer("Example (cron, every 5 minutes): regflow tick --db /var/lib/regflow/babel.db")
      ->callback([&ctx] {
        auto report = ctx.installation().tick(ctx.now());
        if (ctx.options.json) {
          nlohmann::json fired = nlohmann::json::array();
          for (const auto& e : report.fired) fired.push_back(render::event_json(e));
          print_json(nlohmann::json{{"dossiers_seen", report.dossiers_seen}, {"fired", fired},
                                    {"conflicts", report.conflicts}}.dump(2));
          return;
        }
        for (const auto& e : report.fired) {
          std::cout << fmt::format("{} #{} {}: {}\n", e.dossier_id, e.sequence,
                                   runtime::event_type_name(e.type), e.action);
        }
        std::cout << fmt::format("{} timer(s) fired over {} open dossier(s)\n", report.fired.size(),
                                 report.dossiers_seen);
        for (const auto& id : report.conflicts) {
          std::cerr << fmt::format("regflow: {} was changed by someone else during tick; the next tick will see it\n", id);
        }
      });

  app.add_subcommand("verify", "Check every dossier's hash chain; name the first broken event")
      ->group("Maintenance")
      ->callback([&ctx] {
        const auto report = ctx.store().verify();
        if (ctx.options.json) {
          nlohmann::json problems = nlohmann::json::array();
          for (const auto& p : report.problems) {
            problems.push_back({{"dossier", p.dossier_id}, {"seq", p.sequence}, {"reason", p.reason}});
          }
          print_json(nlohmann::json{{"dossiers", report.dossiers}, {"events", report.events},
                                    {"problems", problems}}.dump(2));
        } else if (report.problems.empty()) {
          std::cout << fmt::format("ok: {} dossier(s), {} event(s), every hash chain intact\n",
                                   report.dossiers, report.events);
        } else {
          for (const auto& p : report.problems) {
            std::cout << fmt::format("BROKEN {} event #{}: {}\n", p.dossier_id, p.sequence, p.reason);
          }
          std::cout << fmt::format("{} of {} dossier(s) have a broken chain\n", report.problems.size(),
                                   report.dossiers);
        }
        if (!report.problems.empty()) ctx.exit_code = ExitCode::Refused;
      });
}

}  // namespace regflow::cli
