#include "engine/auth/token.hpp"

#include <sodium.h>

#include <array>

#include "engine/model/digest.hpp"
#include "engine/model/error.hpp"

namespace regflow::auth {

void ensure_sodium() {
  // sodium_init is itself safe to call from several threads; a static makes it once.
  static const int result = sodium_init();
  if (result < 0) throw Error("cannot initialise libsodium (no source of random bytes?)");
}

std::string new_token() {
  ensure_sodium();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, 64> text{};
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string(text.data());
}

bool looks_like_token(std::string_view text) {
  if (text.size() != 43) return false;
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string token_digest(std::string_view token) {
  return model::sha256_hex(token);
}

std::string csrf_token(std::string_view session_token) {
  std::string input = "regflow-csrf:";
  input += session_token;
  return model::sha256_hex(input);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff = static_cast<unsigned char>(diff | (static_cast<unsigned char>(a[i]) ^
                                              static_cast<unsigned char>(b[i])));
  }
  return diff == 0;
}

}  // namespace regflow::auth
