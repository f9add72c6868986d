// Registering a user: who may do it, and which names, roles, agencies and logins are accepted.
// The same rules hold for the command line and the web: the shells only pass the request and
// the person asking.
#pragma once

#include <optional>
#include <string>

#include "engine/load/config_set.hpp"
#include "engine/runtime/command.hpp"
#include "engine/store/store.hpp"

namespace regflow::app {

/// Names no person may take: "system" signs the timers' events.
bool is_reserved_user_name(const std::string& name);

/// Registers `user` in `store`. Once any registered user's role may administer, only such a
/// user (`by`) may register others; before that, whoever can write the database sets it up.
/// Throws InputError, writing nothing, for a name that is empty, reserved, too long or not
/// made of letters, digits, '.', '_' and '-'; an unknown role or agency; a malformed login;
/// a name or login already taken; or a `by` who may not administer.
void register_user(const load::ConfigSet& config, store::Store& store,
                   const store::UserRecord& user, const std::optional<runtime::Actor>& by);

}  // namespace regflow::app
