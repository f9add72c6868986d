#include "engine/model/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace regflow::model {

Diagnostic make_error(std::string code, SourceLocation where, Message said) {
  std::string message = english(said);
  return Diagnostic{std::move(code),
                    Severity::Error,
                    std::move(where),
                    std::move(message),
                    std::move(said),
                    {},
                    {},
                    0};
}

Diagnostic make_warning(std::string code, SourceLocation where, Message said) {
  auto d = make_error(std::move(code), std::move(where), std::move(said));
  d.severity = Severity::Warning;
  return d;
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

void sort_diagnostics(Diagnostics& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.location.file, a.location.line, a.location.column, a.code) <
                            std::tie(b.location.file, b.location.line, b.location.column, b.code);
                   });
}

Message diagnostic_said(const Diagnostic& d) {
  std::string where = d.location.file;
  if (d.location.line > 0) where += fmt::format(":{}:{}", d.location.line, d.location.column);
  std::vector<Message> parts;
  parts.push_back(d.severity == Severity::Error
                      ? say("{}: error: {} [{}]", where, d.said, d.code)
                      : say("{}: warning: {} [{}]", where, d.said, d.code));
  if (!d.source_line.empty() && d.caret_column > 0) {
    parts.push_back(
        verbatim(fmt::format("\n    {}\n    {}^", d.source_line,
                             std::string(static_cast<std::size_t>(d.caret_column - 1), ' '))));
  }
  for (const auto& note : d.notes) {
    parts.push_back(verbatim("\n  "));
    parts.push_back(say("note: {}", note));
  }
  return joined(std::move(parts));
}

std::string format_diagnostic(const Diagnostic& d) {
  return english(diagnostic_said(d));
}

}  // namespace regflow::model
