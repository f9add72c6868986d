// UTF-8 well-formedness, shared by the loaders (which refuse text the store could not keep) and
// the renderers (which must never split or emit a broken character).
#pragma once

#include <cstddef>
#include <string_view>

namespace regflow::model {

/// The length of the well-formed UTF-8 sequence starting at text[at] (RFC 3629: no overlong
/// forms, no surrogates, nothing above U+10FFFF), or 0 when there is none.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

/// True for the bytes that continue a multi-byte sequence (10xxxxxx).
inline bool is_utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace regflow::model
