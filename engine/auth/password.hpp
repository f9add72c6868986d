// Passwords: Argon2id hashes through libsodium (crypto_pwhash_str), and what a password must be.
// Only the hash is ever stored; the hash string carries its own salt and cost parameters, so a
// later regflow may raise the cost without invalidating the stored ones.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/model/message.hpp"

namespace regflow::auth {

/// Shortest and longest password accepted (bytes). The upper bound keeps a sign-in request from
/// making the server hash megabytes.
inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 256;

/// Why `password` cannot be used, as a sentence that says what would be accepted; nullopt when
/// it can.
std::optional<model::Message> password_problem(std::string_view password);

/// The Argon2id hash string of `password` (interactive cost: about 64 MiB and 0.1 s). Throws
/// Error when libsodium cannot allocate the memory.
std::string hash_password(std::string_view password);

/// Whether `password` matches `hash` (constant time in the password). A malformed hash never
/// matches.
bool verify_password(const std::string& hash, std::string_view password);

}  // namespace regflow::auth
