// Secret tokens: sessions, calendar feeds and API access. A token is 256 random bits from
// libsodium, written as 43 characters of base64url (safe in a cookie, a path and a header). The
// database keeps only its SHA-256, so a copy of the database signs nobody in.
#pragma once

#include <string>
#include <string_view>

namespace regflow::auth {

/// Initialises libsodium once (thread-safe); throws Error if it cannot.
void ensure_sodium();

/// A new random token: 32 bytes, base64url without padding (43 characters).
std::string new_token();

/// Whether `text` has the shape of a token new_token() makes (43 base64url characters).
bool looks_like_token(std::string_view text);

/// What the database keeps of a token: its SHA-256 in lower-case hex.
std::string token_digest(std::string_view token);

/// The CSRF token of a session: derived from the session token, so it needs no storage and
/// cannot be guessed without it (hex SHA-256 of a domain-separated input).
std::string csrf_token(std::string_view session_token);

/// Compares two strings in time that depends only on their lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace regflow::auth
