#include "engine/app/user_administration.hpp"

#include <algorithm>

#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::app {
namespace {

bool may_administer(const load::ConfigSet& config, const std::optional<runtime::Actor>& by) {
  return by && config.settings.roles.allows(by->role, model::Permission::Administer);
}

const store::UserRecord& registered(const std::vector<store::UserRecord>& users,
                                    const std::string& name) {
  for (const auto& u : users) {
    if (u.name == name) return u;
  }
  std::vector<std::string> names;
  for (const auto& u : users) names.push_back(u.name);
  throw InputError(model::say("unknown user '{}'{}; 'regflow user list' shows the users", name,
                              model::suggestion(name, names)));
}

}  // namespace

bool administrators_designated(const load::ConfigSet& config, const store::Store& store) {
  // Only an active administrator counts: a deactivated one can act no more, and counting them
  // would leave an installation whose administrators all left with nobody who may register the
  // next one. (The last active administrator cannot deactivate themselves, so an installation
  // in use does not fall back to set-up mode by a deactivation.)
  for (const auto& user : store.users()) {
    if (config.settings.roles.allows(user.role, model::Permission::Administer) &&
        !store.deactivated_at(user.name)) {
      return true;
    }
  }
  return false;
}

void deactivate_user(const load::ConfigSet& config, store::Store& store, const std::string& name,
                     const std::optional<runtime::Actor>& by, time::Instant now) {
  registered(store.users(), name);
  if (administrators_designated(config, store) && !may_administer(config, by)) {
    throw InputError(model::say(
        "refused: only an administrator may deactivate users; {}; roles that may: {}",
        who_is_acting(by),
        model::quoted_list(config.settings.roles.granting(model::Permission::Administer))));
  }
  if (by && by->user == name) {
    throw InputError(model::say(
        "refused: '{}' may not deactivate themselves (nobody could undo it from their account); "
        "another administrator may",
        name));
  }
  store.deactivate_user(name, now);
}

void check_may_set_password(const load::ConfigSet& config, const store::Store& store,
                            const std::string& name, const std::optional<runtime::Actor>& by) {
  registered(store.users(), name);
  if (!administrators_designated(config, store)) return;
  if (by && by->user == name) return;
  if (may_administer(config, by)) return;
  throw InputError(model::say(
      "refused: only '{}' themselves or an administrator may set their password; {}; roles that "
      "may set anyone's: {}",
      name, who_is_acting(by),
      model::quoted_list(config.settings.roles.granting(model::Permission::Administer))));
}

model::Message who_is_acting(const std::optional<runtime::Actor>& by) {
  return by ? model::say("'{}' has the role '{}'", by->user, by->role)
            : model::say(
                  "no registered user is acting (tie your login with --login, or pass --as)");
}

std::optional<model::Message> deactivated_refusal(const load::ConfigSet& config,
                                                  const store::Store& store,
                                                  const std::string& name) {
  const auto at = store.deactivated_at(name);
  if (!at) return std::nullopt;
  return model::say(
      "refused: user '{}' was deactivated on {} and may no longer sign in or act; their "
      "past acts stay in every history; an administrator registers them anew under another "
      "name if they return",
      name, time::format_date(time::local_date(*at, config.settings.offset)));
}

std::vector<AgencyUsers> agencies_with_users(const load::ConfigSet& config,
                                             const store::Store& store) {
  const auto users = store.users();
  std::vector<AgencyUsers> out;
  for (const auto& [code, agency] : config.agencies.all()) {
    AgencyUsers entry;
    entry.agency = &agency;
    for (const auto& user : users) {
      if (std::find(user.agencies.begin(), user.agencies.end(), code) == user.agencies.end()) {
        continue;
      }
      (store.deactivated_at(user.name) ? entry.deactivated : entry.active).push_back(user);
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace regflow::app
