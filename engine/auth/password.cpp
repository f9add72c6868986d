#include "engine/auth/password.hpp"

#include <sodium.h>

#include "engine/auth/token.hpp"
#include "engine/model/error.hpp"

namespace regflow::auth {

std::optional<model::Message> password_problem(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    return model::say("the password is too short ({} characters); give at least {}",
                      password.size(), kMinPasswordLength);
  }
  if (password.size() > kMaxPasswordLength) {
    return model::say("the password is too long ({} bytes); give at most {}", password.size(),
                      kMaxPasswordLength);
  }
  for (const char c : password) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return model::say(
          "the password contains a control character (a line end or a tab?); give printable "
          "characters only");
    }
  }
  return std::nullopt;
}

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw Error(model::say("cannot hash the password: not enough memory for Argon2id (64 MiB)"));
  }
  return std::string(out);
}

bool verify_password(const std::string& hash, std::string_view password) {
  ensure_sodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace regflow::auth
