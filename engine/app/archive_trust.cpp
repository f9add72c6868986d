#include "engine/app/archive_trust.hpp"

namespace regflow::app {

ArchiveTrust judge_archive(const archive::SignedBytes& bytes, int format_version,
                           const std::optional<std::string>& own_key,
                           const std::vector<seal::TrustedKey>& trusted) {
  ArchiveTrust out;
  if (bytes.malformed) {
    out.kind = ArchiveTrustKind::Malformed;
    return out;
  }
  if (!bytes.signature) {
    out.kind = format_version >= 2 ? ArchiveTrustKind::Missing : ArchiveTrustKind::Unsigned;
    return out;
  }
  out.fingerprint = seal::fingerprint(bytes.signature->public_key);
  if (!archive::signature_valid(bytes)) {
    out.kind = ArchiveTrustKind::BadSignature;
    return out;
  }
  if (own_key && *own_key == bytes.signature->public_key) {
    out.kind = ArchiveTrustKind::Own;
    return out;
  }
  for (const auto& key : trusted) {
    if (key.public_key == bytes.signature->public_key) {
      out.kind = ArchiveTrustKind::Trusted;
      out.name = key.name;
      return out;
    }
  }
  out.kind = ArchiveTrustKind::Untrusted;
  return out;
}

}  // namespace regflow::app
