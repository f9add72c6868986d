#include "engine/app/document_comparison.hpp"

#include <optional>

#include "engine/document/paragraphs.hpp"

namespace regflow::app {
namespace {

/// The paragraphs of one version, or why they cannot be had.
std::variant<std::vector<std::string>, ComparisonRefusal> paragraphs_of(
    const store::Store& store, const runtime::DocumentVersion& d) {
  const auto format = document::text_format(d.media_type, d.name);
  if (format == document::TextFormat::None) {
    return ComparisonRefusal{ComparisonProblem::NoTextFormat, d, {}, {}};
  }
  std::string bytes;
  store.read_document(d.sha256, [&](std::string_view chunk) { bytes.append(chunk); });
  auto read = document::paragraphs(bytes, format);
  if (auto* why = std::get_if<model::Message>(&read)) {
    return ComparisonRefusal{ComparisonProblem::Unreadable, d, document::format_name(format), *why};
  }
  return std::get<std::vector<std::string>>(std::move(read));
}

}  // namespace

ComparisonOutcome compare_versions(const store::Store& store,
                                   const runtime::DocumentVersion& before,
                                   const runtime::DocumentVersion& after) {
  auto old_text = paragraphs_of(store, before);
  if (auto* refusal = std::get_if<ComparisonRefusal>(&old_text)) return *refusal;
  auto new_text = paragraphs_of(store, after);
  if (auto* refusal = std::get_if<ComparisonRefusal>(&new_text)) return *refusal;
  auto lines = document::paragraph_diff(std::get<std::vector<std::string>>(old_text),
                                        std::get<std::vector<std::string>>(new_text));
  if (!lines) return ComparisonRefusal{ComparisonProblem::TooManyDifferences, {}, {}, {}};
  return std::move(*lines);
}

}  // namespace regflow::app
