// What the loaders say must reach a person as words to translate (issue #17): every diagnostic
// is a message id with values (model::say), never an English sentence kept whole as a verbatim
// text, which a renderer could only show in English.
#pragma once

#include <catch2/catch.hpp>
#include <cstddef>

#include "engine/model/diagnostic.hpp"

namespace regflow::test {

/// Checks every diagnostic and note of `ds`; returns how many diagnostics were checked, so that a
/// test can show it did not walk an empty corpus.
inline std::size_t require_words(const model::Diagnostics& ds) {
  for (const auto& d : ds) {
    INFO(model::format_diagnostic(d));
    CHECK_FALSE(d.said.verbatim);
    CHECK_FALSE(d.said.format.empty());
    CHECK(d.message == model::english(d.said));
    for (const auto& note : d.notes) CHECK_FALSE(note.verbatim);
  }
  return ds.size();
}

}  // namespace regflow::test
