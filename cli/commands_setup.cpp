// init, user, demo: setting up an installation.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/render/dates.hpp"
#include "cli/render/table.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/cache_key.hpp"
#include "engine/app/demo.hpp"
#include "engine/app/user_registration.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"
#include "engine/report/board.hpp"

namespace regflow::cli {

void add_setup_commands(CLI::App& app, Context& ctx) {
  auto sandbox = std::make_shared<bool>(false);
  auto* init = app.add_subcommand("init", render::tr("Create the database (idempotent)"))
                   ->group(render::tr("Setup"));
  init->add_flag(
      "--sandbox", *sandbox,
      render::tr("Mark it as a sandbox for trials: anyone may use --as and --now there, and its "
                 "record is not evidence (only for a database without dossiers)"));
  init->footer(
      render::tr("Examples: regflow init --db /srv/regflow/babel.db\n"
                 "          regflow init --db /tmp/latihan.db --sandbox"));
  init->callback([&ctx, sandbox] {
    auto& store = ctx.init_store();
    app::definition_cache_key(store, true);  // the key that authenticates <db>.cache/
    if (*sandbox && !ctx.sandbox()) {
      if (!store.list({}).empty()) {
        throw InputError(render::trf(
            "refused: '{}' already holds dossiers; a database whose record is evidence cannot "
            "become a sandbox; create a new one for trials (regflow init --db NEW --sandbox)",
            ctx.db_path()));
      }
      ctx.mark_sandbox();
    }
    std::cout << (ctx.sandbox() ? render::trf("database {} ready (schema version {}, sandbox)",
                                              ctx.db_path(), store.schema_version())
                                : render::trf("database {} ready (schema version {})",
                                              ctx.db_path(), store.schema_version()))
              << "\n";
  });

  auto* user = app.add_subcommand("user", render::tr("Register and list users"))
                   ->group(render::tr("Setup"))
                   ->require_subcommand(1);
  struct UserArgs {
    std::string name, role = "staf", login;
    std::vector<std::string> agencies;
  };
  auto args = std::make_shared<UserArgs>();
  auto* add =
      user->add_subcommand("add", render::tr("Register a user and the agencies they act for"));
  add->add_option("name", args->name, render::tr("User name"))->required();
  add->add_option("--agency", args->agencies, render::tr("Agency code (repeatable)"))->required();
  add->add_option("--role", args->role,
                  render::tr("Role, as declared in settings.yaml: staf, kepala, admin"));
  add->add_option(
      "--login", args->login,
      render::tr("The operating-system account that acts as this user on the command line"));
  add->footer(render::tr(
      "Examples: regflow user add sari --agency biro-hukum --role staf --login sari\n"
      "          regflow user add admin1 --agency biro-hukum --role admin --login root"));
  add->callback([&ctx, args] {
    const auto& config = ctx.config();
    // Until an administrator exists, whoever may write the database sets it up, and the
    // acting user need not exist yet (the first `user add` names them).
    const auto by = ctx.administrators_designated() ? ctx.actor_if_given() : std::nullopt;
    app::register_user(config, ctx.store(), {args->name, args->agencies, args->role, args->login},
                       by);
    const std::string agencies = fmt::format("{}", fmt::join(args->agencies, ", "));
    std::cout << (args->login.empty() ? render::trf("user {} acts for {}", args->name, agencies)
                                      : render::trf("user {} acts for {} (login {})", args->name,
                                                    agencies, args->login))
              << "\n";
  });
  user->add_subcommand("list", render::tr("List registered users"))->callback([&ctx] {
    render::Table table({render::tr("USER"), render::tr("AGENCIES"), render::tr("ROLE"),
                         render::tr("LOGIN"), render::tr("STATUS")});
    nlohmann::json out = nlohmann::json::array();
    auto& store = ctx.store();
    for (const auto& u : store.users()) {
      const auto deactivated = store.deactivated_at(u.name);
      table.add({u.name, fmt::format("{}", fmt::join(u.agencies, ", ")), u.role, u.login,
                 deactivated ? render::trf("deactivated {}",
                                           render::date_text(time::local_date(
                                               *deactivated,
                                               ctx.config_without_workflows().settings.offset)))
                             : render::tr("active")});
      out.push_back(
          {{"name", u.name},
           {"agencies", u.agencies},
           {"role", u.role},
           {"login", u.login.empty() ? nlohmann::json() : nlohmann::json(u.login)},
           {"active", !deactivated},
           {"deactivated_at",
            deactivated ? nlohmann::json(time::format_instant(*deactivated)) : nlohmann::json()}});
    }
    if (ctx.options.json) {
      print_json(out);
    } else {
      std::cout << table.str();
    }
  });

  app.add_subcommand("demo", render::tr("Build a sample database from the shipped workflows "
                                        "(Bangka Belitung UMKM programme) and print the board"))
      ->group(render::tr("Setup"))
      ->footer(render::tr("Example: regflow demo --db /tmp/demo.db --now 2021-02-15"))
      ->callback([&ctx] {
        const auto& config = ctx.config();
        auto& store = ctx.init_store();
        if (!store.list({}).empty() || !store.users().empty()) {
          throw InputError(
              render::trf("database '{}' already holds dossiers; the demo needs an empty "

                          "database (give another --db)",
                          ctx.db_path()));
        }
        // The demo's story is played with stated times and on behalf of its people: it is a
        // sandbox, never evidence.
        ctx.mark_sandbox();
        app::definition_cache_key(store, true);
        app::Installation installation(config, store);
        const auto summary = app::build_demo(installation, ctx.now());
        std::cerr << render::trf("demo: {} users, {} dossiers, {} events written to {}",
                                 summary.users, summary.dossiers, summary.events, ctx.db_path())
                  << "\n";
        auto board = report::build_board(store, {}, ctx.today(), config.calendar());
        print_board(ctx, board, render::tr("Board of the governor's office"));
      });
}

}  // namespace regflow::cli
