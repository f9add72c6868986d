#include "engine/app/user_registration.hpp"

#include <algorithm>

#include "engine/app/user_administration.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::app {
namespace {

constexpr std::size_t kLongestName = 64;

bool is_name_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '_' || c == '-';
}

void check_name(const std::string& name) {
  if (name.empty()) throw InputError(model::say("a user name must not be empty; give e.g. 'sari'"));
  if (name.size() > kLongestName) {
    throw InputError(model::say("user name '{}…' is {} characters long; at most {} are accepted",
                                name.substr(0, 16), name.size(), kLongestName));
  }
  if (!std::all_of(name.begin(), name.end(), is_name_character) || name.front() == '-') {
    throw InputError(model::say(
        "user name '{}' is not accepted; a name is made of letters, digits, '.', '_' and '-' "
        "(not starting with '-'), e.g. 'sari' or 'budi.santoso'",
        name));
  }
  if (is_reserved_user_name(name)) {
    throw InputError(model::say(
        "user name '{}' is reserved (regflow signs the timers' events with it); choose another",
        name));
  }
}

// POSIX portable user names, as useradd accepts them by default.
void check_login(const std::string& login) {
  if (login.empty()) return;
  const bool well_formed =
      login.size() <= 32 && (std::islower(static_cast<unsigned char>(login.front())) != 0 ||
                             login.front() == '_') &&
      std::all_of(login.begin(), login.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               c == '.';
      });
  if (!well_formed) {
    throw InputError(model::say(
        "--login '{}' is not an operating-system account name; give one as 'id -un' prints it "
        "(lower-case letters, digits, '_', '-', '.', starting with a letter or '_')",
        login));
  }
}

}  // namespace

bool is_reserved_user_name(const std::string& name) {
  return name == "system";
}

void register_user(const load::ConfigSet& config, store::Store& store,
                   const store::UserRecord& user, const std::optional<runtime::Actor>& by) {
  const auto& roles = config.settings.roles;
  if (administrators_designated(config, store) &&
      (!by || !roles.allows(by->role, model::Permission::Administer))) {
    throw InputError(model::say(
        "refused: only an administrator may register users; {}; roles that may: {}",
        who_is_acting(by), model::quoted_list(roles.granting(model::Permission::Administer))));
  }
  check_name(user.name);
  if (roles.find(user.role) == nullptr) {
    throw InputError(model::say("unknown role '{}'{}; roles: {} (declared in settings.yaml)",
                                user.role, model::suggestion(user.role, roles.names()),
                                model::quoted_list(roles.names())));
  }
  if (user.agencies.empty()) {
    throw InputError(model::say("user '{}' needs an agency; give one with --agency", user.name));
  }
  for (const auto& agency : user.agencies) {
    if (!config.agencies.contains(agency)) {
      throw InputError(model::say("unknown agency '{}'{}; see workflows/agencies.yaml", agency,
                                  model::suggestion(agency, config.agencies.codes())));
    }
  }
  check_login(user.login);
  store.add_user(user);
}

}  // namespace regflow::app
