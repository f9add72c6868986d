#include "engine/app/user_administration.hpp"

#include <catch2/catch.hpp>

#include "engine/app/user_registration.hpp"
#include "engine/model/error.hpp"
#include "tests/support/dates.hpp"

using namespace regflow;

namespace {

std::string refusal(const std::function<void()>& work) {
  try {
    work();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("an administrator deactivates a user, who keeps their name but may no longer act",
          "[app][users]") {
  const auto config = load::load_config(REGFLOW_SOURCE_DIR, test::date("2026-01-05"));
  auto store = store::Store::in_memory();
  const auto now = *time::parse_instant("2026-01-05T10:00", config.settings.offset);
  app::register_user(config, store, {"sari", {"biro-hukum"}, "staf", {}}, std::nullopt);
  app::register_user(config, store, {"budi", {"dinas-kukm"}, "staf", {}}, std::nullopt);

  SECTION("before an administrator exists, whoever sets up the database may") {
    CHECK_FALSE(app::administrators_designated(config, store));
    CHECK(refusal([&] { app::deactivate_user(config, store, "budi", std::nullopt, now); }) ==
          "(accepted)");
    CHECK(model::english(app::deactivated_refusal(config, store, "budi").value()) ==
          "refused: user 'budi' was deactivated on 2026-01-05 and may no longer sign in or act; "
          "their past acts stay in every history; an administrator registers them anew under "
          "another name if they return");
    CHECK_FALSE(app::deactivated_refusal(config, store, "sari").has_value());
    CHECK(store.find_user("budi").has_value());
  }

  SECTION("once one exists, only an administrator, and not on themselves") {
    app::register_user(config, store, {"root", {"biro-hukum"}, "admin", {}}, std::nullopt);
    const runtime::Actor admin{"root", {"biro-hukum"}, "admin", {}, std::nullopt};
    const runtime::Actor clerk{"sari", {"biro-hukum"}, "staf", {}, std::nullopt};
    CHECK(refusal([&] { app::deactivate_user(config, store, "budi", clerk, now); }) ==
          "refused: only an administrator may deactivate users; 'sari' has the role 'staf'; "
          "roles that may: 'admin'");
    CHECK(refusal([&] { app::deactivate_user(config, store, "root", admin, now); }) ==
          "refused: 'root' may not deactivate themselves (nobody could undo it from their "
          "account); another administrator may");
    CHECK(refusal([&] { app::deactivate_user(config, store, "budy", admin, now); }) ==
          "unknown user 'budy' (did you mean 'budi'?); 'regflow user list' shows the users");
    CHECK_FALSE(
        app::deactivated_refusal(config, store, "budi").has_value());  // nothing was written
    CHECK(refusal([&] { app::deactivate_user(config, store, "budi", admin, now); }) ==
          "(accepted)");
    CHECK(store.deactivated_at("budi") == now);

    // Their agency still lists them, as deactivated.
    for (const auto& entry : app::agencies_with_users(config, store)) {
      if (entry.agency->code != "dinas-kukm") continue;
      CHECK(entry.active.empty());
      REQUIRE(entry.deactivated.size() == 1);
      CHECK(entry.deactivated[0].name == "budi");
    }
  }
}

TEST_CASE("a password is set by its user or an administrator", "[app][users]") {
  const auto config = load::load_config(REGFLOW_SOURCE_DIR, test::date("2026-01-05"));
  auto store = store::Store::in_memory();
  app::register_user(config, store, {"sari", {"biro-hukum"}, "staf", {}}, std::nullopt);
  app::register_user(config, store, {"budi", {"dinas-kukm"}, "staf", {}}, std::nullopt);
  const runtime::Actor sari{"sari", {"biro-hukum"}, "staf", {}, std::nullopt};
  // Setting up: anyone who may write the database.
  CHECK(refusal([&] { app::check_may_set_password(config, store, "budi", std::nullopt); }) ==
        "(accepted)");
  app::register_user(config, store, {"root", {"biro-hukum"}, "admin", {}}, std::nullopt);
  const runtime::Actor admin{"root", {"biro-hukum"}, "admin", {}, std::nullopt};
  CHECK(refusal([&] { app::check_may_set_password(config, store, "sari", sari); }) == "(accepted)");
  CHECK(refusal([&] { app::check_may_set_password(config, store, "budi", admin); }) ==
        "(accepted)");
  CHECK(refusal([&] { app::check_may_set_password(config, store, "budi", sari); }) ==
        "refused: only 'budi' themselves or an administrator may set their password; 'sari' has "
        "the role 'staf'; roles that may set anyone's: 'admin'");
  CHECK(refusal([&] { app::check_may_set_password(config, store, "budi", std::nullopt); }) ==
        "refused: only 'budi' themselves or an administrator may set their password; no "
        "registered user is acting (tie your login with --login, or pass --as); roles that may "
        "set anyone's: 'admin'");
}
