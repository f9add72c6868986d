#include <catch2/catch.hpp>
#include <set>

#include "engine/auth/token.hpp"

using namespace regflow::auth;

TEST_CASE("tokens are 256 random bits in base64url, stored as their digest", "[auth][token]") {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string token = new_token();
    CHECK(token.size() == 43);
    CHECK(looks_like_token(token));
    seen.insert(token);
  }
  CHECK(seen.size() == 100);
  const std::string token = new_token();
  CHECK(token_digest(token).size() == 64);
  CHECK(token_digest(token) != token);
  CHECK(token_digest(token) == token_digest(token));
}

TEST_CASE("only the shape of a token is accepted as one", "[auth][token]") {
  CHECK_FALSE(looks_like_token(""));
  CHECK_FALSE(looks_like_token(std::string(42, 'a')));
  CHECK_FALSE(looks_like_token(std::string(44, 'a')));
  CHECK_FALSE(looks_like_token(std::string(42, 'a') + "/"));
  CHECK_FALSE(looks_like_token(std::string(42, 'a') + "="));
  CHECK(looks_like_token(std::string(41, 'a') + "-_"));
}

TEST_CASE("a session's CSRF token is derived from it and differs for each session",
          "[auth][token][csrf]") {
  const std::string a = new_token();
  const std::string b = new_token();
  CHECK(csrf_token(a) == csrf_token(a));
  CHECK(csrf_token(a) != csrf_token(b));
  CHECK(csrf_token(a) != token_digest(a));  // what the database keeps does not give it away
}

TEST_CASE("constant-time comparison compares whole strings", "[auth][token]") {
  CHECK(constant_time_equal("abc", "abc"));
  CHECK_FALSE(constant_time_equal("abc", "abd"));
  CHECK_FALSE(constant_time_equal("abc", "ab"));
  CHECK(constant_time_equal("", ""));
}
