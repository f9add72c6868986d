// Parsed workflow definitions, agencies, rules and calendars kept in a folder, one file per text,
// so that a command on one dossier does not run yaml-cpp again over a text it has read before:
// parsing was most of such a command's run time (bench/README.md). An entry is found by the SHA-256
// of this build of regflow (its GNU build id), the path shown in diagnostics and the text, so an
// edited file, a moved file or a new regflow never meets an old entry. Only definitions that loaded
// without errors are kept; the checker runs on every load, against the current agencies and rules.
// A missing, unreadable or damaged entry is parsed again; the cache never changes a result.
//
// The folder sits beside the database, where others may write: an entry is therefore never
// trusted on its own word. Each ends with an HMAC-SHA-256, under a random key kept in the database
// (app::definition_cache_key), of its own key and bytes, so that an entry edited, forged or put
// in another's place is parsed again from the YAML. Entries are written to a new file of a random
// name, created exclusively and never through a symbolic link, then renamed into place.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/load/calendar_loader.hpp"
#include "engine/load/rule_loader.hpp"
#include "engine/model/agency.hpp"
#include "engine/model/definition.hpp"
#include "engine/model/diagnostic.hpp"

namespace regflow::load {

class DefinitionCache {
 public:
  /// A cache in `folder` (created when first written) whose entries are authenticated with
  /// `mac_key`; an empty path or key disables it.
  DefinitionCache(std::filesystem::path folder, std::string mac_key);

  /// load_workflow_text through the cache: the same definition and diagnostics. A definition
  /// parsed here is written by `save`, not at once, so that a command refused for another error
  /// leaves nothing behind.
  std::optional<model::WorkflowDefinition> load(const std::string& path, const std::string& text,
                                                model::Diagnostics& out);
  /// The same, for a caller that has already computed `text_hash`, the SHA-256 of `text` (it
  /// becomes the definition's content_hash and keys the entry, so the text is hashed once).
  std::optional<model::WorkflowDefinition> load(const std::string& path, const std::string& text,
                                                const std::string& text_hash,
                                                model::Diagnostics& out);

  /// load_agencies_text through the cache.
  model::AgencyDirectory agencies(const std::string& path, const std::string& text,
                                  model::Diagnostics& out);

  /// load_calendars through the cache, keyed by every entry of the folder and its bytes.
  CalendarLoad calendars(const std::filesystem::path& dir, bool collective_leave_is_working);

  /// load_rules through the cache: what rules/*.yaml said is kept, and finalized on every load.
  RuleLoad rules(const std::filesystem::path& dir);

  /// Writes the entries parsed since the last call (best effort: a folder that cannot be
  /// written only means they are parsed again next time).
  void save();

 private:
  struct Pending {
    std::string key;
    std::string bytes;
  };
  std::filesystem::path entry(const std::string& key) const;
  /// HMAC-SHA-256 (hex) of an entry's key and archived bytes under the database's cache key.
  std::string entry_mac(const std::string& key, std::string_view archived) const;
  /// The entry of `kind` for `path` and a text, or what `parse` gives (kept for save() when it
  /// gave a value without errors). `text_identity` is the text itself or its SHA-256: the key
  /// is exact either way.
  template <typename T, typename Parse>
  std::optional<T> through(const std::string& kind, const std::string& path,
                           std::string_view text_identity, model::Diagnostics& out, Parse parse);

  std::filesystem::path folder_;
  std::string mac_key_;
  std::vector<Pending> pending_;
};

/// The GNU build id of the running executable in hex; empty when it has none (the cache is
/// then off, since it could not tell two builds apart).
const std::string& build_id();

}  // namespace regflow::load
