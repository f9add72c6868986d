// A file's bytes, for tests that read the fixtures and shipped files they check.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace regflow::test {

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace regflow::test
