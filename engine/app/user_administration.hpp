// Administering users after they are registered: deactivating one who moved to another office,
// who may set whose password, and the agencies with their users. The same rules hold for the
// command line and the web; the shells pass the request and the person asking (`by`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/load/config_set.hpp"
#include "engine/model/message.hpp"
#include "engine/runtime/command.hpp"
#include "engine/store/store.hpp"

namespace regflow::app {

/// Deactivates `name`: they can no longer sign in or act, their sessions end, and every event
/// they wrote keeps naming them. Once an administrator is designated only an administrator
/// (`by`) may, and not on themselves (that would lock them out). Throws InputError, writing
/// nothing, for an unknown or already deactivated user and for a `by` who may not.
void deactivate_user(const load::ConfigSet& config, store::Store& store, const std::string& name,
                     const std::optional<runtime::Actor>& by, time::Instant now);

/// Throws InputError unless `by` may set `name`'s password: the user themselves, or an
/// administrator (anyone, before an administrator is designated). `name` must be registered.
void check_may_set_password(const load::ConfigSet& config, const store::Store& store,
                            const std::string& name, const std::optional<runtime::Actor>& by);

/// The refusal for a deactivated user who tries to act or sign in (none while they are active).
std::optional<model::Message> deactivated_refusal(const load::ConfigSet& config,
                                                  const store::Store& store,
                                                  const std::string& name);

/// Who asked, for a refusal of an administrator's task: "'ani' has the role 'staf'", or that no
/// registered user is acting.
model::Message who_is_acting(const std::optional<runtime::Actor>& by);

/// Whether any registered, active (not deactivated) user's role may administer.
bool administrators_designated(const load::ConfigSet& config, const store::Store& store);

/// One agency of the definitions with the users registered for it.
struct AgencyUsers {
  const model::Agency* agency = nullptr;
  std::vector<store::UserRecord> active;
  std::vector<store::UserRecord> deactivated;
};

/// Every agency of the loaded definitions, in code order, with its users.
std::vector<AgencyUsers> agencies_with_users(const load::ConfigSet& config,
                                             const store::Store& store);

}  // namespace regflow::app
