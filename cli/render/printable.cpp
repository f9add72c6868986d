#include "cli/render/printable.hpp"

#include <fmt/format.h>

#include <array>

#include "engine/model/utf8.hpp"

namespace regflow::cli::render {
namespace {

// Only the three codes the board colours its status cells with; any other escape sequence,
// even a colour (a title in black on black hides itself), is shown, not obeyed.
constexpr std::array<std::string_view, 3> kOwnColours = {"\x1b[31m", "\x1b[33m", "\x1b[0m"};

std::size_t own_colour_at(std::string_view text, std::size_t at) {
  for (const auto code : kOwnColours) {
    if (text.substr(at, code.size()) == code) return code.size();
  }
  return 0;
}

}  // namespace

std::string printable(std::string_view text, LineBreaks breaks) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\x1b') {
      if (const auto n = own_colour_at(text, i)) {
        out.append(text.substr(i, n));
        i += n;
        continue;
      }
    }
    if (c < 0x20 || c == 0x7f) {
      if (breaks == LineBreaks::Keep && (c == '\n' || c == '\t')) {
        out += static_cast<char>(c);
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\r') {
        out += "\\r";
      } else {
        out += fmt::format("\\x{:02x}", c);
      }
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    const std::size_t length = model::utf8_sequence_length(text, i);
    if (length == 0) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    // U+0080–U+009F, encoded C2 80–C2 9F: some terminals obey them as 8-bit controls (CSI).
    if (length == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

}  // namespace regflow::cli::render
