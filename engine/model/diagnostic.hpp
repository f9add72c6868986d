// Diagnostics: what the loader and the checker report about definitions.
//
// Loading and checking never stop at the first problem: they return a list of Diagnostics, each
// with a stable code (E-UNKNOWN-KEY), a 1-based position and a message that says what was found
// and what would be accepted. The one text format is `path:line:col: error: message`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/model/message.hpp"

namespace regflow::model {

/// A position in a definition file. Line and column are 1-based; 0 means "unknown".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

/// Where the values of a YAML map were written, by key ("owner") and, for lists, by key and
/// index ("signers.1"): a wrong reference is reported at the value itself rather than at the
/// key of the step or action that holds it.
struct ValueLocations {
  std::map<std::string, SourceLocation> by_key;

  /// The value's location, or `fallback` when it was not recorded (e.g. built in code).
  const SourceLocation& of(const std::string& key, const SourceLocation& fallback) const {
    auto it = by_key.find(key);
    return it == by_key.end() ? fallback : it->second;
  }
  const SourceLocation& of(const std::string& key, std::size_t index, const SourceLocation& fallback) const {
    auto it = by_key.find(key + "." + std::to_string(index));
    return it == by_key.end() ? of(key, fallback) : it->second;
  }

  friend bool operator==(const ValueLocations&, const ValueLocations&) = default;
};

enum class Severity { Error, Warning };

struct Diagnostic {
  std::string code;  ///< stable identifier, e.g. "E-UNREACHABLE-STEP"
  Severity severity = Severity::Error;
  SourceLocation location;
  std::string message;  ///< english(said): what tests, logs and `--json` show
  Message said;         ///< lower-case start, no final period, user values in '…'
  std::vector<Message> notes;  ///< extra context, printed as "  note: …"
  std::string source_line;  ///< the offending line, for a caret excerpt; empty when not useful
  int caret_column = 0;     ///< 1-based column of the caret inside source_line

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

using Diagnostics = std::vector<Diagnostic>;

/// Builds an error diagnostic.
Diagnostic make_error(std::string code, SourceLocation where, Message said);
/// Builds a warning diagnostic.
Diagnostic make_warning(std::string code, SourceLocation where, Message said);


/// True when any diagnostic is an error (warnings alone do not fail `check`).
bool has_errors(const Diagnostics& diagnostics);

/// Sorts by file, line, column, then code, so reports are stable.
void sort_diagnostics(Diagnostics& diagnostics);

/// "path:line:col: error: message [CODE]", then the excerpt with a caret and the notes, one per
/// line: as words to translate (cli/render/diagnostic.hpp) or to put inside another message.
Message diagnostic_said(const Diagnostic& diagnostic);
/// english(diagnostic_said(d)).
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace regflow::model
