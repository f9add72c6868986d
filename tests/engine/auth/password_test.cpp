#include <catch2/catch.hpp>

#include "engine/auth/password.hpp"

using regflow::auth::hash_password;
using regflow::auth::password_problem;
using regflow::auth::verify_password;

TEST_CASE("a password hash is Argon2id, salted, and verifies only its password",
          "[auth][password]") {
  const std::string hash = hash_password("babel-2021");
  CHECK(hash.rfind("$argon2id$", 0) == 0);
  CHECK(hash.find("babel-2021") == std::string::npos);
  CHECK(verify_password(hash, "babel-2021"));
  CHECK_FALSE(verify_password(hash, "babel-2022"));
  CHECK_FALSE(verify_password(hash, ""));
  // A second hash of the same password has its own salt.
  CHECK(hash_password("babel-2021") != hash);
}

TEST_CASE("a malformed stored hash never matches", "[auth][password]") {
  CHECK_FALSE(verify_password("", "anything"));
  CHECK_FALSE(verify_password("plain-text-password", "plain-text-password"));
  CHECK_FALSE(verify_password(std::string(500, 'x'), "x"));
}

TEST_CASE("password rules say what would be accepted", "[auth][password]") {
  CHECK_FALSE(password_problem("babel-2021").has_value());
  CHECK(regflow::model::english(*password_problem("short")) ==
        "the password is too short (5 characters); give at least 8");
  CHECK(regflow::model::english(*password_problem(std::string(300, 'a'))) ==
        "the password is too long (300 bytes); give at most 256");
  CHECK(regflow::model::english(*password_problem("tab\there!")) ==
        "the password contains a control character (a line end or a tab?); give printable "
        "characters only");
}
