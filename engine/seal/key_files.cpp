#include "engine/seal/key_files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "engine/model/digest.hpp"
#include "engine/model/error.hpp"

namespace regflow::seal {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPrivateMagic = "regflow-ed25519-private-key";
constexpr std::string_view kPublicMagic = "regflow-ed25519-public-key";
// A key file is a few dozen bytes; anything much larger is not one.
constexpr std::size_t kMaxKeyFileBytes = 4096;

// What was being done to a file when the system refused, each worded as a whole sentence.
enum class FileOperation {
  Write,
  FlushToDisk,
  Read,
  Examine,
  Create,
  OpenLockFile,
  Lock,
  AppendTo
};

model::Message system_error(const fs::path& path, FileOperation operation) {
  const std::string reason = std::strerror(errno);
  const std::string file = path.string();
  switch (operation) {
    case FileOperation::Write:
      return model::say("cannot write '{}': {}", file, reason);
    case FileOperation::FlushToDisk:
      return model::say("cannot flush to disk '{}': {}", file, reason);
    case FileOperation::Read:
      return model::say("cannot read '{}': {}", file, reason);
    case FileOperation::Examine:
      return model::say("cannot examine '{}': {}", file, reason);
    case FileOperation::Create:
      return model::say("cannot create '{}': {}", file, reason);
    case FileOperation::OpenLockFile:
      return model::say("cannot open the lock file '{}': {}", file, reason);
    case FileOperation::Lock:
      return model::say("cannot lock '{}': {}", file, reason);
    case FileOperation::AppendTo:
      return model::say("cannot append to '{}': {}", file, reason);
  }
  return model::say("cannot read '{}': {}", file, reason);
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

void write_all(int fd, const std::string& bytes, const fs::path& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError(system_error(path, FileOperation::Write));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) throw InputError(system_error(path, FileOperation::FlushToDisk));
}

// Reads a small file without following a symbolic link; `private_file` also refuses a mode that
// lets other accounts read it.
std::string read_small(const fs::path& path, bool private_file) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ELOOP) {
      throw InputError(model::say(
          "'{}' is a symbolic link; regflow reads its keys only from real files", path.string()));
    }
    if (errno == EACCES && private_file) {
      throw InputError(model::say(
          "cannot read the installation's private key '{}': only the account that holds it may "
          "seal and export (run the command as that account)",
          path.string()));
    }
    throw InputError(system_error(path, FileOperation::Read));
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) throw InputError(system_error(path, FileOperation::Examine));
  if (!S_ISREG(info.st_mode) || static_cast<std::size_t>(info.st_size) > kMaxKeyFileBytes) {
    throw InputError(model::say("'{}' is not a regflow key file", path.string()));
  }
  if (private_file && (info.st_mode & 077) != 0) {
    throw InputError(model::say(
        "the private key '{}' can be read by other accounts (mode {}); run 'chmod 600 {}' so "
        "that only the account that seals and exports can read it",
        path.string(), fmt::format("{:o}", info.st_mode & 0777), path.string()));
  }
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw InputError(system_error(path, FileOperation::Read));
    done += static_cast<std::size_t>(n);
  }
  return bytes;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// Creates `path` exclusively (never over an existing file or through a link) with `mode`.
void create_exclusive(const fs::path& path, const std::string& bytes, mode_t mode) {
  FileDescriptor fd(
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode));
  if (fd.get() < 0) throw InputError(system_error(path, FileOperation::Create));
  write_all(fd.get(), bytes, path);
}

}  // namespace

TrustFiles trust_files(const std::string& db_path) {
  return {db_path + ".key", db_path + ".key.pub", db_path + ".checkpoints", db_path + ".trusted"};
}

std::string public_key_text(const std::string& raw) {
  return fmt::format("{} {}", kPublicMagic, model::lower_hex(raw));
}

