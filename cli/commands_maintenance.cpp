// tick and verify: run by cron and by auditors.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "cli/commands.hpp"
#include "cli/render/dossier.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/sealing.hpp"
#include "engine/model/error.hpp"

namespace regflow::cli {
namespace {

// What a timer did, in the reader's words (the English words are the event types' names).
std::string fired_word(runtime::EventType type) {
  if (type == runtime::EventType::ReminderSent) return render::tr("reminder");
  if (type == runtime::EventType::Escalated) return render::tr("escalated");
  if (type == runtime::EventType::AutoTransition) return render::tr("auto-transition");
  return runtime::event_type_name(type);
}

// `--json` keeps the English text of what the engine said.
std::vector<std::string> english_texts(const std::vector<model::Message>& said) {
  std::vector<std::string> out;
  for (const auto& m : said) out.push_back(model::english(m));
  return out;
}

}  // namespace

void add_maintenance_commands(CLI::App& app, Context& ctx) {
  app.add_subcommand(
         "tick",
         render::tr("Fire due timers: reminders, escalations, automatic transitions; record "
                    "deadlines a holiday decree moved (idempotent)"))
      ->group(render::tr("Maintenance"))
      ->footer(render::tr(
          "Example (cron, every 5 minutes): regflow tick --db /var/lib/regflow/babel.db"))
      ->callback([&ctx] {
        ctx.check_clock_for_writing();
        // Lines are printed as each batch commits, so a tick that fires on most of a large
        // database holds only one batch in memory; --json gathers them for its one array.
        nlohmann::json fired = nlohmann::json::array();
        std::int64_t moved = 0;  // deadlines moved by a change of calendar, not timers
        std::set<std::string> timer_dossiers;  // the dossiers a timer fired on
        const auto report =
            ctx.installation().tick(ctx.now(), [&](const std::vector<runtime::Event>& events) {
              for (const auto& e : events) {
                if (e.type == runtime::EventType::DeadlineRecomputed) {
                  ++moved;
                } else {
                  timer_dossiers.insert(e.dossier_id);
                }
                if (ctx.options.json) {
                  fired.push_back(render::event_json(e));
                } else if (e.type == runtime::EventType::DeadlineRecomputed) {
                  std::cout << fmt::format("{} #{} {}\n", e.dossier_id, e.sequence,
                                           render::describe_event(e));
                } else {
                  std::cout << fmt::format("{} #{} {}: {}\n", e.dossier_id, e.sequence,
                                           fired_word(e.type), e.action);
                }
              }
            });
        // Cron mails what a job writes on stderr; the exit status says the tick was incomplete.
        for (const auto& [id, why] : report.skipped) {
          std::cerr << render::trf("regflow: {} skipped, its timers did not fire: {}\n", id,
                                   render::words(why));
        }
        if (!report.skipped.empty()) ctx.exit_code = ExitCode::Refused;
        if (ctx.options.json) {
          nlohmann::json skipped = nlohmann::json::array();
          for (const auto& [id, why] : report.skipped) {
            skipped.push_back({{"dossier", id}, {"reason", model::english(why)}});
          }
          const nlohmann::json out{{"dossiers_seen", report.dossiers_seen},
                                   {"recomputed_all", report.recomputed_all},
                                   {"recomputed", report.recomputed},
                                   {"skipped", skipped},
                                   {"fired", fired}};
          print_json(out);
          return;
        }
        const std::int64_t timers = report.fired_count - moved;
        if (moved > 0) {
          std::cout << render::trf("{} deadline(s) moved by a change of the holiday calendar\n",
                                   moved);
        }
        if (report.recomputed_all) {
          std::cout << render::trf(
              "{} timer(s) fired; the deadlines of all {} open dossier(s) were recomputed (the "
              "first tick on this database, the holiday calendar changed, or the last tick "
              "skipped a dossier)\n",
              timers, report.dossiers_seen);
        } else {
          // A dossier is examined when a timer or a calendar decree is due on it: say which
          // did what, not that every one had a timer due.
          std::cout << render::trf(
                           "{} timer(s) fired on {} dossier(s); {} dossier(s) examined because a "
                           "timer or a calendar decree was due",
                           timers, timer_dossiers.size(), report.dossiers_seen)
                    << "\n";
        }
      });

  app.add_subcommand(
         "verify",
         render::tr("Check every hash chain, saved state, dossier row and signed checkpoint; name "
                    "what is false"))
      ->group(render::tr("Maintenance"))
      ->callback([&ctx] {
        // The checkpoint log proves what a chain alone cannot: that none was cut short or
        // rewritten whole and hashed again since it was signed.
        const auto checkpoints =
            app::read_checkpoints(ctx.store(), seal::trust_files(ctx.db_path()));
        const auto report =
            ctx.store().verify(checkpoints.sealed ? &checkpoints.log.signed_heads : nullptr);
        // A saved state that is not what the events give would mislead the next decision; it is
        // dropped (the events are the record) and reported as an edit outside regflow.
        std::vector<std::string> false_states;
        std::optional<std::string> states_unchecked;
        // The rows the board reads must be what the events give, too.
        std::optional<app::ProjectionReport> rows;
        try {
          false_states = ctx.installation().drop_false_snapshots();
          std::set<std::string> broken;
          for (const auto& p : report.problems) broken.insert(p.dossier_id);
          rows = ctx.installation().check_projections(broken, ctx.today());
          // False statistics facts are reported, and saved again from the events (the record),
          // as false saved states are dropped above.
          std::vector<std::string> false_facts;
          for (const auto& m : rows->mismatches) {
            if (m.column == "statistics_facts") false_facts.push_back(m.dossier_id);
          }
          if (!false_facts.empty()) ctx.installation().refold_statistics_facts(false_facts);
        } catch (const regflow::Error& e) {
          states_unchecked = render::words(e.said());
        }
        const bool false_rows = rows && !rows->mismatches.empty();
        const bool false_documents = !report.document_problems.empty();
        // What the users table can prove of who acted: not that they were allowed to (that is
        // the definition's and the decider's), only that they were registered for the agency.
        const auto actors = ctx.store().actor_mismatches();
        std::set<std::string> actor_dossiers;
        for (const auto& a : actors) actor_dossiers.insert(a.dossier_id);
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
          nlohmann::json documents = nlohmann::json::array();
          for (const auto& p : report.document_problems) {
            documents.push_back(
                {{"dossier", p.dossier_id}, {"seq", p.sequence}, {"reason", p.reason}});
          }
          out["documents"] = report.documents;
          out["document_problems"] = documents;
          nlohmann::json mismatches = nlohmann::json::array();
          if (rows) {
            for (const auto& m : rows->mismatches) {
              mismatches.push_back({{"dossier", m.dossier_id},
                                    {"column", m.column},
                                    {"stored", m.stored},
                                    {"expected", m.expected}});
            }
          }
          out["false_rows"] = mismatches;
          nlohmann::json unregistered = nlohmann::json::array();
          for (const auto& a : actors) {
            unregistered.push_back({{"dossier", a.dossier_id},
                                    {"seq", a.sequence},
                                    {"actor", a.actor},
                                    {"agency", a.agency},
                                    {"registered", a.registered}});
          }
          out["actors_not_registered_here"] = unregistered;
          out["deadlines_compared"] = rows && rows->deadlines_compared;
          out["checkpoints"] = {{"sealed", checkpoints.sealed},
                                {"count", checkpoints.log.checkpoints},
                                {"last_at", checkpoints.log.last_at},
                                {"key", checkpoints.fingerprint},
                                {"problems", english_texts(checkpoints.problems)}};
          print_json(out);
        } else {
          for (const auto& p : report.problems) {
            std::cout << render::trf("BROKEN {} event #{}: {}\n", p.dossier_id, p.sequence,
                                     render::words(p.said));
          }
          for (const auto& p : report.document_problems) {
            std::cout << render::trf("FALSE DOCUMENT {} event #{}: {}\n", p.dossier_id, p.sequence,
                                     render::words(p.said));
          }
          for (const auto& id : false_states) {
            std::cout << render::trf(
                "FALSE STATE {}: its saved state is not what its events give (edited outside "
                "regflow); dropped, the next command replays the events\n",
                id);
          }
          if (rows) {
            for (const auto& m : rows->mismatches) {
              std::cout << render::trf(
                  "FALSE ROW {} {}: stored '{}', its events give '{}' (edited outside regflow)\n",
                  m.dossier_id, m.column, m.stored, m.expected);
            }
            for (const auto& [id, why] : rows->skipped) {
              std::cout << render::trf("NOT CHECKED {}: {}\n", id, render::words(why));
            }
          }
          for (const auto& problem : checkpoints.problems) {
            std::cout << render::trf("CHECKPOINTS: {}\n", render::words(problem));
          }
          if (report.problems.empty() && false_states.empty() && !false_rows &&
              checkpoints.problems.empty() && !false_documents) {
            std::cout << (states_unchecked
                              ? render::trf("ok: {} dossier(s), {} event(s), every hash chain "
                                            "intact\n",
                                            report.dossiers, report.events)
                              : render::trf("ok: {} dossier(s), {} event(s), every hash chain "
                                            "intact, every saved state true to its events\n",
                                            report.dossiers, report.events));
          } else if (!report.problems.empty()) {
            std::cout << render::trf("{} of {} dossier(s) have a broken chain\n",
                                     report.problems.size(), report.dossiers);
          } else if (!false_rows && !checkpoints.problems.empty()) {
            std::cout << render::trf(
                "{} dossier(s), {} event(s), every hash chain intact, but what the checkpoint log "
                "signed cannot be checked (see above)\n",
                report.dossiers, report.events);
          } else if (false_rows) {
            std::cout << render::trf(
                "{} stored value(s) differ from what the events give; the board shows them until "
                "the dossier's next action\n",
                rows->mismatches.size());
          }
          if (false_documents) {
            std::cout << render::trf(
                "{} attached document(s) missing or altered: their bytes are not what the "
                "dossier's hash chain recorded\n",
                report.document_problems.size());
          } else if (report.documents > 0) {
            std::cout << render::trf(
                "documents: {} stored, each still matching the SHA-256 its attach event "
                "recorded\n",
                report.documents);
          }
          if (rows && !false_rows && report.problems.empty()) {
            std::cout << (rows->deadlines_compared
                              ? render::tr("rows: every dossier row, running deadline and next "
                                           "timer day is what the events give\n")
                              : render::tr("rows: every dossier row is what the events give; "
                                           "deadlines not compared: computed with another "
                                           "holiday calendar, or no tick yet — run 'regflow "
                                           "tick'\n"));
          }
          if (!actors.empty()) {
            const auto& a = actors.front();
            std::cout << render::trf(
                "note: {} event(s) in {} dossier(s) name an actor not registered here for the "
                "agency they record (first: {} #{} by '{}' for '{}'); expected for dossiers "
                "imported from another installation, otherwise written outside regflow "
                "(--json lists them)\n",
                actors.size(), actor_dossiers.size(), a.dossier_id, a.sequence, a.actor, a.agency);
          }
          if (!checkpoints.sealed) {
            std::cout << render::tr(
                "not sealed: no signed checkpoint proves that no chain was "
                "cut short or rewritten; run 'regflow seal'\n");

          } else if (checkpoints.problems.empty() && report.problems.empty()) {
            std::cout << render::trf(
                "sealed: every chain passes through what its checkpoints signed ({} "
                "checkpoint(s), the last at {}, key {})\n",
                checkpoints.log.checkpoints, checkpoints.log.last_at, checkpoints.fingerprint);
          }
        }
        if (states_unchecked) {
          std::cerr << render::trf("regflow: saved states and dossier rows not checked: {}\n",
                                   *states_unchecked);
        }
        if (!report.problems.empty() || !false_states.empty() || !checkpoints.problems.empty() ||
            false_rows || false_documents) {
          ctx.exit_code = ExitCode::Refused;
        }
      });
}

}  // namespace regflow::cli
