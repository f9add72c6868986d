// Which kinds of document a dossier may hold and how large one may be: the naskah (the draft
// itself), the naskah akademik, letters, minutes, the harmonisation and facilitation results,
// the signed product. Declared in settings.yaml (`documents:`), so that an installation can
// add a kind without a new build; the built-in list is what the shipped procedures require.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace regflow::model {

struct DocumentKind {
  std::string name;   ///< e.g. "naskah"; used in YAML and on the command line
  std::string title;  ///< Indonesian, for people: "Naskah rancangan"

  friend bool operator==(const DocumentKind&, const DocumentKind&) = default;
};

/// 50 MiB: a scanned, signed Perda of a hundred pages is a few MiB; this leaves room for
/// annexes with maps without letting one upload fill the server's disk.
inline constexpr std::int64_t kDefaultDocumentMaxSize = 50LL * 1024 * 1024;

struct DocumentPolicy {
  std::vector<DocumentKind> kinds;
  std::int64_t max_size = kDefaultDocumentMaxSize;  ///< bytes per document

  /// The kind called `name`; nullptr when it is not declared.
  const DocumentKind* find(const std::string& name) const;
  /// The kind names in declaration order (for refusals and help).
  std::vector<std::string> names() const;
  /// The kinds the shipped procedures use, with their Indonesian titles, and 50 MiB.
  static DocumentPolicy standard();

  friend bool operator==(const DocumentPolicy&, const DocumentPolicy&) = default;
};

}  // namespace regflow::model
