// DOT to SVG through Graphviz's `dot` (a run-time dependency already), for the pictures of the
// procedures and of a dossier's position. A picture depends only on its DOT text, so the SVG is
// kept by the text's digest: a board opened every morning draws each procedure once.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace regflow::web {

class GraphCache {
 public:
  explicit GraphCache(std::size_t capacity = 256) : capacity_(capacity) {}
  /// The SVG of `dot`; throws Error when Graphviz is missing or fails.
  std::string svg(const std::string& dot);

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::map<std::string, std::string> svgs_;  ///< by the DOT text's SHA-256
};

/// Runs `dot -Tsvg` on `dot`; throws Error when Graphviz is missing or fails.
std::string dot_to_svg(const std::string& dot);

}  // namespace regflow::web
