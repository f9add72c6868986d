// UTF-8 well-formedness, shared by the loaders (which refuse text the store could not keep) and
// the renderers (which must never split or emit a broken character).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace regflow::model {

/// The length of the well-formed UTF-8 sequence starting at text[at] (RFC 3629: no overlong
/// forms, no surrogates, nothing above U+10FFFF), or 0 when there is none.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

/// The offset of the first byte of `text` that is not part of well-formed UTF-8, or nullopt
/// when all of it is. A NUL byte counts as invalid: no field may hold one.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);

/// True for the bytes that continue a multi-byte sequence (10xxxxxx).
inline bool is_utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace regflow::model
