// The installations whose archives `import` accepts: `<db>.trusted`, beside the database and
// its key, one line per installation, "regflow-ed25519-public-key <hex> <name>". It is a file of
// the same standing as the key (to be writable only by the administrators), not a table: whoever
// can rewrite the database must not be able to make it trust an archive of their own making.
// This installation's own key is always trusted.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace regflow::seal {

struct TrustedKey {
  std::string name;
  std::string public_key;  ///< raw, 32 bytes
};

/// The trusted keys; none when the file does not exist. Throws InputError naming the line when
/// the file is malformed.
std::vector<TrustedKey> read_trusted(const std::filesystem::path& path);

/// Adds a trusted key. Throws InputError, writing nothing, when the name is empty or holds
/// white space or control characters, or the name or the key is already trusted.
void add_trusted(const std::filesystem::path& path, const TrustedKey& key);

/// Removes the key trusted under `name`; false when there is none.
bool remove_trusted(const std::filesystem::path& path, const std::string& name);

}  // namespace regflow::seal
