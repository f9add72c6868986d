#include "engine/app/demo.hpp"

#include "engine/app/definition_acceptance.hpp"
#include "engine/app/demo_documents.hpp"
#include "engine/app/user_registration.hpp"

#include <fmt/format.h>

#include "engine/auth/password.hpp"
#include "engine/model/error.hpp"

namespace regflow::app {
namespace {

struct Step {
  const char* date;  ///< local date-time of the action, "YYYY-MM-DDTHH:MM"
  const char* user;
  const char* action;
  const char* note = "";
  std::map<std::string, std::string> sets = {};
};

struct Story {
  const char* workflow;
  const char* title;
  const char* started;  ///< local date-time
  const char* user;
  std::map<std::string, std::string> binds;
  std::map<std::string, std::string> sets;
  const char* within = "";  ///< per-dossier target, e.g. "14d"
  std::vector<Step> steps;
  std::vector<std::pair<const char*, const char*>> ticks = {};  ///< not used: tick runs at the end
};

struct DemoUser {
  const char* name;
  std::vector<std::string> agencies;
  const char* role;
};

#include "engine/app/demo_script.inc"

time::Instant at(const Installation& installation, const char* text) {
  auto parsed = time::parse_instant(text, installation.config().settings.offset);
  if (!parsed) throw Error(fmt::format("demo script: bad date '{}'", text));
  return *parsed;
}

}  // namespace

DemoSummary build_demo(Installation& installation, time::Instant now) {
  DemoSummary summary;
  // One Argon2id hash (with its own salt) for the one known password: hashing it again per
  // user would cost each demo run a second and protect nothing.
  // The sample installation governs by every shipped version of every workflow, as a new
  // installation would after `regflow definitions accept`: its 2021 stories run on the 2021 law and
  // a dossier started in the browser today on today's, without the first one used locking out the
  // other (accepted before any administrator is registered, as at set-up).
  accept_definitions(installation.config(), installation.store(), {}, std::nullopt, false);
  const std::string password_hash = auth::hash_password(kDemoPassword);
  for (const auto& user : kDemoUsers) {
    register_user(installation.config(), installation.store(),
                  {user.name, user.agencies, user.role, {}}, std::nullopt);
    installation.store().set_password_hash(user.name, password_hash);
    ++summary.users;
  }
  for (const auto& story : kDemoStories) {
    const auto started = at(installation, story.started);
    if (started > now) continue;  // the story has not begun yet at this `now`
    runtime::StartCommand start;
    start.title = story.title;
    start.bindings = story.binds;
    start.sets = story.sets;
    if (*story.within != '\0') start.within = time::parse_duration(story.within);
    auto actor = installation.actor(story.user);
    if (!actor) throw Error(fmt::format("demo script: unknown user '{}'", story.user));
    auto outcome = installation.start(story.workflow, start, *actor, started);
    if (std::holds_alternative<runtime::Refusal>(outcome)) {
      throw Error(fmt::format("demo script: could not start '{}'", story.title));
    }
    const auto id = std::get<std::string>(outcome);
    ++summary.dossiers;
    ++summary.events;
    for (const auto& step : story.steps) {
      const auto when = at(installation, step.date);
      if (when > now) break;
      // Timers due before this step fire first, as cron would have fired them.
      summary.events += static_cast<int>(installation.tick(when).fired.size());
      auto who = installation.actor(step.user);
      if (!who) throw Error(fmt::format("demo script: unknown user '{}'", step.user));
      // The papers this step needs (engine/app/demo_documents.cpp), filed just before it.
      summary.events += attach_demo_documents(installation, id, story.title, step.action, *who, when);
      runtime::AdvanceCommand command;
      command.action = step.action;
      command.note = step.note;
      command.sets = step.sets;
      auto result = installation.advance(id, command, *who, when);
      if (auto* refusal = std::get_if<runtime::Refusal>(&result)) {
        throw Error(fmt::format("demo script: '{}' on {} by {} was refused (kind {}, {} {})", step.action, id,
                                step.user, static_cast<int>(refusal->kind), refusal->subject, refusal->found));
      }
      summary.events += static_cast<int>(std::get<std::vector<runtime::Event>>(result).size());
    }
  }
  summary.events += static_cast<int>(installation.tick(now).fired.size());
  return summary;
}

}  // namespace regflow::app
