// A problem of the definitions as `check` prints it, with the words of its frame ("error",
// "warning", "note") in the reader's language; the place, the code and the source line stay.
#pragma once

#include <string>

#include "engine/model/diagnostic.hpp"

namespace regflow::cli::render {

/// "file:line:col: error: message [E-CODE]", then the source line with a caret and the notes.
std::string diagnostic_text(const model::Diagnostic& d);

}  // namespace regflow::cli::render
