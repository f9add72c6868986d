#include "cli/render/document_comparison.hpp"

#include "cli/render/translate.hpp"

namespace regflow::cli::render {

std::string comparison_refusal_text(const app::ComparisonRefusal& r, const std::string& kind,
                                    std::int64_t from, std::int64_t to) {
  const auto& d = r.document;
  switch (r.problem) {
    case app::ComparisonProblem::NoTextFormat:
      return trf(
          "no text comparison is possible for '{}' ({}): regflow compares DOCX, ODT, Markdown "
          "and plain text",
          d.name, d.media_type);
    case app::ComparisonProblem::Unreadable:
      return trf("{} v{} '{}' cannot be read as {}: {}", d.kind, d.version, d.name, r.format,
                 words(r.why));
    case app::ComparisonProblem::TooManyDifferences:
      return trf(
          "v{} and v{} of '{}' differ in more than {} paragraphs; compare them in a word "
          "processor",
          from, to, kind, document::kMaxDifferences);
  }
  return kind;
}

}  // namespace regflow::cli::render
