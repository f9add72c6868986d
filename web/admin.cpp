// Administration in the browser, for users whose role may administer: register a user with a
// first password, set another user's password, deactivate a user, and see the agencies with
// their users and what each role may do. Every change is the engine/app call the command line
// makes (`regflow user add|passwd|deactivate`, `regflow agencies`), with the signed-in
// administrator as the one asking; its refusals are shown in its own words.
#include <fmt/format.h>

#include "cli/render/dates.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/user_administration.hpp"
#include "engine/app/user_registration.hpp"
#include "engine/auth/password.hpp"
#include "engine/model/error.hpp"
#include "web/handlers.hpp"
#include "web/web_app.hpp"
#include "web/words.hpp"

namespace regflow::web {
namespace {

bool is_admin(const Call& call) {
  return call.user &&
         call.app.config().settings.roles.allows(call.user->role, model::Permission::Administer);
}

std::string field(const Call& call, const std::string& name) {
  const auto it = call.form.find(name);
  return it == call.form.end() ? std::string{} : it->second;
}

nlohmann::json role_view(const model::UserRole& role) {
  nlohmann::json view = {{"name", role.name}, {"title", role.title}};
  for (const auto p : role.may) view["may_" + model::permission_name(p)] = true;
  return view;
}

nlohmann::json admin_view(Call& call) {
  const auto& config = call.app.config();
  auto& store = call.store();
  nlohmann::json users = nlohmann::json::array();
  for (const auto& u : store.users()) {
    const auto deactivated = store.deactivated_at(u.name);
    users.push_back({{"name", u.name},
                     {"agencies", fmt::format("{}", fmt::join(u.agencies, ", "))},
                     {"role", u.role},
                     {"active", !deactivated},
                     {"deactivated_on", deactivated ? cli::render::date_text(time::local_date(
                                                          *deactivated, config.settings.offset))
                                                    : std::string{}},
                     {"self", u.name == call.user->name}});
  }
  nlohmann::json agencies = nlohmann::json::array();
  for (const auto& entry : app::agencies_with_users(config, store)) {
    nlohmann::json members = nlohmann::json::array();
    for (const auto& u : entry.active) members.push_back({{"name", u.name}, {"role", u.role}});
    nlohmann::json former = nlohmann::json::array();
    for (const auto& u : entry.deactivated) former.push_back({{"name", u.name}, {"role", u.role}});
    agencies.push_back({{"code", entry.agency->code},
                        {"name", entry.agency->name},
                        {"outside", entry.agency->outside},
                        {"parent", entry.agency->parent},
                        {"users", members},
                        {"former", former},
                        {"has_users", !members.empty() || !former.empty()}});
  }
  // The form offers first the role that may act with the fewest other permissions: an
  // administrator is made on purpose, never by leaving a choice list as it was.
  const auto& directory = config.settings.roles;
  std::string least;
  std::size_t fewest = 0;
  for (const auto& name : directory.names()) {
    const auto* role = directory.find(name);
    if (role->allows(model::Permission::Act) && (least.empty() || role->may.size() < fewest)) {
      least = name;
      fewest = role->may.size();
    }
  }
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& name : directory.names()) {
    auto view = role_view(*directory.find(name));
    view["selected"] = name == least;
    roles.push_back(std::move(view));
  }
  return {{"page_title", cli::render::tr("Administration")},
          {"users", users},
          {"agencies", agencies},
          {"roles", roles}};
}

/// Runs an administrative change and shows the page again with what it did (`done`: which
/// template words to say, with its facts), or with the refusal of the rules, in their words.
Response administer(Call& call, const std::function<nlohmann::json()>& change) {
  if (!is_admin(call)) return call.error(403, words::administrators_only(call.user->role));
  nlohmann::json done;
  try {
    done = change();
  } catch (const InputError& refusal) {
    nlohmann::json view = admin_view(call);
    view["refusal"] = cli::render::words(refusal.said());
    return call.page("admin", std::move(view), 422);
  }
  nlohmann::json view = admin_view(call);
  view["done"] = std::move(done);
  return call.page("admin", std::move(view));
}

void set_password(Call& call, const std::string& name, const std::string& password) {
  if (auto problem = auth::password_problem(password)) throw InputError(*problem);
  call.store().set_password_hash(name, auth::hash_password(password));
}

}  // namespace

Response admin_page(Call& call) {
  if (!is_admin(call)) return call.error(403, words::administrators_only(call.user->role));
  return call.page("admin", admin_view(call));
}

Response admin_add_user(Call& call) {
  return administer(call, [&] {
    store::UserRecord user;
    user.name = field(call, "name");
    user.role = field(call, "role");
    for (const auto& [code, agency] : call.app.config().agencies.all()) {
      if (field(call, "agency." + code) == "1") user.agencies.push_back(code);
    }
    const std::string password = field(call, "password");
    // The password is checked before anything is written: a user without one could not sign in.
    if (auto problem = auth::password_problem(password)) throw InputError(*problem);
    call.store().write_transaction([&] {
      app::register_user(call.app.config(), call.store(), user, call.actor());
      set_password(call, user.name, password);
    });
    return nlohmann::json{{"added",
                           {{"name", user.name},
                            {"agencies", fmt::format("{}", fmt::join(user.agencies, ", "))},
                            {"role", user.role}}}};
  });
}

Response admin_set_password(Call& call) {
  return administer(call, [&] {
    const std::string name = field(call, "name");
    app::check_may_set_password(call.app.config(), call.store(), name, call.actor());
    set_password(call, name, field(call, "password"));
    return nlohmann::json{{"password_set", {{"name", name}}}};
  });
}

Response admin_deactivate(Call& call) {
  return administer(call, [&] {
    const std::string name = field(call, "name");
    app::deactivate_user(call.app.config(), call.store(), name, call.actor(), call.now);
    return nlohmann::json{{"deactivated", {{"name", name}}}};
  });
}

}  // namespace regflow::web
