// SHA-256 (OpenSSL libcrypto) for definition content hashes and the event hash chain; HMAC-SHA-256
// for the definition cache's entries, and random bytes for the keys regflow makes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace regflow::model {

/// Lower-case hex SHA-256 of the bytes given.
std::string sha256_hex(std::string_view bytes);

/// Lower-case hex HMAC-SHA-256 of `bytes` under `key`.
std::string hmac_sha256_hex(std::string_view key, std::string_view bytes);

/// `count` bytes from OpenSSL's CSPRNG; throws Error when it has no entropy.
std::string random_bytes(std::size_t count);

/// The bytes that `hex` (lower- or upper-case, two digits a byte) spells; nullopt when it is not
/// hex of an even length.
std::optional<std::string> from_hex(std::string_view hex);

/// The bytes given as lower-case hex, two digits each (digests, build ids).
std::string lower_hex(std::string_view bytes);

}  // namespace regflow::model
