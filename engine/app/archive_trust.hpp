// Whether `import` may believe who wrote an archive: its signature line against this
// installation's own key and the keys it trusts (engine/seal/trust_list). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/archive/signature.hpp"
#include "engine/seal/trust_list.hpp"

namespace regflow::app {

enum class ArchiveTrustKind {
  Own,           ///< signed by this installation's key
  Trusted,       ///< signed by a key trusted here; `name` says whose
  Untrusted,     ///< a valid signature by a key not trusted here; `fingerprint` says which
  BadSignature,  ///< the signature does not match the bytes: edited after signing
  Malformed,     ///< the signature line cannot be read
  Missing,       ///< format 2 or later without a signature line: it was cut off
  Unsigned       ///< format 1: written before archives were signed
};

struct ArchiveTrust {
  ArchiveTrustKind kind = ArchiveTrustKind::Unsigned;
  std::string fingerprint;  ///< of the signing key, when there is a signature
  std::string name;         ///< the trusted installation's name
  bool accepted() const {
    return kind == ArchiveTrustKind::Own || kind == ArchiveTrustKind::Trusted;
  }
};

/// How far `bytes` (split at the signature line; its body decoded as `format_version`) can be
/// trusted by an installation whose own public key is `own_key` and which trusts `trusted`.
ArchiveTrust judge_archive(const archive::SignedBytes& bytes, int format_version,
                           const std::optional<std::string>& own_key,
                           const std::vector<seal::TrustedKey>& trusted);

}  // namespace regflow::app
