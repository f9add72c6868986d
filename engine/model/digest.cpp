#include "engine/model/digest.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>

#include "engine/model/error.hpp"

namespace regflow::model {

namespace {

// regflow uses libcrypto for SHA-256 only. By default its start-up reads the system openssl.cnf
// and loads every error string, about a third of the ~1 ms that the first digest costs a short
// command; SHA-256 needs neither.
EVP_MD* fetch_sha256() {
  if (OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG | OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS,
                          nullptr) != 1) {
    return nullptr;
  }
  return EVP_MD_fetch(nullptr, "SHA256", nullptr);
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  // Fetched once: OpenSSL 3 otherwise looks the algorithm up in its provider on every call,
  // and every event is hashed when it is sealed and again when the store checks the chain.
  static EVP_MD* const sha256 = fetch_sha256();
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (sha256 == nullptr ||
      EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, sha256, nullptr) != 1) {
    throw Error("internal error: OpenSSL could not compute SHA-256");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0x0f];
  }
  return out;
}

}  // namespace regflow::model
