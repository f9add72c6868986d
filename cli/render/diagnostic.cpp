#include "cli/render/diagnostic.hpp"

#include "cli/render/translate.hpp"

namespace regflow::cli::render {

// The engine says the whole diagnostic (model::diagnostic_said: frame, message, excerpt, notes);
// here it is worded in the reader's language.
std::string diagnostic_text(const model::Diagnostic& d) {
  return words(model::diagnostic_said(d));
}

}  // namespace regflow::cli::render
