#include <catch2/catch.hpp>

#include "engine/model/error.hpp"
#include "engine/store/store.hpp"

using regflow::store::SessionRecord;
using regflow::store::Store;
using regflow::time::Instant;

namespace {
const Instant kT0{std::chrono::seconds(1'700'000'000)};
}

TEST_CASE("a password hash is kept per user and only for registered users",
          "[store][credentials]") {
  Store store = Store::in_memory();
  store.add_user({"sari", {"biro-hukum"}, "staf", {}});
  CHECK_FALSE(store.password_hash("sari").has_value());
  store.set_password_hash("sari", "$argon2id$v=19$fake");
  CHECK(store.password_hash("sari") == "$argon2id$v=19$fake");
  CHECK_FALSE(store.password_hash("budi").has_value());
  CHECK_THROWS_WITH(store.set_password_hash("budi", "x"),
                    "unknown user 'budi'; register them first with 'regflow user add budi "
                    "--agency AGENCY'");
}

TEST_CASE("sessions are found by their digest and end at sign-out and password change",
          "[store][credentials]") {
  Store store = Store::in_memory();
  store.add_user({"sari", {"biro-hukum"}, "staf", {}});
  store.add_session(SessionRecord{"d1", "sari", kT0, kT0, false}, kT0 - std::chrono::hours(12));
  store.add_session(SessionRecord{"d2", "sari", kT0, kT0, false}, kT0 - std::chrono::hours(12));
  REQUIRE(store.session("d1"));
  CHECK(store.session("d1")->user == "sari");
  CHECK_FALSE(store.session("d3").has_value());
  store.touch_session("d1", kT0 + std::chrono::minutes(5));
  CHECK(store.session("d1")->last_seen == kT0 + std::chrono::minutes(5));
  store.revoke_session("d1");
  CHECK(store.session("d1")->revoked);
  CHECK_FALSE(store.session("d2")->revoked);
  store.set_password_hash("sari", "new");
  CHECK(store.session("d2")->revoked);
}

TEST_CASE("a new personal token replaces the old one of its kind", "[store][credentials]") {
  Store store = Store::in_memory();
  store.add_user({"sari", {"biro-hukum"}, "staf", {}});
  store.set_user_token("sari", "feed", "f1", kT0);
  store.set_user_token("sari", "api", "a1", kT0);
  CHECK(store.token_user("feed", "f1") == "sari");
  CHECK_FALSE(store.token_user("api", "f1").has_value());
  store.set_user_token("sari", "feed", "f2", kT0);
  CHECK_FALSE(store.token_user("feed", "f1").has_value());
  CHECK(store.token_user("feed", "f2") == "sari");
  CHECK(store.token_user("api", "a1") == "sari");
}

TEST_CASE("failed sign-ins are counted per key and cleared", "[store][credentials]") {
  Store store = Store::in_memory();
  CHECK(store.sign_in_failures("account:sari").count == 0);
  store.set_sign_in_failures("account:sari", {3, kT0});
  CHECK(store.sign_in_failures("account:sari").count == 3);
  CHECK(store.sign_in_failures("account:sari").last == kT0);
  CHECK(store.sign_in_failures("address:127.0.0.1").count == 0);
  store.clear_sign_in_failures("account:sari");
  CHECK(store.sign_in_failures("account:sari").count == 0);
}
