#include "cli/file_io.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <random>

#include "cli/render/translate.hpp"
#include "engine/model/error.hpp"

namespace regflow::cli {
namespace fs = std::filesystem;
namespace {

std::string kind_of(const struct stat& st) {
  if (S_ISDIR(st.st_mode)) return render::tr("a folder");
  if (S_ISLNK(st.st_mode)) return render::tr("a symbolic link");
  if (S_ISCHR(st.st_mode)) return render::tr("a character device");
  if (S_ISBLK(st.st_mode)) return render::tr("a block device");
  if (S_ISFIFO(st.st_mode)) return render::tr("a pipe");
  if (S_ISSOCK(st.st_mode)) return render::tr("a socket");
  return render::tr("a special file");
}

std::string human_size(std::uint64_t bytes) {
  if (bytes >= (std::uint64_t{1} << 20)) return render::trf("{} MiB", bytes >> 20);
  if (bytes >= (std::uint64_t{1} << 10)) return render::trf("{} KiB", bytes >> 10);
  return render::trf("{} bytes", bytes);
}

// The folder a path is in, as the file system sees it: a path's name may differ from the
// database's ('./db' and 'db', a hard-linked folder) while the folder is the same.
bool same_folder(const fs::path& a, const fs::path& b) {
  struct stat sa {
  }, sb{};
  const fs::path fa = a.has_parent_path() ? a.parent_path() : fs::path(".");
  const fs::path fb = b.has_parent_path() ? b.parent_path() : fs::path(".");
  if (::stat(fa.c_str(), &sa) != 0 || ::stat(fb.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool same_file(const struct stat& st, const fs::path& other) {
  struct stat so {};
  if (::stat(other.c_str(), &so) != 0) return false;
  return st.st_dev == so.st_dev && st.st_ino == so.st_ino;
}

void refuse_protected(const fs::path& target, const struct stat* existing,
                      const std::vector<fs::path>& protected_files, std::string_view what) {
  for (const auto& guarded : protected_files) {
    const bool by_inode = existing != nullptr && same_file(*existing, guarded);
    const bool by_name = target.filename() == guarded.filename() && same_folder(target, guarded);
    if (by_inode || by_name) {
      throw InputError(render::trf(
          "refused: {} '{}' is the database's own file '{}'; writing there would destroy the "
          "record; give a file name outside the database's files",
          what, target.string(), guarded.string()));
    }
  }
}

std::string random_suffix() {
  std::random_device device;
  return fmt::format("{:08x}{:08x}", device(), device());
}

}  // namespace

std::vector<fs::path> database_companions(const std::string& db_path) {
  if (db_path.empty()) return {};
  return {db_path,
          db_path + "-wal",
          db_path + "-shm",
          db_path + "-journal",
          db_path + ".cache",
          db_path + ".key",
          db_path + ".key.pub",
          db_path + ".trusted",
          db_path + ".checkpoints",
          db_path + ".checkpoints.lock"};
}

void write_output_file(const fs::path& target, std::string_view bytes,
                       const std::vector<fs::path>& protected_files, std::string_view what) {
  write_output_stream(
      target, [&](const ByteSink& put) { put(bytes); }, protected_files, what);
}

void write_output_stream(const fs::path& target, const ByteProducer& produce,
                         const std::vector<fs::path>& protected_files, std::string_view what) {
  if (target.empty() || target.filename().empty()) {
    throw InputError(
        render::trf("refused: {} '{}' names no file; give a file name, e.g. "
                    "'arsip.rfa'",
                    what, target.string()));
  }
  struct stat st {};
  const bool exists = ::lstat(target.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    throw InputError(render::trf(
        "refused: {} '{}' is {}; regflow writes only regular files, and replaces them whole; "
        "give the name of a new or regular file",
        what, target.string(), kind_of(st)));
  }
  refuse_protected(target, exists ? &st : nullptr, protected_files, what);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  struct stat folder_st {};
  if (::stat(folder.c_str(), &folder_st) != 0 || !S_ISDIR(folder_st.st_mode)) {
    throw InputError(render::trf(
        "refused: {} '{}': folder '{}' does not exist; give a file in an existing folder", what,
        target.string(), folder.string()));
  }

  // A fresh name, created exclusively and never through a link: a file someone planted under
  // a predictable name (`<out>.partial`) cannot redirect the write.
  fs::path temporary;
  int fd = -1;
  for (int attempt = 0; attempt < 8 && fd < 0; ++attempt) {
    temporary = folder / fmt::format(".{}.{}.tmp", target.filename().string(), random_suffix());
    fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) {
    throw InputError(render::trf("cannot write '{}': {}", target.string(), std::strerror(errno)));
  }
  const auto fail = [&](const std::string& reason) {
    ::close(fd);
    ::unlink(temporary.c_str());
    throw InputError(render::trf("cannot write '{}': {}{}; nothing was written", target.string(),
                                 reason,
                                 reason == std::strerror(ENOSPC) ? " (free some space)" : ""));
  };
  const auto put = [&](std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        fail(std::strerror(errno));
      }
      done += static_cast<std::size_t>(n);
    }
  };
  try {
    produce(put);
  } catch (const InputError&) {
    throw;  // from fail(): the temporary file is gone already
  } catch (...) {
    // The bytes could not all be produced (a database error): no half file is left behind.
    ::close(fd);
    ::unlink(temporary.c_str());
    throw;
  }
  if (::fsync(fd) != 0) fail(std::strerror(errno));
  if (::close(fd) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(temporary.c_str());
    throw InputError(
        render::trf("cannot write '{}': {}; nothing was written", target.string(), reason));
  }
  // Checked again just before the rename: the target may have become a link meanwhile.
  struct stat again {};
  if (::lstat(target.c_str(), &again) == 0 && !S_ISREG(again.st_mode)) {
    ::unlink(temporary.c_str());
    throw InputError(render::trf("refused: {} '{}' became {} while writing; nothing was written",
                                 what, target.string(), kind_of(again)));
  }
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(temporary.c_str());
    throw InputError(
        render::trf("cannot replace '{}': {}; nothing was written", target.string(), reason));
  }
}

std::string read_input_file(const fs::path& path, std::uint64_t limit, std::string_view what) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    throw InputError(
        render::trf("cannot read {} '{}': {}", what, path.string(), std::strerror(errno)));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    throw InputError(
        render::trf("cannot read {} '{}': {}", what, path.string(), std::strerror(errno)));
  }
  if (!S_ISREG(st.st_mode)) {
    throw InputError(render::trf("refused: {} '{}' is {}; give a regular file", what, path.string(),
                                 kind_of(st)));
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > limit) {
    throw InputError(render::trf("refused: {} '{}' is {}; at most {} is accepted", what,
                                 path.string(), human_size(size), human_size(limit)));
  }
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(size));
  std::array<char, 65536> buffer{};
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError(
          render::trf("cannot read {} '{}': {}", what, path.string(), std::strerror(errno)));
    }
    if (n == 0) break;
    // The file may grow while it is read; the bound holds whatever it does.
    if (bytes.size() + static_cast<std::size_t>(n) > limit) {
      throw InputError(render::trf("refused: {} '{}' is over {}; at most {} is accepted", what,
                                   path.string(), human_size(limit), human_size(limit)));
    }
    bytes.append(buffer.data(), static_cast<std::size_t>(n));
  }
  return bytes;
}

}  // namespace regflow::cli
