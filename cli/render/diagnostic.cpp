#include "cli/render/diagnostic.hpp"

#include <fmt/format.h>

#include "cli/render/translate.hpp"

namespace regflow::cli::render {

// The message itself is written by the loader and the checker (engine/load, engine/check) in
// English; the frame around it is the reader's.
std::string diagnostic_text(const model::Diagnostic& d) {
  std::string where = d.location.file;
  if (d.location.line > 0) where += fmt::format(":{}:{}", d.location.line, d.location.column);
  const std::string severity = d.severity == model::Severity::Error ? tr("error") : tr("warning");
  std::string out = fmt::format("{}: {}: {} [{}]", where, severity, d.message, d.code);
  if (!d.source_line.empty() && d.caret_column > 0) {
    out += fmt::format("\n    {}\n    {}^", d.source_line,
                       std::string(static_cast<std::size_t>(d.caret_column - 1), ' '));
  }
  for (const auto& note : d.notes) out += "\n  " + trf("note: {}", note);
  return out;
}

}  // namespace regflow::cli::render
