// user deactivate, agencies: administering the people who use regflow, and showing the
// agencies, their users and what each role may do.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/render/table.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/user_administration.hpp"
#include "engine/model/error.hpp"

namespace regflow::cli {
namespace {

std::string users_cell(const app::AgencyUsers& entry) {
  std::vector<std::string> names;
  for (const auto& u : entry.active) names.push_back(fmt::format("{} ({})", u.name, u.role));
  for (const auto& u : entry.deactivated) {
    names.push_back(render::trf("{} ({}, deactivated)", u.name, u.role));
  }
  return names.empty() ? "-" : fmt::format("{}", fmt::join(names, ", "));
}

std::string permissions(const model::UserRole& role) {
  std::vector<std::string> names;
  for (const auto p : role.may) names.push_back(model::permission_name(p));
  return names.empty() ? "-" : fmt::format("{}", fmt::join(names, ", "));
}

void run_agencies(Context& ctx) {
  const auto& config = ctx.config_without_workflows();
  const auto listing = app::agencies_with_users(config, ctx.store());
  const auto& roles = config.settings.roles;
  if (ctx.options.json) {
    nlohmann::json agencies = nlohmann::json::array();
    for (const auto& entry : listing) {
      nlohmann::json users = nlohmann::json::array();
      for (const auto& u : entry.active) {
        users.push_back({{"name", u.name}, {"role", u.role}, {"active", true}});
      }
      for (const auto& u : entry.deactivated) {
        users.push_back({{"name", u.name}, {"role", u.role}, {"active", false}});
      }
      agencies.push_back({{"code", entry.agency->code},
                          {"name", entry.agency->name},
                          {"kind", entry.agency->outside ? "outside" : "province"},
                          {"parent", entry.agency->parent},
                          {"users", users}});
    }
    nlohmann::json role_list = nlohmann::json::array();
    for (const auto& name : roles.names()) {
      const auto* role = roles.find(name);
      nlohmann::json may = nlohmann::json::array();
      for (const auto p : role->may) may.push_back(model::permission_name(p));
      role_list.push_back({{"name", name}, {"title", role->title}, {"may", may}});
    }
    print_json({{"agencies", agencies}, {"roles", role_list}});
    return;
  }
  render::Table table({render::tr("AGENCY"), render::tr("KIND"), render::tr("PARENT"),
                       render::tr("USERS"), render::tr("NAME")});
  for (const auto& entry : listing) {
    table.add({entry.agency->code,
               entry.agency->outside ? render::tr("outside") : render::tr("province"),
               entry.agency->parent.empty() ? "-" : entry.agency->parent, users_cell(entry),
               entry.agency->name});
  }
  std::cout << table.str();
  // What a role lets its users do for their agencies, as settings.yaml declares and the engine
  // enforces: who may act on a step, initial a sign-off, extend a deadline, administer.
  std::cout << "\n" << render::tr("roles (settings.yaml)") << "\n";
  render::Table role_table({render::tr("ROLE"), render::tr("MAY"), render::tr("TITLE")});
  for (const auto& name : roles.names()) {
    const auto* role = roles.find(name);
    role_table.add({name, permissions(*role), role->title});
  }
  std::cout << role_table.str();
}

}  // namespace

void add_admin_commands(CLI::App& app, Context& ctx) {
  auto* user = app.get_subcommand("user");
  auto name = std::make_shared<std::string>();
  auto* deactivate = user->add_subcommand(
      "deactivate",
      render::tr(
          "Deactivate a user who moved to another office: no more sign-in or acts; their history "
          "stays"));
  deactivate->add_option("name", *name, render::tr("User name"))->required();
  deactivate->footer(render::tr("Example: regflow user deactivate dewi --as admin1"));
  deactivate->callback([&ctx, name] {
    const auto& config = ctx.config_without_workflows();
    const auto by = ctx.administrators_designated() ? ctx.actor_if_given() : std::nullopt;
    app::deactivate_user(config, ctx.store(), *name, by, ctx.now());
    std::cout << render::trf(
                     "user {} deactivated; their sessions were signed out and their events keep "
                     "their name",
                     *name)
              << "\n";
  });

  app.add_subcommand(
         "agencies",
         render::tr("List the agencies (kind, parent, users) and what each role may do"))
      ->group(render::tr("Setup"))
      ->callback([&ctx] { run_agencies(ctx); });
}

}  // namespace regflow::cli
