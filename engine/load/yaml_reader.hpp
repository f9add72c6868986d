// Typed, position-aware access to yaml-cpp nodes for the loaders in this folder.
//
// Private to engine/load: it is the one header that includes yaml-cpp, and only the loaders'
// .cpp files include it. Every loader (workflows, agencies, rules, calendars, settings) reads
// its YAML through this class, so that a syntax error, an unknown or repeated key and a node's
// position read the same in every file kind. Every problem becomes a Diagnostic at the node's
// 1-based position (yaml-cpp's Mark is 0-based; a node without a mark is placed at 1:1, never
// at 0:0) and reading goes on, so one run reports every mistake.
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "engine/model/diagnostic.hpp"

namespace regflow::load {

/// Files larger than this are refused before parsing: definitions are small, and a huge file is
/// almost certainly a mistake (or an attack on memory).
inline constexpr std::uintmax_t kMaxDefinitionBytes = 4 * 1024 * 1024;

class YamlReader {
 public:
  YamlReader(std::string path, std::string text, model::Diagnostics& out);

  /// Parses the text; on a syntax error records E-YAML-SYNTAX and returns nullopt.
  std::optional<YAML::Node> parse();
  /// Records E-YAML-SYNTAX for an error yaml-cpp threw: "invalid YAML: ...", with the line and a
  /// caret under the column.
  void syntax_error(const YAML::Exception& e);

  model::SourceLocation location(const YAML::Node& node) const;
  model::SourceLocation location(const YAML::Mark& mark) const;

  void error(std::string code, const YAML::Node& at, model::Message message,
             std::vector<model::Message> notes = {});
  void warning(std::string code, const YAML::Node& at, model::Message message);

  /// True when `node` is a map; records E-WRONG-TYPE naming `what` otherwise.
  bool expect_map(const YAML::Node& node, const model::Message& what);
  /// True when `node` is a sequence; records E-WRONG-TYPE naming `what` otherwise.
  bool expect_sequence(const YAML::Node& node, const model::Message& what);

  using Entries = std::vector<std::pair<YAML::Node, YAML::Node>>;

  /// The entries of a map in file order, each key once: E-DUPLICATE-KEY "'k' is given twice in
  /// WHAT" for a repeated key (the first one is kept), E-WRONG-TYPE for a key that is not a
  /// plain name.
  Entries entries(const YAML::Node& map, const model::Message& what);
  /// entries() without the keys that are not `accepted`, each reported as E-UNKNOWN-KEY
  /// "unknown key 'k' in WHAT (did you mean 'x'?)" with the note "accepted keys: ...".
  Entries known_entries(const YAML::Node& map, const std::vector<std::string>& accepted,
                        const model::Message& what);
  /// Reports the unknown and repeated keys of `map`, as known_entries() does.
  void check_keys(const YAML::Node& map, const std::vector<std::string>& accepted,
                  const model::Message& what);

  /// The value of `key` in `map`, as `map[key]` finds it, or nullopt when there is none.
  /// yaml-cpp's operator[] formats the key through a std::stringstream for every key that is
  /// absent, and most keys are optional: that was 9% of the instructions of `check`
  /// (bench/README.md).
  static std::optional<YAML::Node> find(const YAML::Node& map, const std::string& key);

  /// A scalar field; records E-MISSING-KEY when `required` and absent, E-WRONG-TYPE when not a
  /// scalar.
  std::optional<std::string> text(const YAML::Node& map, const std::string& key,
                                  const model::Message& what, bool required);
  std::optional<int> integer(const YAML::Node& map, const std::string& key,
                             const model::Message& what, bool required, int min, int max);
  std::optional<bool> boolean(const YAML::Node& map, const std::string& key,
                              const model::Message& what);
  /// A scalar or a sequence of scalars, as a list.
  std::vector<std::string> text_list(const YAML::Node& map, const std::string& key,
                                     const model::Message& what);

  /// Records where each value of `map` (and each item of a list value) was written.
  model::ValueLocations value_locations(const YAML::Node& map) const;

  /// The location of the first character of a scalar's value: inside the quotes of a quoted
  /// scalar, on the first content line of a block scalar ('|' or '>').
  model::SourceLocation scalar_start(const YAML::Node& scalar) const;

  const std::string& path() const { return path_; }

 private:
  std::string line_text(int line) const;

  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  model::Diagnostics& out_;
};

/// How a node looks in a message: "a map", "a list", "'value'" (verbatim) or "nothing".
model::Message describe_node(const YAML::Node& node);

/// True when `text` is UTF-8 (a byte order mark allowed). Otherwise records E-ENCODING at the
/// line and column of the first byte that is not, and returns false: yaml-cpp would silently
/// turn such bytes into U+FFFD, and the store cannot encode them.
bool check_encoding(const std::string& path, std::string_view text, model::Diagnostics& out);

/// Why the system could not read a file or folder, in lower case as the middle of a message:
/// the common reasons as words to translate, any other as the system's own (English) text.
model::Message system_reason(const std::error_code& ec);

/// Reads a whole file for a loader; nullopt (with a diagnostic) if unreadable or too large.
std::optional<std::string> read_definition_file(const std::filesystem::path& path,
                                                model::Diagnostics& out);

}  // namespace regflow::load
