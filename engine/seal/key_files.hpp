// The files of the installation's trust, beside the database and not in it: whoever can rewrite
// the database must not be able to sign, so the private key is a file of its own (mode 0600, to be
// owned by the account that runs `regflow seal` and `export`), and the checkpoint log is a file
// that regflow only ever appends to.
//
//   <db>.key          the Ed25519 private key: "regflow-ed25519-private-key\n" and 64 hex digits
//   <db>.key.pub      the public key: "regflow-ed25519-public-key " and 64 hex digits
//   <db>.checkpoints  the checkpoint log (engine/seal/checkpoint.hpp), one line per checkpoint
//   <db>.trusted      the installations whose archives import accepts (engine/seal/trust_list)
//
// The imperative shell of engine/seal: the only code there that touches files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/seal/signing_key.hpp"

namespace regflow::seal {

struct TrustFiles {
  std::filesystem::path private_key;
  std::filesystem::path public_key;
  std::filesystem::path checkpoints;
  std::filesystem::path trusted;
};

/// The files that belong to the database at `db_path`.
TrustFiles trust_files(const std::string& db_path);

/// The installation's key. When its file does not exist and `create` is set, a new key is made
/// and written (the private key exclusively, mode 0600) and `created` is set. Throws InputError
/// when the file is missing (and not to be created), unreadable, malformed, a symbolic link, or
/// readable by other accounts.
SigningKey load_signing_key(const TrustFiles& files, bool create, bool& created);

/// The raw public key from its file; nullopt when there is none. Throws InputError when it is
/// malformed.
std::optional<std::string> load_public_key(const TrustFiles& files);

/// "regflow-ed25519-public-key <hex>": how a public key is written and given to others.
std::string public_key_text(const std::string& raw);
/// The raw key a public key text spells (surrounding white space ignored); nullopt otherwise.
std::optional<std::string> parse_public_key_text(const std::string& text);

/// The lines of the checkpoint log; nullopt when it does not exist. Throws InputError when it
/// cannot be read.
std::optional<std::vector<std::string>> read_log_lines(const std::filesystem::path& path);

/// An exclusive lock on the checkpoint log (flock on `<log>.lock`), held while a seal reads the
/// log and appends to it, so that two seals at once cannot both write checkpoint N.
class LogLock {
 public:
  /// Waits for the lock; throws InputError when the lock file cannot be opened.
  explicit LogLock(const std::filesystem::path& log);
  LogLock(const LogLock&) = delete;
  LogLock& operator=(const LogLock&) = delete;
  ~LogLock();

 private:
  int fd_ = -1;
};

/// Appends one line to the checkpoint log (created if missing, never through a symbolic link)
/// and waits until it is on disk. Throws InputError when it cannot.
void append_log_line(const std::filesystem::path& path, const std::string& line);

}  // namespace regflow::seal
