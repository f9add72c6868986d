// An archive's signature: from format 2 on, an archive ends with one more line after its checksum
// line, "ed25519 <public key hex> <signature hex>", the exporting installation's Ed25519 signature
// of every byte before it. The checksum proves the file is whole; the signature proves which
// installation wrote it, so that `import` can refuse an archive edited and re-checksummed, or
// made by an installation it does not trust. Pure: bytes in, bytes out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/seal/signing_key.hpp"

namespace regflow::archive {

/// The start of the signature line.
inline constexpr std::string_view kSignaturePrefix = "ed25519 ";

struct ArchiveSignature {
  std::string public_key;  ///< raw, 32 bytes
  std::string signature;   ///< raw, 64 bytes
};

/// An archive's bytes split at its signature line.
struct SignedBytes {
  std::string_view body;  ///< everything before the signature line (all of it when none)
  std::optional<ArchiveSignature> signature;
  bool malformed = false;  ///< a last line that starts like a signature line but is not one
};

/// `encoded` (archive::encode's bytes) with the signature line of `key` appended.
std::string sign(std::string encoded, const seal::SigningKey& key);

/// Splits off the signature line, if the last line is one. Never throws.
SignedBytes split_signature(std::string_view bytes);

/// Whether the signature is its public key's signature of the body.
bool signature_valid(const SignedBytes& bytes);

}  // namespace regflow::archive
