#include "engine/archive/signature.hpp"

#include "engine/model/digest.hpp"

namespace regflow::archive {

std::string sign(std::string encoded, const seal::SigningKey& key) {
  const std::string signature = key.sign(encoded);
  encoded += kSignaturePrefix;
  encoded += model::lower_hex(key.public_key());
  encoded += ' ';
  encoded += model::lower_hex(signature);
  encoded += '\n';
  return encoded;
}

SignedBytes split_signature(std::string_view bytes) {
  SignedBytes out;
  out.body = bytes;
  std::string_view text = bytes;
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  const std::size_t start = text.rfind('\n');
  if (start == std::string_view::npos) return out;
  const std::string_view line = text.substr(start + 1);
  if (line.substr(0, kSignaturePrefix.size()) != kSignaturePrefix) return out;
  out.body = bytes.substr(0, start + 1);
  const std::string_view rest = line.substr(kSignaturePrefix.size());
  const std::size_t space = rest.find(' ');
  const auto key =
      space == std::string_view::npos ? std::nullopt : model::from_hex(rest.substr(0, space));
  const auto signature =
      space == std::string_view::npos ? std::nullopt : model::from_hex(rest.substr(space + 1));
  if (!key || !signature || key->size() != seal::kKeyBytes ||
      signature->size() != seal::kSignatureBytes) {
    out.malformed = true;
    return out;
  }
  out.signature = ArchiveSignature{*key, *signature};
  return out;
}

bool signature_valid(const SignedBytes& bytes) {
  return bytes.signature &&
         seal::signature_valid(bytes.signature->public_key, bytes.body, bytes.signature->signature);
}

}  // namespace regflow::archive
