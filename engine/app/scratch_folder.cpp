#include "engine/app/scratch_folder.hpp"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "engine/model/error.hpp"

namespace regflow::app {

ScratchFolder::ScratchFolder(const std::string& purpose) {
  const auto base = std::filesystem::temp_directory_path() / ("regflow-" + purpose + "-XXXXXX");
  std::string pattern = base.string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw Error(model::say("cannot make a temporary folder for the {} in '{}': {}", purpose,
                           base.parent_path().string(), std::strerror(errno)));
  }
  path_ = pattern;
}

ScratchFolder::~ScratchFolder() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace regflow::app
