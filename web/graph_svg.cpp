#include "web/graph_svg.hpp"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "engine/model/digest.hpp"
#include "engine/model/error.hpp"

namespace regflow::web {

std::string dot_to_svg(const std::string& dot) {
  // The DOT goes through a private temporary file, so that dot's input and output never fill
  // two pipes at once.
  std::string path = (std::filesystem::temp_directory_path() / "regflow-dot-XXXXXX").string();
  const int fd = mkstemp(path.data());
  if (fd < 0) throw Error("cannot create a temporary file for Graphviz");
  const auto removed = [&path] { std::remove(path.c_str()); };
  std::size_t written = 0;
  while (written < dot.size()) {
    const auto n = ::write(fd, dot.data() + written, dot.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (written != dot.size()) {
    removed();
    throw Error("cannot write the graph for Graphviz (disk full?)");
  }
  FILE* pipe = popen(fmt::format("dot -Tsvg '{}' 2>/dev/null", path).c_str(), "r");
  if (pipe == nullptr) {
    removed();
    throw Error("cannot run Graphviz 'dot'; install the 'graphviz' package");
  }
  std::string svg;
  char buffer[8192];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) svg.append(buffer, n);
  const int status = pclose(pipe);
  removed();
  if (status != 0 || svg.empty()) {
    throw Error("Graphviz 'dot' is not installed or failed; install the 'graphviz' package");
  }
  return svg;
}

std::string GraphCache::svg(const std::string& dot) {
  const std::string key = model::sha256_hex(dot);
  {
    std::lock_guard lock(mutex_);
    if (auto it = svgs_.find(key); it != svgs_.end()) return it->second;
  }
  std::string drawn = dot_to_svg(dot);
  std::lock_guard lock(mutex_);
  if (svgs_.size() >= capacity_) svgs_.clear();
  svgs_.emplace(key, drawn);
  return drawn;
}

}  // namespace regflow::web
