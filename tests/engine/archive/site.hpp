// One installation for the archive tests: a configuration folder loaded and checked, an
// in-memory database, and the application service over both, with helpers that drive dossiers
// the way the CLI does and fail the test on a refusal.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <stdexcept>
#include <string>
#include <variant>

#include "engine/app/installation.hpp"
#include "engine/load/config_set.hpp"
#include "engine/store/store.hpp"

namespace regflow::test {

inline std::string mini_config_dir() {
  return std::string(REGFLOW_TEST_DATA_DIR) + "/valid/config";
}
inline std::string shipped_config_dir() {
  return std::string(REGFLOW_SOURCE_DIR);
}

class Site {
 public:
  explicit Site(const std::string& config_dir = mini_config_dir())
      : config_(load::load_config(config_dir, *time::parse_date("2026-03-02"))),
        store_(store::Store::in_memory()),
        installation_(config_, store_) {
    if (model::has_errors(config_.diagnostics)) {
      throw std::runtime_error("test configuration '" + config_dir + "' does not load cleanly: " +
                               model::format_diagnostic(config_.diagnostics.front()));
    }
  }
  Site(const Site&) = delete;
  Site& operator=(const Site&) = delete;

  app::Installation& installation() { return installation_; }
  store::Store& store() { return store_; }
  const load::ConfigSet& config() const { return config_; }

  time::Instant at(const std::string& local) const {
    auto parsed = time::parse_instant(local, config_.settings.offset);
    if (!parsed) throw std::runtime_error("bad instant in test: " + local);
    return *parsed;
  }

  runtime::Actor actor(const std::string& name) {
    auto found = installation_.actor(name);
    if (!found) throw std::runtime_error("no test user " + name);
    return *found;
  }

  std::string start(const std::string& workflow, const std::string& user, const std::string& when,
                    const std::string& title = "Pergub UMKM") {
    runtime::StartCommand command;
    command.title = title;
    command.bindings = {{"pemrakarsa", "dinas-kukm"}};
    auto outcome = installation_.start(workflow, command, actor(user), at(when));
    if (const auto* refusal = std::get_if<runtime::Refusal>(&outcome)) {
      FAIL("start refused: kind " << static_cast<int>(refusal->kind) << " " << refusal->subject);
    }
    return std::get<std::string>(outcome);
  }

  void advance(const std::string& id, const std::string& action, const std::string& user,
               const std::string& when, const std::string& note = "") {
    runtime::AdvanceCommand command;
    command.action = action;
    command.note = note;
    auto outcome = installation_.advance(id, command, actor(user), at(when));
    if (const auto* refusal = std::get_if<runtime::Refusal>(&outcome)) {
      FAIL(action << " on " << id << " refused: kind " << static_cast<int>(refusal->kind) << " "
                  << refusal->subject);
    }
  }

  void extend(const std::string& id, const std::string& deadline, const std::string& to,
              const std::string& user, const std::string& when) {
    runtime::ExtendCommand command;
    command.deadline = deadline;
    command.to = *time::parse_date(to);
    command.reason = "menunggu rapat pimpinan";
    auto outcome = installation_.extend(id, command, actor(user), at(when));
    if (const auto* refusal = std::get_if<runtime::Refusal>(&outcome)) {
      FAIL("extend of " << id << " refused: kind " << static_cast<int>(refusal->kind) << " "
                        << refusal->subject);
    }
  }

 private:
  load::ConfigSet config_;
  store::Store store_;
  app::Installation installation_;
};

/// A mini dossier with everything an archive must carry: a sign-off with two signatures, a
/// return for revision (a paused deadline), a second round, a completed sign-off and an
/// extended deadline.
inline std::string full_mini_dossier(Site& site) {
  site.store().add_user({"ani", {"dinas-kukm"}, "staf", {}});
  site.store().add_user({"budi", {"biro-hukum"}, "kepala", {}});
  site.store().add_user({"fery", {"sekda"}, "kepala", {}});
  const std::string id = site.start("mini", "ani", "2026-03-02T09:00");
  site.advance(id, "ajukan", "ani", "2026-03-03T09:00");
  site.advance(id, "sign", "ani", "2026-03-03T10:00");
  site.advance(id, "kembalikan", "budi", "2026-03-04T09:00", "pasal 2 bertentangan");
  site.advance(id, "ajukan", "ani", "2026-03-06T09:00");
  site.advance(id, "sign", "ani", "2026-03-06T10:00");
  site.advance(id, "sign", "budi", "2026-03-09T10:00");
  site.advance(id, "sign", "fery", "2026-03-10T10:00");
  site.extend(id, "harmonisasi", "2026-04-30", "budi", "2026-03-11T09:00");
  return id;
}

}  // namespace regflow::test
