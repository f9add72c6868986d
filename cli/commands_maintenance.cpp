// tick and verify: run by cron and by auditors.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/commands.hpp"
#include "cli/render/dossier.hpp"
#include "engine/model/error.hpp"

namespace regflow::cli {

void add_maintenance_commands(CLI::App& app, Context& ctx) {
  app.add_subcommand("tick",
                     "Fire due timers: reminders, escalations, automatic transitions (idempotent)")
      ->group("Maintenance")
      ->footer("Example (cron, every 5 minutes): regflow tick --db /var/lib/regflow/babel.db")
      ->callback([&ctx] {
        ctx.check_clock_for_writing();
        // Lines are printed as each batch commits, so a tick that fires on most of a large
        // database holds only one batch in memory; --json gathers them for its one array.
        nlohmann::json fired = nlohmann::json::array();
        const auto report =
            ctx.installation().tick(ctx.now(), [&](const std::vector<runtime::Event>& events) {
              for (const auto& e : events) {
                if (ctx.options.json) {
                  fired.push_back(render::event_json(e));
                } else {
                  std::cout << fmt::format("{} #{} {}: {}\n", e.dossier_id, e.sequence,
                                           runtime::event_type_name(e.type), e.action);
                }
              }
            });
        // Cron mails what a job writes on stderr; the exit status says the tick was incomplete.
        for (const auto& [id, why] : report.skipped) {
          std::cerr << fmt::format("regflow: {} skipped, its timers did not fire: {}\n", id, why);
        }
        if (!report.skipped.empty()) ctx.exit_code = ExitCode::Refused;
        if (ctx.options.json) {
          nlohmann::json skipped = nlohmann::json::array();
          for (const auto& [id, why] : report.skipped) {
            skipped.push_back({{"dossier", id}, {"reason", why}});
          }
          const nlohmann::json out{{"dossiers_seen", report.dossiers_seen},
                                   {"recomputed_all", report.recomputed_all},
                                   {"recomputed", report.recomputed},
                                   {"skipped", skipped},
                                   {"fired", fired}};
          print_json(out);
          return;
        }
        if (report.recomputed_all) {
          std::cout << fmt::format(
              "{} timer(s) fired; the deadlines of all {} open dossier(s) were recomputed (the "
              "first tick on this database, the holiday calendar changed, or the last tick "
              "skipped a dossier)\n",
              report.fired_count, report.dossiers_seen);
        } else {
          std::cout << fmt::format("{} timer(s) fired on {} dossier(s) with a timer due\n",
                                   report.fired_count, report.dossiers_seen);
        }
      });

  app.add_subcommand(
         "verify", "Check every dossier's hash chain and saved state; name the first broken event")
      ->group("Maintenance")
      ->callback([&ctx] {
        const auto report = ctx.store().verify();
        // A saved state that is not what the events give would mislead the next decision; it is
        // dropped (the events are the record) and reported as an edit outside regflow.
        std::vector<std::string> false_states;
        std::optional<std::string> states_unchecked;
        try {
          false_states = ctx.installation().drop_false_snapshots();
        } catch (const regflow::Error& e) {
          states_unchecked = e.what();
        }
        if (ctx.options.json) {
          nlohmann::json problems = nlohmann::json::array();
          for (const auto& p : report.problems) {
            problems.push_back(
                {{"dossier", p.dossier_id}, {"seq", p.sequence}, {"reason", p.reason}});
          }
          nlohmann::json out{{"dossiers", report.dossiers},
                             {"events", report.events},
                             {"problems", problems},
                             {"false_states", false_states}};
          out["states_checked"] = !states_unchecked.has_value();
          print_json(out);
        } else {
          for (const auto& p : report.problems) {
            std::cout << fmt::format("BROKEN {} event #{}: {}\n", p.dossier_id, p.sequence,
                                     p.reason);
          }
          for (const auto& id : false_states) {
            std::cout << fmt::format(
                "FALSE STATE {}: its saved state is not what its events give (edited outside "
                "regflow); dropped, the next command replays the events\n",
                id);
          }
          if (report.problems.empty() && false_states.empty()) {
            std::cout << fmt::format(
                "ok: {} dossier(s), {} event(s), every hash chain intact{}\n", report.dossiers,
                report.events, states_unchecked ? "" : ", every saved state true to its events");
          } else if (!report.problems.empty()) {
            std::cout << fmt::format("{} of {} dossier(s) have a broken chain\n",
                                     report.problems.size(), report.dossiers);
          }
        }
        if (states_unchecked) {
          std::cerr << fmt::format("regflow: saved states not checked: {}\n", *states_unchecked);
        }
        if (!report.problems.empty() || !false_states.empty()) ctx.exit_code = ExitCode::Refused;
      });
}

}  // namespace regflow::cli
