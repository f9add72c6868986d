// SHA-256 over bytes that arrive in pieces (a document read or written in chunks), so that a
// document's hash never needs the whole document in memory.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace regflow::model {

class Sha256Stream {
 public:
  /// Throws Error when OpenSSL cannot start a digest.
  Sha256Stream();
  Sha256Stream(Sha256Stream&&) noexcept;
  Sha256Stream& operator=(Sha256Stream&&) noexcept;
  ~Sha256Stream();

  /// Adds the next piece of the bytes.
  void update(std::string_view bytes);
  /// How many bytes were added so far.
  std::int64_t size() const { return size_; }
  /// Lower-case hex SHA-256 of every byte added; the stream cannot be used afterwards.
  std::string finish_hex();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
  std::int64_t size_ = 0;
};

}  // namespace regflow::model
