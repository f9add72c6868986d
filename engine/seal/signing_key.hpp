// The installation's Ed25519 key (OpenSSL libcrypto): it signs the checkpoints of the dossiers'
// hash chains and the archives this installation exports, so that a chain rewritten in the
// database or an archive edited in transit is told from the real one by whoever holds the public
// key. Pure: the keys are bytes here; engine/seal/key_files reads and writes them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace regflow::seal {

inline constexpr std::size_t kKeyBytes = 32;        ///< raw Ed25519 private or public key
inline constexpr std::size_t kSignatureBytes = 64;  ///< raw Ed25519 signature

class SigningKey {
 public:
  /// A new random key (OpenSSL's CSPRNG); throws Error when OpenSSL cannot make one.
  static SigningKey generate();
  /// The key whose raw 32-byte private key is `raw`; nullopt when OpenSSL refuses it.
  static std::optional<SigningKey> from_private(std::string_view raw);

  const std::string& private_key() const { return private_; }  ///< raw, 32 bytes
  const std::string& public_key() const { return public_; }    ///< raw, 32 bytes
  /// The raw 64-byte Ed25519 signature of `message` (deterministic).
  std::string sign(std::string_view message) const;

 private:
  SigningKey(std::string private_key, std::string public_key)
      : private_(std::move(private_key)), public_(std::move(public_key)) {}
  std::string private_;
  std::string public_;
};

/// Whether `signature` (raw) is `public_key`'s (raw) signature of `message`. Never throws: a key
/// or signature of the wrong size is simply not valid.
bool signature_valid(std::string_view public_key, std::string_view message,
                     std::string_view signature);

/// How people compare keys: "SHA256:" and the first 32 hex digits of the SHA-256 of the raw
/// public key.
std::string fingerprint(std::string_view public_key);

}  // namespace regflow::seal
