// A legal bureau on the shipped configuration (workflows/ and rules/ of the repository), with an
// in-memory database and one user per agency: the tests drive dossiers through the real Perda,
// Pergub and kerja sama procedures exactly as `regflow advance` would, at given local times.
#pragma once

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "engine/app/demo_documents.hpp"
#include "engine/app/installation.hpp"
#include "engine/deadline/status.hpp"
#include "engine/load/config_set.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/runtime/state_snapshot.hpp"
#include "engine/store/store.hpp"
#include "engine/time/date.hpp"
#include "engine/time/day_unit.hpp"
#include "tests/support/dates.hpp"

namespace regflow::test {

class Bureau {
 public:
  Bureau()
      : config_(load::load_config(REGFLOW_SOURCE_DIR, date("2026-01-05"))),
        store_(store::Store::in_memory()),
        installation_(config_, store_) {
    for (const auto& d : config_.diagnostics) {
      INFO(d.message);
      REQUIRE(d.severity != model::Severity::Error);
    }
    // Users are named after the agency they work for.
    for (const char* agency :
         {"gubernur", "sekda", "asisten-perekonomian", "biro-hukum", "biro-pemerintahan", "tkksd",
          "dinas-kukm", "bapenda", "bpkad", "bappeda"}) {
      store_.add_user({agency, {agency}, "staf", {}});
    }
  }

  time::Instant at(const std::string& local) const {
    auto parsed = time::parse_instant(local, config_.settings.offset);
    if (!parsed) throw std::invalid_argument("bad test instant " + local);
    return *parsed;
  }

  std::string start(const std::string& workflow, const std::string& when, const std::string& user,
                    std::map<std::string, std::string> bindings,
                    std::map<std::string, std::string> sets = {}, const char* within = "") {
    runtime::StartCommand command;
    if (*within != '\0') command.within = time::parse_duration(within);
    command.title = "Uji " + workflow;
    command.bindings = std::move(bindings);
    command.sets = std::move(sets);
    auto outcome = installation_.start(workflow, command, *installation_.actor(user), at(when));
    REQUIRE(std::holds_alternative<std::string>(outcome));
    return std::get<std::string>(outcome);
  }

  /// Takes an action that must be accepted; returns the events it wrote.
  std::vector<runtime::Event> act(const std::string& id, const std::string& when,
                                  const std::string& user, const std::string& action,
                                  const std::string& note = "",
                                  std::map<std::string, std::string> sets = {}) {
    // The bureau files what the step requires first, as people do (the requirement itself is
    // tested in tests/engine/runtime/documents_test.cpp); these tests are about paths and dates.
    app::attach_required_documents(installation_, id, *installation_.actor(user), at(when));
    auto outcome = attempt(id, when, user, action, note, std::move(sets));
    if (auto* refusal = std::get_if<runtime::Refusal>(&outcome)) {
      FAIL("'" << action << "' by " << user << " at " << when << " in step " << step(id)
               << " was refused (kind " << static_cast<int>(refusal->kind) << ", "
               << refusal->subject << " / " << refusal->found << " / " << refusal->detail << ")");
    }
    check_snapshot(id);
    return std::get<std::vector<runtime::Event>>(outcome);
  }

  /// The state a decision reads (from the saved snapshot) is exactly the state the events
  /// replay to: every test that acts on a dossier checks this after each action.
  void check_snapshot(const std::string& id) {
    const auto saved = store_.snapshot(id);
    REQUIRE(saved.has_value());
    const auto replayed = installation_.read(id);
    REQUIRE(replayed.has_value());
    const auto saved_state = runtime::decode_snapshot(saved->state);
    REQUIRE(saved_state.has_value());
    CHECK(saved_state->version == replayed->state.version);
    const auto decided = installation_.read_state(id);
    REQUIRE(decided.has_value());
    CHECK(decided->state == replayed->state);
  }

  app::AdvanceOutcome attempt(const std::string& id, const std::string& when,
                              const std::string& user, const std::string& action,
                              const std::string& note = "",
                              std::map<std::string, std::string> sets = {}) {
    runtime::AdvanceCommand command;
    command.action = action;
    command.note = note;
    command.sets = std::move(sets);
    return installation_.advance(id, command, *installation_.actor(user), at(when));
  }

  /// The refusal of an action that must be refused.
  runtime::Refusal refusal(const std::string& id, const std::string& when, const std::string& user,
                           const std::string& action, const std::string& note = "") {
    auto outcome = attempt(id, when, user, action, note);
    REQUIRE(std::holds_alternative<runtime::Refusal>(outcome));
    return std::get<runtime::Refusal>(outcome);
  }

  app::TickReport tick(const std::string& when) {
    auto report = installation_.tick(at(when));
    for (const auto& event : report.fired) check_snapshot(event.dossier_id);
    return report;
  }

  runtime::DossierState state(const std::string& id) {
    auto dossier = installation_.read(id);
    REQUIRE(dossier.has_value());
    return dossier->state;
  }
  std::string step(const std::string& id) { return state(id).step; }

  /// The deadline `clock` of a dossier as the board would show it on `today`.
  deadline::DeadlineView deadline(const std::string& id, const std::string& clock,
                                  const char* today) {
    auto dossier = installation_.read(id);
    REQUIRE(dossier.has_value());
    for (const auto& view : deadline::evaluate_all(*dossier->definition, dossier->state,
                                                   config_.calendar(), test::date(today))) {
      if (view.clock->id == clock) {
        last_views_ = std::move(dossier);  // the view points into this dossier's state
        return view;
      }
    }
    FAIL("no deadline '" << clock << "' on " << id << " in step " << dossier->state.step);
    return {};
  }

  /// The due date of a deadline, as text (readable in failure messages).
  std::string due(const std::string& id, const std::string& clock, const char* today) {
    auto view = deadline(id, clock, today);
    REQUIRE(view.due.has_value());
    return time::format_date(*view.due);
  }

  std::vector<runtime::Event> events(const std::string& id) {
    return installation_.read(id)->events;
  }
  const load::ConfigSet& config() const { return config_; }
  store::Store& store() { return store_; }
  app::Installation& installation() { return installation_; }

 private:
  load::ConfigSet config_;
  store::Store store_;
  app::Installation installation_;
  std::optional<app::Dossier> last_views_;
};

}  // namespace regflow::test
