#include "engine/seal/signing_key.hpp"

#include <openssl/evp.h>

#include <memory>

#include "engine/model/digest.hpp"
#include "engine/model/error.hpp"

namespace regflow::seal {
namespace {

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using ContextPtr = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

std::optional<std::string> raw_public_key(EVP_PKEY* key) {
  std::string out(kKeyBytes, '\0');
  std::size_t length = out.size();
  if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(out.data()), &length) !=
          1 ||
      length != kKeyBytes) {
    return std::nullopt;
  }
  return out;
}

}  // namespace

SigningKey SigningKey::generate() {
  // The private key is 32 random bytes; OpenSSL derives the public one from it.
  if (auto key = from_private(model::random_bytes(kKeyBytes))) return std::move(*key);
  throw Error("internal error: OpenSSL could not make an Ed25519 key");
}

std::optional<SigningKey> SigningKey::from_private(std::string_view raw) {
  if (raw.size() != kKeyBytes) return std::nullopt;
  KeyPtr key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes_of(raw), raw.size()),
             &EVP_PKEY_free);
  if (!key) return std::nullopt;
  auto public_key = raw_public_key(key.get());
  if (!public_key) return std::nullopt;
  return SigningKey(std::string(raw), std::move(*public_key));
}

std::string SigningKey::sign(std::string_view message) const {
  KeyPtr key(
      EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes_of(private_), private_.size()),
      &EVP_PKEY_free);
  ContextPtr context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::string signature(kSignatureBytes, '\0');
  std::size_t length = signature.size();
  // Ed25519 hashes the message itself: the digest is NULL and the message is given whole.
  if (!key || !context ||
      EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     bytes_of(message), message.size()) != 1 ||
      length != kSignatureBytes) {
    throw Error("internal error: OpenSSL could not sign with the installation's Ed25519 key");
  }
  return signature;
}

bool signature_valid(std::string_view public_key, std::string_view message,
                     std::string_view signature) {
  if (public_key.size() != kKeyBytes || signature.size() != kSignatureBytes) return false;
  KeyPtr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes_of(public_key),
                                         public_key.size()),
             &EVP_PKEY_free);
  ContextPtr context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  return key && context &&
         EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
         EVP_DigestVerify(context.get(), bytes_of(signature), signature.size(), bytes_of(message),
                          message.size()) == 1;
}

std::string fingerprint(std::string_view public_key) {
  return "SHA256:" + model::sha256_hex(public_key).substr(0, 32);
}

}  // namespace regflow::seal
