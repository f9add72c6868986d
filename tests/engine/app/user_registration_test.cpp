#include "engine/app/user_registration.hpp"

#include <catch2/catch.hpp>

#include "engine/app/user_administration.hpp"
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

TEST_CASE("users are registered by an administrator once one exists", "[app][users]") {
  const auto config = load::load_config(REGFLOW_SOURCE_DIR, test::date("2026-01-05"));
  auto store = store::Store::in_memory();
  const auto add = [&](store::UserRecord user, std::optional<runtime::Actor> by = std::nullopt) {
    return refusal([&] { app::register_user(config, store, user, by); });
  };
  // Before any administrator, the installation is being set up.
  CHECK(add({"sari", {"biro-hukum"}, "staf", "sari"}) == "(accepted)");
  CHECK(add({"root", {"biro-hukum"}, "admin", "root"}) == "(accepted)");
  const runtime::Actor admin{"root", {"biro-hukum"}, "admin", {}, std::nullopt};
  const runtime::Actor clerk{"sari", {"biro-hukum"}, "staf", {}, std::nullopt};

  CHECK(add({"budi", {"dinas-kukm"}, "staf", {}}) ==
        "refused: only an administrator may register users; no registered user is acting (tie "
        "your login with --login, or pass --as); roles that may: 'admin'");
  CHECK(add({"budi", {"dinas-kukm"}, "staf", {}}, clerk) ==
        "refused: only an administrator may register users; 'sari' has the role 'staf'; roles "
        "that may: 'admin'");
  CHECK(add({"budi", {"dinas-kukm"}, "staf", {}}, admin) == "(accepted)");

  CHECK(add({"system", {"sekda"}, "staf", {}}, admin) ==
        "user name 'system' is reserved (regflow signs the timers' events with it); choose "
        "another");
  CHECK(add({"a b", {"sekda"}, "staf", {}}, admin).find("is not accepted; a name is made of") !=
        std::string::npos);
  CHECK(add({"", {"sekda"}, "staf", {}}, admin) ==
        "a user name must not be empty; give e.g. 'sari'");
  CHECK(add({"tono", {"sekda"}, "raja", {}}, admin) ==
        "unknown role 'raja'; roles: 'admin', 'kepala', 'staf' (declared in settings.yaml)");
  CHECK(add({"tono", {"sekda"}, "staf", "Bad Login"}, admin).find("is not an operating-system") !=
        std::string::npos);
  CHECK(add({"tono", {"sekda"}, "staf", "sari"}, admin) ==
        "login 'sari' already acts as user 'sari'; one operating-system account is one user");
  CHECK(store.users().size() == 3);
}

TEST_CASE("a deactivated administrator does not count as one", "[app][users]") {
  const auto config = load::load_config(REGFLOW_SOURCE_DIR, test::date("2026-01-05"));
  auto store = store::Store::in_memory();
  const auto now = *time::parse_instant("2026-01-05T09:00", config.settings.offset);
  app::register_user(config, store, {"root", {"biro-hukum"}, "admin", {}}, std::nullopt);
  const runtime::Actor root{"root", {"biro-hukum"}, "admin", {}, std::nullopt};
  app::register_user(config, store, {"tata", {"biro-hukum"}, "admin", {}}, root);
  const runtime::Actor tata{"tata", {"biro-hukum"}, "admin", {}, std::nullopt};
  CHECK(app::administrators_designated(config, store));

  // One of two administrators leaves: the other still is one, and set-up mode stays closed.
  app::deactivate_user(config, store, "root", tata, now);
  CHECK(app::administrators_designated(config, store));
  CHECK(refusal([&] {
          app::register_user(config, store, {"budi", {"dinas-kukm"}, "staf", {}}, std::nullopt);
        }) ==
        "refused: only an administrator may register users; no registered user is acting (tie "
        "your login with --login, or pass --as); roles that may: 'admin'");

  // When the last active one is deactivated too (by a database edit: no one can deactivate
  // themselves), nobody counts, and the owner of the database can name the next one.
  store.deactivate_user("tata", now);
  CHECK_FALSE(app::administrators_designated(config, store));
  CHECK(refusal([&] {
          app::register_user(config, store, {"wati", {"biro-hukum"}, "admin", {}}, std::nullopt);
        }) == "(accepted)");
  CHECK(app::administrators_designated(config, store));
}
