#include "engine/load/yaml_reader.hpp"

#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/model/spelling.hpp"
#include "engine/model/utf8.hpp"

namespace regflow::load {

model::Message describe_node(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return model::say("a map");
    case YAML::NodeType::Sequence:
      return model::say("a list");
    case YAML::NodeType::Scalar:
      // What the file says, quoted: the same in every language.
      return model::verbatim(fmt::format("'{}'", node.Scalar()));
    case YAML::NodeType::Null:
      return model::say("nothing");
    case YAML::NodeType::Undefined:
      return model::say("nothing");
  }
  return model::say("something else");
}

YamlReader::YamlReader(std::string path, std::string text, model::Diagnostics& out)
    : path_(std::move(path)), text_(std::move(text)), out_(out) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::optional<YAML::Node> YamlReader::parse() {
  if (!check_encoding(path_, text_, out_)) return std::nullopt;
  try {
    return YAML::Load(text_);
  } catch (const YAML::Exception& e) {
    syntax_error(e);
    return std::nullopt;
  }
}

void YamlReader::syntax_error(const YAML::Exception& e) {
  auto where = location(e.mark);
  std::string message = e.msg;
  if (!message.empty()) {
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  // yaml-cpp's own words stay as they are: there is no catalog for them.
  auto d = model::make_error("E-YAML-SYNTAX", where, model::say("invalid YAML: {}", message));
  d.source_line = line_text(where.line);
  d.caret_column = d.source_line.empty() ? 0 : where.column;
  out_.push_back(std::move(d));
}

model::SourceLocation YamlReader::location(const YAML::Mark& mark) const {
  // Only what is not in the text has no mark, such as the root of an empty file: the start of
  // the file is where the reader looks for what is missing.
  if (mark.line < 0) return {path_, 1, 1};
  return {path_, mark.line + 1, mark.column + 1};
}

model::SourceLocation YamlReader::location(const YAML::Node& node) const {
  return location(node.Mark());
}

std::string YamlReader::line_text(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
  const std::size_t begin = line_starts_[static_cast<std::size_t>(line - 1)];
  std::size_t end = text_.find('\n', begin);
  if (end == std::string::npos) end = text_.size();
  std::string out = text_.substr(begin, end - begin);
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return out;
}

model::ValueLocations YamlReader::value_locations(const YAML::Node& map) const {
  model::ValueLocations out;
  if (!map.IsMap()) return out;
  for (const auto& entry : map) {
    if (!entry.first.IsScalar()) continue;
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    out.by_key[key] = value.IsScalar() ? scalar_start(value) : location(value);
    if (value.IsSequence()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        const YAML::Node item = value[i];
        out.by_key[key + "." + std::to_string(i)] =
            item.IsScalar() ? scalar_start(item) : location(item);
      }
    }
  }
  return out;
}

model::SourceLocation YamlReader::scalar_start(const YAML::Node& scalar) const {
  auto where = location(scalar);
  const std::string line = line_text(where.line);
  const auto index = static_cast<std::size_t>(where.column - 1);
  if (index >= line.size()) return where;
  if (line[index] == '"' || line[index] == '\'') {
    ++where.column;
  } else if (line[index] == '|' || line[index] == '>') {
    const auto indent = line_text(where.line + 1).find_first_not_of(' ');
    if (indent != std::string::npos) {
      where.line += 1;
      where.column = static_cast<int>(indent) + 1;
    }
  }
  return where;
}

void YamlReader::error(std::string code, const YAML::Node& at, model::Message message,
                       std::vector<model::Message> notes) {
  auto d = model::make_error(std::move(code), location(at), std::move(message));
  d.notes = std::move(notes);
  out_.push_back(std::move(d));
}

void YamlReader::warning(std::string code, const YAML::Node& at, model::Message message) {
  out_.push_back(model::make_warning(std::move(code), location(at), std::move(message)));
}

bool YamlReader::expect_map(const YAML::Node& node, const model::Message& what) {
  if (node.IsMap()) return true;
  error("E-WRONG-TYPE", node,
        model::say("{} must be a map of keys, found {}", what, describe_node(node)));
  return false;
}

bool YamlReader::expect_sequence(const YAML::Node& node, const model::Message& what) {
  if (node.IsSequence()) return true;
  error("E-WRONG-TYPE", node, model::say("{} must be a list, found {}", what, describe_node(node)));
  return false;
}

YamlReader::Entries YamlReader::entries(const YAML::Node& map, const model::Message& what) {
  Entries out;
  std::set<std::string> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      error("E-WRONG-TYPE", key,
            model::say("a key in {} must be a plain name, found {}", what, describe_node(key)));
      continue;
    }
    if (!seen.insert(key.Scalar()).second) {
      error("E-DUPLICATE-KEY", key, model::say("'{}' is given twice in {}", key.Scalar(), what));
      continue;
    }
    out.emplace_back(key, it->second);
  }
  return out;
}

YamlReader::Entries YamlReader::known_entries(const YAML::Node& map,
                                              const std::vector<std::string>& accepted,
                                              const model::Message& what) {
  Entries out;
  for (auto& [key, value] : entries(map, what)) {
    const std::string& name = key.Scalar();
    if (std::find(accepted.begin(), accepted.end(), name) != accepted.end()) {
      out.emplace_back(std::move(key), std::move(value));
      continue;
    }
    error("E-UNKNOWN-KEY", key,
          model::say("unknown key '{}' in {}{}", name, what, model::suggestion(name, accepted)),
          {model::say("accepted keys: {}", model::quoted_list(accepted))});
  }
  return out;
}

