#include <catch2/catch.hpp>

#include "engine/model/error.hpp"
#include "engine/store/store.hpp"
#include "tests/engine/store/store_builders.hpp"

using regflow::InputError;
using regflow::store::Store;
using regflow::test::message_of;

TEST_CASE("users are added, found and listed with their agencies", "[store]") {
  Store store = Store::in_memory();
  store.add_user({"sari", {"biro-hukum"}, "staf", {}});
  store.add_user({"budi", {"dinas-kukm", "bappeda"}, "kepala", {}});

  const auto budi = store.find_user("budi");
  REQUIRE(budi.has_value());
  CHECK(budi->agencies == std::vector<std::string>{"dinas-kukm", "bappeda"});
  CHECK(budi->role == "kepala");
  CHECK_FALSE(store.find_user("rina").has_value());

  const auto users = store.users();
  REQUIRE(users.size() == 2);
  CHECK(users[0].name == "budi");
  CHECK(users[0].agencies.size() == 2);
  CHECK(users[1].name == "sari");
}

TEST_CASE("a user name is registered once", "[store]") {
  Store store = Store::in_memory();
  store.add_user({"sari", {"biro-hukum"}, "staf", {}});
  CHECK(message_of<InputError>([&] {
          store.add_user({"sari", {"dinas-kukm"}, "", {}});
        }) == "user 'sari' already exists (agency 'biro-hukum', role 'staf'); choose another name");
  CHECK(store.find_user("sari")->agencies == std::vector<std::string>{"biro-hukum"});
}

TEST_CASE("a user needs an agency", "[store]") {
  Store store = Store::in_memory();
  CHECK(message_of<InputError>([&] {
          store.add_user({"sari", {}, "staf", {}});
        }) == "user 'sari' needs an agency; give one with --agency");
  CHECK(store.users().empty());
}

TEST_CASE("a user's language is kept until they choose another", "[store]") {
  Store store = Store::in_memory();
  store.add_user({"sari", {"biro-hukum"}, "staf", {}});
  store.add_user({"budi", {"dinas-kukm"}, "kepala", {}});
  CHECK_FALSE(store.user_language("sari").has_value());
  store.set_user_language("sari", "en");
  CHECK(store.user_language("sari") == "en");
  CHECK_FALSE(store.user_language("budi").has_value());  // one person's choice is theirs only
  store.set_user_language("sari", "id");
  CHECK(store.user_language("sari") == "id");
  CHECK(message_of<InputError>([&] { store.set_user_language("sary", "en"); }) ==
        "unknown user 'sary'; 'regflow user list' shows the users");
  CHECK_FALSE(store.user_language("sary").has_value());
}