std::optional<std::string> parse_public_key_text(const std::string& text) {
  const std::string line = trimmed(text);
  if (line.size() != kPublicMagic.size() + 1 + 2 * kKeyBytes ||
      line.compare(0, kPublicMagic.size(), kPublicMagic) != 0 || line[kPublicMagic.size()] != ' ') {
    return std::nullopt;
  }
  return model::from_hex(std::string_view(line).substr(kPublicMagic.size() + 1));
}

SigningKey load_signing_key(const TrustFiles& files, bool create, bool& created) {
  created = false;
  std::error_code ec;
  const bool exists = fs::symlink_status(files.private_key, ec).type() != fs::file_type::not_found;
  if (!exists) {
    if (!create) {
      throw InputError(model::say(
          "this installation has no key yet ('{}' does not exist); 'regflow key init' makes one",
          files.private_key.string()));
    }
    if (fs::symlink_status(files.public_key, ec).type() != fs::file_type::not_found) {
      throw InputError(model::say(
          "'{}' exists but its private key '{}' does not; restore the private key, or move the "
          "public key away to make a new key (checkpoints signed by the old one then no longer "
          "verify)",
          files.public_key.string(), files.private_key.string()));
    }
    auto key = SigningKey::generate();
    create_exclusive(files.private_key,
                     fmt::format("{}\n{}\n", kPrivateMagic, model::lower_hex(key.private_key())),
                     0600);
    create_exclusive(files.public_key, public_key_text(key.public_key()) + "\n", 0644);
    created = true;
    return key;
  }
  const std::string text = read_small(files.private_key, true);
  const auto newline = text.find('\n');
  const auto raw = newline == std::string::npos || text.substr(0, newline) != kPrivateMagic
                       ? std::nullopt
                       : model::from_hex(trimmed(text.substr(newline + 1)));
  auto key = raw ? SigningKey::from_private(*raw) : std::nullopt;
  if (!key) {
    throw InputError(
        model::say("'{}' is not a regflow private key file", files.private_key.string()));
  }
  // A private key restored from a backup without its public half gets it back.
  if (fs::symlink_status(files.public_key, ec).type() == fs::file_type::not_found) {
    create_exclusive(files.public_key, public_key_text(key->public_key()) + "\n", 0644);
  } else if (load_public_key(files) != key->public_key()) {
    // verify reads the public half: signing with a key it does not hold would sign nothing
    // anyone checks.
    throw InputError(model::say(
        "'{}' is not the public half of '{}' (key {}); restore the right file, or remove it to "
        "have it written again from the private key",
        files.public_key.string(), files.private_key.string(), fingerprint(key->public_key())));
  }
  return std::move(*key);
}

std::optional<std::string> load_public_key(const TrustFiles& files) {
  std::error_code ec;
  if (fs::symlink_status(files.public_key, ec).type() == fs::file_type::not_found) {
    return std::nullopt;
  }
  auto raw = parse_public_key_text(read_small(files.public_key, false));
  if (!raw || raw->size() != kKeyBytes) {
    throw InputError(
        model::say("'{}' is not a regflow public key file", files.public_key.string()));
  }
  return raw;
}

std::optional<std::vector<std::string>> read_log_lines(const fs::path& path) {
  std::error_code ec;
  if (fs::symlink_status(path, ec).type() == fs::file_type::not_found) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(system_error(path, FileOperation::Read));
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  if (in.bad()) throw InputError(system_error(path, FileOperation::Read));
  return lines;
}

LogLock::LogLock(const fs::path& log) {
  const fs::path path = log.string() + ".lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd_ < 0) throw InputError(system_error(path, FileOperation::OpenLockFile));
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    model::Message why = system_error(path, FileOperation::Lock);
    ::close(fd_);
    throw InputError(std::move(why));
  }
}

LogLock::~LogLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

void append_log_line(const fs::path& path, const std::string& line) {
  FileDescriptor fd(
      ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (fd.get() < 0) throw InputError(system_error(path, FileOperation::AppendTo));
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    throw InputError(
        model::say("'{}' is not a regular file; the checkpoint log must be one", path.string()));
  }
  write_all(fd.get(), line + "\n", path);
}

}  // namespace regflow::seal
