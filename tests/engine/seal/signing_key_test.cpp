#include "engine/seal/signing_key.hpp"

#include <catch2/catch.hpp>

#include "engine/model/digest.hpp"

using namespace regflow;

namespace {

// RFC 8032, section 7.1, test 1: the private key, its public key and the signature of "".
const std::string kPrivateHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const std::string kPublicHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const std::string kSignatureHex =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b4"
    "6bd25bf5f0595bbe24655141438e7a100b";

}  // namespace

TEST_CASE("an Ed25519 key signs as RFC 8032 says", "[seal]") {
  const auto key = seal::SigningKey::from_private(*model::from_hex(kPrivateHex));
  REQUIRE(key);
  CHECK(model::lower_hex(key->public_key()) == kPublicHex);
  CHECK(model::lower_hex(key->sign("")) == kSignatureHex);
  CHECK(seal::signature_valid(key->public_key(), "", *model::from_hex(kSignatureHex)));
}

TEST_CASE("a signature is valid only for its message and key", "[seal]") {
  const auto key = seal::SigningKey::from_private(*model::from_hex(kPrivateHex));
  REQUIRE(key);
  const auto signature = key->sign("checkpoint 1");
  CHECK(seal::signature_valid(key->public_key(), "checkpoint 1", signature));
  CHECK_FALSE(seal::signature_valid(key->public_key(), "checkpoint 2", signature));
  const auto other = seal::SigningKey::generate();
  CHECK(other.public_key() != key->public_key());
  CHECK_FALSE(seal::signature_valid(other.public_key(), "checkpoint 1", signature));
  CHECK_FALSE(seal::signature_valid(key->public_key(), "checkpoint 1", signature.substr(1)));
  CHECK_FALSE(seal::signature_valid("short", "checkpoint 1", signature));
}

TEST_CASE("a key of the wrong size is refused, not crashed on", "[seal]") {
  CHECK_FALSE(seal::SigningKey::from_private(""));
  CHECK_FALSE(seal::SigningKey::from_private(std::string(31, 'x')));
}

TEST_CASE("a fingerprint names the public key", "[seal]") {
  const auto key = seal::SigningKey::from_private(*model::from_hex(kPrivateHex));
  REQUIRE(key);
  CHECK(seal::fingerprint(key->public_key()) ==
        "SHA256:" + model::sha256_hex(key->public_key()).substr(0, 32));
}
