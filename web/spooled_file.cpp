#include "web/spooled_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "engine/model/error.hpp"

namespace regflow::web {

SpooledFile::SpooledFile(const std::filesystem::path& folder) {
  std::string name = (folder / ".regflow-spool-XXXXXX").string();
  fd_ = ::mkostemp(name.data(), O_CLOEXEC);  // mode 0600
  if (fd_ < 0) {
    throw Error(fmt::format("cannot create a temporary file in '{}': {}", folder.string(),
                            std::strerror(errno)));
  }
  ::unlink(name.c_str());
}

SpooledFile::~SpooledFile() {
  if (fd_ >= 0) ::close(fd_);
}

void SpooledFile::append(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw Error(fmt::format("cannot write a temporary file: {}", std::strerror(errno)));
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::size_t SpooledFile::read_at(std::uint64_t offset, char* buffer, std::size_t capacity) const {
  for (;;) {
    const ssize_t n = ::pread(fd_, buffer, capacity, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(fmt::format("cannot read a temporary file: {}", std::strerror(errno)));
    return static_cast<std::size_t>(n);
  }
}

std::uint64_t SpooledFile::size() const {
  struct stat status {};
  if (::fstat(fd_, &status) != 0) {
    throw Error(fmt::format("cannot read a temporary file: {}", std::strerror(errno)));
  }
  return static_cast<std::uint64_t>(status.st_size);
}

int SpooledFile::duplicate_descriptor() const {
  const int fd = ::fcntl(fd_, F_DUPFD_CLOEXEC, 0);
  if (fd < 0) throw Error(fmt::format("cannot share a temporary file: {}", std::strerror(errno)));
  ::lseek(fd, 0, SEEK_SET);  // both descriptors share the position; this file reads with pread
  return fd;
}

}  // namespace regflow::web
