#include "engine/model/digest.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <memory>

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
  // One context per thread, reused: EVP_Digest allocates and frees one on every call.
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
      EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (sha256 == nullptr || context == nullptr ||
      EVP_DigestInit_ex2(context.get(), sha256, nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1) {
    throw Error("internal error: OpenSSL could not compute SHA-256");
  }
  return lower_hex({reinterpret_cast<const char*>(digest.data()), length});
}

std::string hmac_sha256_hex(std::string_view key, std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), mac.data(),
           &length) == nullptr) {
    throw Error("internal error: OpenSSL could not compute HMAC-SHA-256");
  }
  return lower_hex({reinterpret_cast<const char*>(mac.data()), length});
}

std::string random_bytes(std::size_t count) {
  std::string out(count, '\0');
  if (count > 0 &&
      RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1) {
    throw Error("OpenSSL's random generator has no entropy: no key could be made");
  }
  return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  const auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = digit(hex[i]);
    const int low = digit(hex[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
  }
  return out;
}

std::string lower_hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += kHex[byte >> 4];
    out += kHex[byte & 0x0f];
  }
  return out;
}

}  // namespace regflow::model
