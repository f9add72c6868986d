#include "engine/rules/compiled_expression.hpp"

#include <algorithm>
#include <utility>

namespace regflow::rules {

CompiledExpression::CompiledExpression(std::shared_ptr<const Node> root, model::ValueType type,
                                       std::vector<std::string> enum_values, std::string text,
                                       model::SourceLocation location,
                                       std::vector<std::string> variables,
                                       std::vector<std::string> rules)
    : root_(std::move(root)),
      type_(type),
      enum_values_(std::move(enum_values)),
      text_(std::move(text)),
      location_(std::move(location)),
      variables_(std::move(variables)),
      rules_(std::move(rules)) {}

model::Diagnostic expression_error(std::string code, std::string_view text,
                                   const model::SourceLocation& where, std::size_t offset,
                                   model::Message said) {
  offset = std::min(offset, text.size());
  const std::size_t line_start = [&] {
    const auto newline = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    return newline == std::string_view::npos || offset == 0 ? std::size_t{0} : newline + 1;
  }();
  std::size_t line_end = text.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = text.size();
  int lines_before = 0;
  for (std::size_t i = 0; i < line_start; ++i) {
    if (text[i] == '\n') ++lines_before;
  }
  const int caret = static_cast<int>(offset - line_start) + 1;
  model::SourceLocation location = where;
  if (lines_before == 0) {
    location.column = where.column > 0 ? where.column + caret - 1 : 0;
  } else {
    // A multi-line (block) scalar: its indentation is gone from the text, so the column is the
    // column inside the expression line.
    location.line = where.line > 0 ? where.line + lines_before : 0;
    location.column = caret;
  }
  model::Diagnostic diagnostic =
      model::make_error(std::move(code), std::move(location), std::move(said));
  diagnostic.source_line = std::string(text.substr(line_start, line_end - line_start));
  diagnostic.caret_column = caret;
  return diagnostic;
}

}  // namespace regflow::rules
