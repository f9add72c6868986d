// init, user, demo: setting up an installation.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/render/table.hpp"
#include "engine/app/cache_key.hpp"
#include "engine/app/demo.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"
#include "engine/report/board.hpp"

namespace regflow::cli {

void add_setup_commands(CLI::App& app, Context& ctx) {
  app.add_subcommand("init", "Create the database (idempotent)")
      ->group("Setup")
      ->callback([&ctx] {
        auto& store = ctx.init_store();
        app::definition_cache_key(store, true);  // the key that authenticates <db>.cache/
        std::cout << fmt::format("database {} ready (schema version {})\n", ctx.db_path(), store.schema_version());
      });

  auto* user = app.add_subcommand("user", "Register and list users")->group("Setup")->require_subcommand(1);
  struct UserArgs {
    std::string name, role = "staf";
    std::vector<std::string> agencies;
  };
  auto args = std::make_shared<UserArgs>();
  auto* add = user->add_subcommand("add", "Register a user and the agencies they act for");
  add->add_option("name", args->name, "User name")->required();
  add->add_option("--agency", args->agencies, "Agency code (repeatable)")->required();
  add->add_option("--role", args->role, "Role, e.g. staf, kepala");
  add->footer("Example: regflow user add sari --agency biro-hukum --role staf");
  add->callback([&ctx, args] {
    const auto& config = ctx.config();
    for (const auto& agency : args->agencies) {
      if (!config.agencies.contains(agency)) {
        throw InputError(fmt::format("unknown agency '{}'{}; see workflows/agencies.yaml", agency,
                                     model::did_you_mean(agency, config.agencies.codes())));
      }
    }
    ctx.store().add_user({args->name, args->agencies, args->role});
    std::cout << fmt::format("user {} acts for {}\n", args->name, fmt::join(args->agencies, ", "));
  });
  user->add_subcommand("list", "List registered users")->callback([&ctx] {
    render::Table table({"USER", "AGENCIES", "ROLE"});
    nlohmann::json out = nlohmann::json::array();
    for (const auto& u : ctx.store().users()) {
      table.add({u.name, fmt::format("{}", fmt::join(u.agencies, ", ")), u.role});
      out.push_back({{"name", u.name}, {"agencies", u.agencies}, {"role", u.role}});
    }
    if (ctx.options.json) {
      print_json(out.dump(2));
    } else {
      std::cout << table.str();
    }
  });

  app.add_subcommand("demo", "Build a sample database from the shipped workflows (Bangka Belitung UMKM programme) and print the board")
      ->group("Setup")
      ->footer("Example: regflow demo --db /tmp/demo.db --now 2021-02-15")
      ->callback([&ctx] {
        const auto& config = ctx.config();
        auto& store = ctx.init_store();
        if (!store.list({}).empty()) {
          throw InputError(fmt::format("database '{}' already holds dossiers; the demo needs an empty "
                                       "database (give another --db)",
                                       ctx.db_path()));
        }
        app::definition_cache_key(store, true);
        app::Installation installation(config, store);
        const auto summary = app::build_demo(installation, ctx.now());
        std::cerr << fmt::format("demo: {} users, {} dossiers, {} events written to {}\n", summary.users,
                                 summary.dossiers, summary.events, ctx.db_path());
        auto board = report::build_board(store, {}, ctx.today(), config.calendar());
        print_board(ctx, board, "Board of the governor's office");
      });
}

}  // namespace regflow::cli
