// The `mini` workflow of tests/data/valid/config, ready for the pure decider: the loaded
// configuration, the prepared workflow, three users, and helpers that decide and fold events
// into a state the way the store would, without a database.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/check/checker.hpp"
#include "engine/load/config_set.hpp"
#include "engine/load/workflow_loader.hpp"
#include "engine/runtime/decide.hpp"
#include "engine/runtime/evolve.hpp"
#include "engine/runtime/executable_workflow.hpp"

namespace regflow::test {

inline std::string mini_text() {
  const auto config = load::load_config(std::string(REGFLOW_TEST_DATA_DIR) + "/valid/config",
                                        *time::parse_date("2026-03-02"));
  return config.find("mini")->source_text;
}

class Mini {
 public:
  /// The fixture as shipped, or with `text` as the workflow (a variant of mini_text()).
  explicit Mini(const std::string& text = {})
      : config_(load::load_config(std::string(REGFLOW_TEST_DATA_DIR) + "/valid/config",
                                  *time::parse_date("2026-03-02"))) {
    if (model::has_errors(config_.diagnostics)) {
      std::string all;
      for (const auto& d : config_.diagnostics) all += model::format_diagnostic(d) + "\n";
      throw std::runtime_error("the mini fixture does not load cleanly:\n" + all);
    }
    if (text.empty()) {
      definition_ = config_.find("mini");
    } else {
      model::Diagnostics ds;
      auto def = load::load_workflow_text("variant.yaml", text, ds);
      if (def) check::check_workflow(*def, config_.agencies, config_.rules, ds);
      if (!def || model::has_errors(ds)) {
        std::string all;
        for (const auto& d : ds) all += model::format_diagnostic(d) + "\n";
        throw std::runtime_error("the mini variant does not load:\n" + all);
      }
      own_ = std::make_unique<model::WorkflowDefinition>(std::move(*def));
      definition_ = own_.get();
    }
    model::Diagnostics ds;
    workflow_ = runtime::prepare(*definition_, config_.rules, ds);
    if (!ds.empty()) throw std::runtime_error("mini guards do not compile");
  }

  const model::WorkflowDefinition& def() const { return *definition_; }
  const load::ConfigSet& config() const { return config_; }
  time::UtcOffset offset() const { return config_.settings.offset; }
  const time::HolidayCalendar& calendar() const { return config_.calendar(); }

  /// A local date-time such as "2026-03-02T10:00" (or a bare date: 09:00 local).
  time::Instant instant(const std::string& local) const {
    auto parsed = time::parse_instant(local, offset());
    if (!parsed) throw std::runtime_error("bad instant in test: " + local);
    return *parsed;
  }

  runtime::DecideContext at(const std::string& local) const {
    return runtime::DecideContext{workflow_, config_.agencies, config_.settings.roles, config_.calendar(), offset(),
                                  instant(local)};
  }

  /// The events of an accepted decision; fails the test on a refusal.
  static std::vector<runtime::Event> accepted(const runtime::Decision& decision) {
    if (const auto* refusal = std::get_if<runtime::Refusal>(&decision)) {
      FAIL("refused: kind " << static_cast<int>(refusal->kind) << " subject '" << refusal->subject
                            << "' found '" << refusal->found << "'");
    }
    return std::get<std::vector<runtime::Event>>(decision);
  }

  /// The refusal of a refused decision; fails the test when it was accepted.
  static runtime::Refusal refused(const runtime::Decision& decision) {
    REQUIRE(std::holds_alternative<runtime::Refusal>(decision));
    return std::get<runtime::Refusal>(decision);
  }

  /// Folds events into the running state and the log.
  void apply(const std::vector<runtime::Event>& events) {
    for (const auto& event : events) {
      runtime::evolve(def(), state, event, offset());
      log.push_back(event);
    }
  }

  void start(const std::string& when, runtime::StartCommand command = {}) {
    if (command.dossier_id.empty()) command.dossier_id = "MINI-2026-0001";
    if (command.title.empty()) command.title = "Pergub UMKM";
    if (command.bindings.empty()) command.bindings["pemrakarsa"] = "dinas-kukm";
    apply(accepted(runtime::decide_start(at(when), command, ani)));
  }

  runtime::Decision try_advance(const std::string& when, const runtime::Actor& actor,
                                const std::string& action, const std::string& note = {},
                                std::map<std::string, std::string> sets = {}) const {
    runtime::AdvanceCommand command;
    command.action = action;
    command.note = note;
    command.sets = std::move(sets);
    return runtime::decide_advance(at(when), state, command, actor);
  }

  void advance(const std::string& when, const runtime::Actor& actor, const std::string& action,
               const std::string& note = {}, std::map<std::string, std::string> sets = {}) {
    apply(accepted(try_advance(when, actor, action, note, std::move(sets))));
  }

  /// Runs tick at `when` and folds what fired.
  std::vector<runtime::Event> tick(const std::string& when) {
    auto fired = runtime::decide_tick(at(when), state);
    apply(fired);
    return fired;
  }

  /// Signs the sign-off step with all three signers.
  void sign_all(const std::string& when) {
    advance(when, ani, "sign");
    advance(when, budi, "sign");
    advance(when, sari, "sign");
  }

  const runtime::Actor ani{"ani", {"dinas-kukm"}, "kepala", {}, std::nullopt};
  const runtime::Actor budi{"budi", {"biro-hukum"}, "kepala", {}, std::nullopt};
  const runtime::Actor sari{"sari", {"sekda"}, "kepala", {}, std::nullopt};
  const runtime::Actor kiki{"kiki", {"kanwil"}, "kepala", {}, std::nullopt};

  runtime::DossierState state;
  std::vector<runtime::Event> log;

 private:
  load::ConfigSet config_;
  std::unique_ptr<model::WorkflowDefinition> own_;
  const model::WorkflowDefinition* definition_ = nullptr;
  runtime::ExecutableWorkflow workflow_;
};

/// mini_text() with the first occurrence of `from` replaced by `to`.
inline std::string mini_with(const std::string& from, const std::string& to) {
  std::string text = mini_text();
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("not in mini.yaml: " + from);
  return text.replace(at, from.size(), to);
}

}  // namespace regflow::test
