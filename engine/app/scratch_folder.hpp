// A fresh folder only this process can enter, for files a command builds before handing them on
// (a workbook, a JDIH package), removed with what it holds when the scope ends.
#pragma once

#include <filesystem>
#include <string>

namespace regflow::app {

class ScratchFolder {
 public:
  /// A folder in the system's temporary folder named after `purpose` ("workbook", "package");
  /// throws Error naming the place when it cannot be made.
  explicit ScratchFolder(const std::string& purpose);
  ~ScratchFolder();
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace regflow::app
