// A deadline's status in words, in the current language: the one list of status names
// (deadline::status_name, plus "no deadline") that the board, show, stats and the web pages use.
// Glossary: docs/glossary.md#statuses.
#pragma once

#include <string>

namespace regflow::cli::render {

/// "on track" → "sesuai jadwal", "overdue" → "terlambat", … (the name itself in English, and for
/// a name the catalog does not know).
std::string status_words(const std::string& status_name);

}  // namespace regflow::cli::render
