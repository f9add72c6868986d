#include "engine/model/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace regflow::model {

Diagnostic make_error(std::string code, SourceLocation where, std::string message) {
  return Diagnostic{std::move(code), Severity::Error, std::move(where), std::move(message), {}, {}, 0};
}

Diagnostic make_warning(std::string code, SourceLocation where, std::string message) {
  return Diagnostic{std::move(code), Severity::Warning, std::move(where), std::move(message), {}, {},
                    0};
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

void sort_diagnostics(Diagnostics& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column, a.code) <
           std::tie(b.location.file, b.location.line, b.location.column, b.code);
  });
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string where = d.location.file;
  if (d.location.line > 0) {
    where += fmt::format(":{}:{}", d.location.line, d.location.column);
  }
  std::string out = fmt::format("{}: {}: {} [{}]", where,
                                d.severity == Severity::Error ? "error" : "warning", d.message, d.code);
  if (!d.source_line.empty() && d.caret_column > 0) {
    out += fmt::format("\n    {}\n    {}^", d.source_line,
                       std::string(static_cast<std::size_t>(d.caret_column - 1), ' '));
  }
  for (const auto& note : d.notes) {
    out += "\n  note: " + note;
  }
  return out;
}

}  // namespace regflow::model
