#include "engine/seal/trust_list.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

#include "engine/model/error.hpp"
#include "engine/seal/key_files.hpp"
#include "engine/seal/signing_key.hpp"

namespace regflow::seal {
namespace {

namespace fs = std::filesystem;

std::string line_of(const TrustedKey& key) {
  return public_key_text(key.public_key) + " " + key.name;
}

// Written aside (exclusively) and renamed over the list, so that a reader never meets half a
// list; the aside file is new, so a link planted under its name is not followed.
void write_all(const fs::path& path, const std::vector<TrustedKey>& keys) {
  const fs::path aside = path.string() + ".new";
  std::error_code ignored;
  fs::remove(aside, ignored);
  std::string text;
  for (const auto& key : keys) text += line_of(key) + "\n";
  append_log_line(aside, text.empty() ? std::string{} : text.substr(0, text.size() - 1));
  if (keys.empty()) fs::resize_file(aside, 0, ignored);
  std::error_code error;
  fs::rename(aside, path, error);
  if (error) {
    fs::remove(aside, ignored);
    throw InputError(model::say("cannot write '{}': {}", path.string(), error.message()));
  }
}

}  // namespace

std::vector<TrustedKey> read_trusted(const fs::path& path) {
  const auto lines = read_log_lines(path);
  std::vector<TrustedKey> out;
  if (!lines) return out;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const std::string& line = (*lines)[i];
    if (line.empty()) continue;
    // "regflow-ed25519-public-key HEX NAME": the name is the third word.
    const std::size_t first = line.find(' ');
    const std::size_t second = first == std::string::npos ? first : line.find(' ', first + 1);
    const auto raw =
        second == std::string::npos ? std::nullopt : parse_public_key_text(line.substr(0, second));
    if (!raw || second + 1 >= line.size()) {
      throw InputError(
          model::say("'{}' line {} is not 'regflow-ed25519-public-key HEX NAME'; mend or remove it",
                     path.string(), i + 1));
    }
    out.push_back({line.substr(second + 1), *raw});
  }
  return out;
}

void add_trusted(const fs::path& path, const TrustedKey& key) {
  if (key.name.empty() || std::any_of(key.name.begin(), key.name.end(), [](char c) {
        return static_cast<unsigned char>(c) <= ' ' || c == 0x7f;
      })) {
    throw InputError(model::say(
        "the name '{}' is not accepted; give one word without spaces or control characters, "
        "e.g. --name pemkab-bangka",
        key.name));
  }
  if (key.public_key.size() != kKeyBytes) throw InputError(model::say("not an Ed25519 public key"));
  auto keys = read_trusted(path);
  for (const auto& k : keys) {
    if (k.name == key.name) {
      throw InputError(
          model::say("'{}' is trusted already (key {}); 'regflow trust remove {}' first to "
                     "replace it",
                     k.name, fingerprint(k.public_key), k.name));
    }
    if (k.public_key == key.public_key) {
      throw InputError(model::say("this key ({}) is trusted already, as '{}'",
                                  fingerprint(k.public_key), k.name));
    }
  }
  keys.push_back(key);
  write_all(path, keys);
}

bool remove_trusted(const fs::path& path, const std::string& name) {
  auto keys = read_trusted(path);
  const auto before = keys.size();
  keys.erase(
      std::remove_if(keys.begin(), keys.end(), [&](const TrustedKey& k) { return k.name == name; }),
      keys.end());
  if (keys.size() == before) return false;
  write_all(path, keys);
  return true;
}

}  // namespace regflow::seal
