#include "engine/model/digest.hpp"

#include <openssl/evp.h>

#include <array>

#include "engine/model/error.hpp"

namespace regflow::model {

std::string sha256_hex(std::string_view bytes) {
  // Fetched once: OpenSSL 3 otherwise looks the algorithm up in its provider on every call,
  // and every event is hashed when it is sealed and again when the store checks the chain.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
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
