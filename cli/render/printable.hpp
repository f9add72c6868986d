// Text from people and files (titles, notes, reasons, names, refused values) made safe for a
// terminal: a control character in a note must neither clear the screen (ESC sequences) nor
// forge a history row (a newline). Each such byte is shown as a visible escape instead.
#pragma once

#include <string>
#include <string_view>

namespace regflow::cli::render {

enum class LineBreaks {
  Escape,  ///< one field of a row: "\n" and "\t" are shown as the two characters \n and \t
  Keep     ///< whole lines of output: "\n" and "\t" pass, every other control is escaped
};

/// `text` with each C0 control, DEL, C1 control (U+0080–U+009F) and each byte that is not part
/// of well-formed UTF-8 replaced by a visible escape (`\x1b`, `\u009b`, `\xff`). The colour codes
/// regflow itself writes (ESC [31m, [33m, [0m) are kept.
std::string printable(std::string_view text, LineBreaks breaks = LineBreaks::Escape);

}  // namespace regflow::cli::render
