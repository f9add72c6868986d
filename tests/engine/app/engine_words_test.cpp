// What the engine's services say when they refuse or fail is said for a renderer to word in the
// reader's language (issue #17): a message id with values, never a whole sentence fixed in
// English. This walks the bad input of the services in engine/app, engine/auth and engine/time
// (users, passwords, definitions, seals, dates) and checks each message, so that a message
// written the old way (a formatted English string) is caught here.
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>

#include "engine/app/definition_acceptance.hpp"
#include "engine/app/sealing.hpp"
#include "engine/app/user_administration.hpp"
#include "engine/app/user_registration.hpp"
#include "engine/auth/password.hpp"
#include "engine/model/error.hpp"
#include "engine/time/date.hpp"
#include "tests/engine/store/store_builders.hpp"
#include "tests/engine/store/temp_dir.hpp"
#include "tests/support/dates.hpp"

using namespace regflow;

namespace {

/// Every part of `m` that is said (not a name or number shown as it is) has a format with one
/// `{}` per value: the catalog's message id and the values the renderer puts in.
void check_said(const model::Message& m) {
  INFO(model::english(m));
  CHECK_FALSE(m.verbatim);
  std::size_t placeholders = 0;
  for (std::size_t at = m.format.find("{}"); at != std::string::npos;
       at = m.format.find("{}", at + 2)) {
    ++placeholders;
  }
  CHECK(placeholders == m.values.size());
  for (const auto& value : m.values) {
    if (!value.verbatim && !value.format.empty()) check_said(value);
  }
}

/// What `work` threw, checked; its English text for the test to read.
std::string refusal_said(const std::function<void()>& work) {
  try {
    work();
  } catch (const Error& e) {
    check_said(e.said());
    return e.what();
  }
  FAIL("accepted");
  return {};
}

}  // namespace

TEST_CASE("user administration refuses in words to translate", "[app][users][lang]") {
  const auto config = load::load_config(REGFLOW_SOURCE_DIR, test::date("2026-01-05"));
  auto store = store::Store::in_memory();
  const auto now = *time::parse_instant("2026-01-05T10:00", config.settings.offset);
  app::register_user(config, store, {"sari", {"biro-hukum"}, "staf", {}}, std::nullopt);
  app::register_user(config, store, {"root", {"biro-hukum"}, "admin", {}}, std::nullopt);
  const runtime::Actor admin{"root", {"biro-hukum"}, "admin", {}, std::nullopt};
  const runtime::Actor clerk{"sari", {"biro-hukum"}, "staf", {}, std::nullopt};
  const auto add = [&](store::UserRecord user, std::optional<runtime::Actor> by) {
    return refusal_said([&] { app::register_user(config, store, user, by); });
  };

  CHECK_THAT(add({"budi", {"dinas-kukm"}, "staf", {}}, std::nullopt),
             Catch::Contains("no registered user is acting"));
  CHECK_THAT(add({"budi", {"dinas-kukm"}, "staf", {}}, clerk),
             Catch::Contains("'sari' has the role 'staf'"));
  CHECK_THAT(add({"", {"sekda"}, "staf", {}}, admin), Catch::Contains("must not be empty"));
  CHECK_THAT(add({std::string(80, 'a'), {"sekda"}, "staf", {}}, admin),
             Catch::Contains("80 characters long"));
  CHECK_THAT(add({"a b", {"sekda"}, "staf", {}}, admin), Catch::Contains("is not accepted"));
  CHECK_THAT(add({"system", {"sekda"}, "staf", {}}, admin), Catch::Contains("is reserved"));
  CHECK(add({"tono", {"sekda"}, "stafff", {}}, admin) ==
        "unknown role 'stafff' (did you mean 'staf'?); roles: 'admin', 'kepala', 'staf' "
        "(declared in settings.yaml)");
  CHECK_THAT(add({"tono", {}, "staf", {}}, admin), Catch::Contains("needs an agency"));
  CHECK(add({"tono", {"biro-hukun"}, "staf", {}}, admin) ==
        "unknown agency 'biro-hukun' (did you mean 'biro-hukum'?); see workflows/agencies.yaml");
  CHECK_THAT(add({"tono", {"sekda"}, "staf", "Bad Login"}, admin),
             Catch::Contains("is not an operating-system account name"));

  CHECK_THAT(refusal_said([&] { app::deactivate_user(config, store, "sary", admin, now); }),
             Catch::Contains("(did you mean 'sari'?)"));
  CHECK_THAT(refusal_said([&] { app::deactivate_user(config, store, "root", clerk, now); }),
             Catch::Contains("only an administrator may deactivate users"));
  CHECK_THAT(refusal_said([&] { app::deactivate_user(config, store, "root", admin, now); }),
             Catch::Contains("may not deactivate themselves"));
  CHECK_THAT(refusal_said([&] { app::check_may_set_password(config, store, "root", clerk); }),
             Catch::Contains("may set their password"));

  app::deactivate_user(config, store, "sari", admin, now);
  const auto deactivated = app::deactivated_refusal(config, store, "sari");
  REQUIRE(deactivated.has_value());
  check_said(*deactivated);
}

