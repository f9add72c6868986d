// SHA-256 (OpenSSL libcrypto) for definition content hashes and the event hash chain.
#pragma once

#include <string>
#include <string_view>

namespace regflow::model {

/// Lower-case hex SHA-256 of the bytes given.
std::string sha256_hex(std::string_view bytes);

/// The bytes given as lower-case hex, two digits each (digests, build ids).
std::string lower_hex(std::string_view bytes);

}  // namespace regflow::model
