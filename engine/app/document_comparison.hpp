// Comparing two stored versions of a document paragraph by paragraph: the one function behind
// `regflow diff` and the web's comparison page. It reads both versions' bytes from the store,
// their paragraphs (engine/document/paragraphs) and their differences (paragraph_diff); a pair
// that cannot be compared comes back as a structured problem for the shells to word.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "engine/document/paragraph_diff.hpp"
#include "engine/runtime/documents.hpp"
#include "engine/store/store.hpp"

namespace regflow::app {

enum class ComparisonProblem {
  NoTextFormat,       ///< `document` is a PDF, a scan…: no text comparison is possible
  Unreadable,         ///< `document` cannot be read as `format`: `why`
  TooManyDifferences  ///< more than document::kMaxDifferences paragraphs differ
};

struct ComparisonRefusal {
  ComparisonProblem problem = ComparisonProblem::NoTextFormat;
  runtime::DocumentVersion document;  ///< the version concerned (NoTextFormat, Unreadable)
  std::string format;                 ///< the format it was read as (Unreadable)
  model::Message why;                 ///< the reader's message (Unreadable)
};

/// Every paragraph of both versions, marked same, removed or added; or why not.
using ComparisonOutcome = std::variant<std::vector<document::DiffLine>, ComparisonRefusal>;

/// Compares `before` with `after`. Each version's bytes are read whole (a text to compare is
/// held in memory; DOCX/ODT inflation is capped by document::kMaxInflatedText). Throws
/// StoreError when a version's bytes are missing.
ComparisonOutcome compare_versions(const store::Store& store,
                                   const runtime::DocumentVersion& before,
                                   const runtime::DocumentVersion& after);

}  // namespace regflow::app
