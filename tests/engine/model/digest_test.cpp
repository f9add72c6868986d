#include "engine/model/digest.hpp"

#include <catch2/catch.hpp>

using regflow::model::sha256_hex;

TEST_CASE("sha256 matches the published test vectors", "[model][digest]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("HMAC-SHA-256 is RFC 4231's", "[model]") {
  CHECK(regflow::model::hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("hex reads back to its bytes, and anything else is refused", "[model]") {
  CHECK(regflow::model::from_hex("00ff7A") == std::string("\x00\xff\x7a", 3));
  CHECK(regflow::model::from_hex("") == std::string());
  CHECK_FALSE(regflow::model::from_hex("abc"));
  CHECK_FALSE(regflow::model::from_hex("zz"));
  const auto random = regflow::model::random_bytes(32);
  CHECK(random.size() == 32);
  CHECK(regflow::model::from_hex(regflow::model::lower_hex(random)) == random);
  CHECK(regflow::model::random_bytes(32) != random);
}
