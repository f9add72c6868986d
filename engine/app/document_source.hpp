// The bytes of a document being attached, as the shell that received them offers them: a file
// on the command line, an upload on the web. Read twice, once to hash and once to store, so that
// neither needs the whole document in memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace regflow::app {

class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  /// The size in bytes, known before reading (a file's size, an upload's length).
  virtual std::int64_t size() const = 0;
  /// Starts reading from the first byte again.
  virtual void rewind() = 0;
  /// Copies the next bytes into `buffer` (at most `capacity`); 0 at the end. Throws Error when
  /// the bytes cannot be read.
  virtual std::size_t read(char* buffer, std::size_t capacity) = 0;
};

/// What the person attaching says of the document; the rest is read from its bytes.
struct AttachRequest {
  std::string kind;
  std::string name;  ///< the file name, without a folder
  std::string note;
};

}  // namespace regflow::app
