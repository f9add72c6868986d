#include "engine/model/sha256_stream.hpp"

#include <openssl/evp.h>

#include <array>

#include "engine/model/digest.hpp"
#include "engine/model/error.hpp"

namespace regflow::model {

struct Sha256Stream::Context {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
};

Sha256Stream::Sha256Stream() : context_(std::make_unique<Context>()) {
  if (context_->ctx == nullptr ||
      EVP_DigestInit_ex2(context_->ctx.get(), EVP_sha256(), nullptr) != 1) {
    throw Error("internal error: OpenSSL could not start SHA-256");
  }
}

Sha256Stream::Sha256Stream(Sha256Stream&&) noexcept = default;
Sha256Stream& Sha256Stream::operator=(Sha256Stream&&) noexcept = default;
Sha256Stream::~Sha256Stream() = default;

void Sha256Stream::update(std::string_view bytes) {
  if (EVP_DigestUpdate(context_->ctx.get(), bytes.data(), bytes.size()) != 1) {
    throw Error("internal error: OpenSSL could not compute SHA-256");
  }
  size_ += static_cast<std::int64_t>(bytes.size());
}

std::string Sha256Stream::finish_hex() {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context_->ctx.get(), digest.data(), &length) != 1) {
    throw Error("internal error: OpenSSL could not compute SHA-256");
  }
  return lower_hex({reinterpret_cast<const char*>(digest.data()), length});
}

}  // namespace regflow::model