TEST_CASE("a password's problem is said in words to translate", "[auth][password][lang]") {
  for (const std::string& password :
       {std::string("short"), std::string(300, 'a'), std::string("tab\there!")}) {
    const auto problem = auth::password_problem(password);
    REQUIRE(problem.has_value());
    check_said(*problem);
  }
}

TEST_CASE("accepting definitions refuses in words to translate", "[app][definitions][lang]") {
  const auto config = load::load_config(REGFLOW_SOURCE_DIR, test::date("2026-01-05"));
  auto store = store::Store::in_memory();
  const runtime::Actor clerk{"sari", {"biro-hukum"}, "staf", {}, std::nullopt};
  const auto accept = [&](std::vector<std::string> names, std::optional<runtime::Actor> by,
                          bool designated, std::optional<int> version) {
    return refusal_said(
        [&] { app::accept_definitions(config, store, names, by, designated, version); });
  };
  CHECK_THAT(accept({}, clerk, true, std::nullopt),
             Catch::Contains("only an administrator may accept a definition"));
  CHECK_THAT(accept({}, std::nullopt, true, std::nullopt),
             Catch::Contains("no registered user is acting"));
  CHECK_THAT(accept({"pergubb"}, std::nullopt, false, std::nullopt),
             Catch::Contains("(did you mean 'pergub'?)"));
  CHECK_THAT(accept({"pergub", "perda"}, std::nullopt, false, 1),
             Catch::Contains("names one version of one workflow"));
  CHECK_THAT(accept({"pergub"}, std::nullopt, false, 99), Catch::Contains("has no version 99"));
  CHECK_THAT(accept({}, std::nullopt, false, 1), Catch::Contains("needs the name of the workflow"));
  CHECK(store.definition_versions("pergub").empty());  // a refused command stores nothing
}

TEST_CASE("sealing refuses, and reports a log it cannot trust, in words to translate",
          "[app][seal][lang]") {
  test::TempDir dir;
  const auto path = dir.file("regflow.db");
  auto store = store::Store::init(path);
  const auto files = seal::trust_files(path);
  store.start("PERGUB", 2026, [](const std::string& id) { return test::started(id); });
  app::seal_chains(store, files, test::at_minute(1));

  std::filesystem::rename(files.checkpoints, dir.file("kept.checkpoints"));
  CHECK_THAT(refusal_said([&] { app::seal_chains(store, files, test::at_minute(2)); }),
             Catch::Contains("is missing, yet this database was sealed"));
  auto status = app::read_checkpoints(store, files);
  REQUIRE(status.problems.size() == 1);
  check_said(status.problems.front());
  std::filesystem::rename(dir.file("kept.checkpoints"), files.checkpoints);

  std::filesystem::remove(files.private_key);
  std::filesystem::remove(files.public_key);
  CHECK_THAT(refusal_said([&] { app::seal_chains(store, files, test::at_minute(2)); }),
             Catch::Contains("its private key"));
  status = app::read_checkpoints(store, files);
  REQUIRE(status.problems.size() == 1);
  check_said(status.problems.front());
}

TEST_CASE("the range of accepted dates is said in words to translate", "[time][lang]") {
  check_said(time::accepted_range());
  CHECK(time::accepted_range_text() == "1900-01-01 to 2200-12-31");
}