void YamlReader::check_keys(const YAML::Node& map, const std::vector<std::string>& accepted,
                            const model::Message& what) {
  known_entries(map, accepted, what);
}

std::optional<YAML::Node> YamlReader::find(const YAML::Node& map, const std::string& key) {
  if (!map.IsMap()) {
    // A scalar or a list: yaml-cpp decides (it throws for a scalar, as before).
    const YAML::Node value = map[key];
    if (!value.IsDefined()) return std::nullopt;
    return value;
  }
  for (const auto& entry : map) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
  }
  return std::nullopt;
}

std::optional<std::string> YamlReader::text(const YAML::Node& map, const std::string& key,
                                            const model::Message& what, bool required) {
  const auto found = find(map, key);
  if (!found || found->IsNull()) {
    if (required) {
      error("E-MISSING-KEY", map, model::say("{} has no '{}'", what, key));
    }
    return std::nullopt;
  }
  const YAML::Node& value = *found;
  if (!value.IsScalar()) {
    error(
        "E-WRONG-TYPE", value,
        model::say("'{}' of {} must be a single value, found {}", key, what, describe_node(value)));
    return std::nullopt;
  }
  return value.Scalar();
}

std::optional<int> YamlReader::integer(const YAML::Node& map, const std::string& key,
                                       const model::Message& what, bool required, int min,
                                       int max) {
  auto raw = text(map, key, what, required);
  if (!raw) return std::nullopt;
  int parsed = 0;
  std::istringstream in(*raw);
  if (!(in >> parsed) || !in.eof() || parsed < min || parsed > max) {
    error("E-WRONG-TYPE", map[key],
          model::say("'{}' of {} must be a whole number from {} to {}, found '{}'", key, what, min,
                     max, *raw));
    return std::nullopt;
  }
  return parsed;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& map, const std::string& key,
                                        const model::Message& what) {
  auto raw = text(map, key, what, false);
  if (!raw) return std::nullopt;
  if (*raw == "true" || *raw == "yes" || *raw == "ya") return true;
  if (*raw == "false" || *raw == "no" || *raw == "tidak") return false;
  error("E-WRONG-TYPE", map[key],
        model::say("'{}' of {} must be true or false, found '{}'", key, what, *raw));
  return std::nullopt;
}

std::vector<std::string> YamlReader::text_list(const YAML::Node& map, const std::string& key,
                                               const model::Message& what) {
  std::vector<std::string> out;
  const auto found = find(map, key);
  if (!found || found->IsNull()) return out;
  const YAML::Node& value = *found;
  if (value.IsScalar()) {
    out.push_back(value.Scalar());
    return out;
  }
  if (!value.IsSequence()) {
    error("E-WRONG-TYPE", value,
          model::say("'{}' of {} must be a name or a list of names, found {}", key, what,
                     describe_node(value)));
    return out;
  }
  for (const auto& item : value) {
    if (item.IsScalar()) {
      out.push_back(item.Scalar());
    } else {
      error("E-WRONG-TYPE", item,
            model::say("each entry of '{}' in {} must be a name, found {}", key, what,
                       describe_node(item)));
    }
  }
  return out;
}

bool check_encoding(const std::string& path, std::string_view text, model::Diagnostics& out) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    out.push_back(model::make_error("E-ENCODING", {path, 1, 1},
                                    model::say("the file is UTF-16 (it starts with a UTF-16 byte "
                                               "order mark); save it as UTF-8")));
    return false;
  }
  int line = 1;
  int column = 1;  // in characters, as yaml-cpp counts them
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = model::utf8_sequence_length(text, at);
    if (text[at] == '\0') {
      // yaml-cpp takes NUL bytes for UTF-16 or UTF-32 and reads garbage.
      out.push_back(model::make_error("E-ENCODING", {path, line, column},
                                      model::say("a NUL byte (0x00) is not text; save the file "
                                                 "as UTF-8 text")));
      return false;
    }
    if (length == 0) {
      out.push_back(model::make_error(
          "E-ENCODING", {path, line, column},
          model::say("byte {} is not UTF-8; save the file as UTF-8 (an editor set to "
                     "Windows-1252 or Latin-1 writes such bytes for letters like 'é')",
                     fmt::format("0x{:02X}", static_cast<unsigned char>(text[at])))));
      return false;
    }
    if (text[at] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    at += length;
  }
  return true;
}

model::Message system_reason(const std::error_code& ec) {
  if (ec == std::errc::no_such_file_or_directory) return model::say("no such file or directory");
  if (ec == std::errc::permission_denied) return model::say("permission denied");
  if (ec == std::errc::not_a_directory) return model::say("not a directory");
  std::string reason = ec.message();
  if (!reason.empty()) {
    reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
  }
  return model::verbatim(std::move(reason));
}

std::optional<std::string> read_definition_file(const std::filesystem::path& path,
                                                model::Diagnostics& out) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    out.push_back(model::make_error("E-FILE", {path.string(), 0, 0},
                                    model::say("cannot read file: {}", system_reason(ec))));
    return std::nullopt;
  }
  if (size > kMaxDefinitionBytes) {
    out.push_back(
        model::make_error("E-FILE-TOO-LARGE", {path.string(), 0, 0},
                          model::say("file is {} bytes; definition files may be at most {} bytes",
                                     size, kMaxDefinitionBytes)));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.push_back(model::make_error("E-FILE", {path.string(), 0, 0},
                                    model::say("cannot open file for reading")));
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace regflow::load
