#include "engine/load/yaml_reader.hpp"
#include "engine/load/rule_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"
#include "engine/rules/scope.hpp"

namespace regflow::load {
namespace {

const std::vector<std::string> kTopKeys{"inputs", "rules", "tables"};
const std::vector<std::string> kInputKeys{"type", "values", "description"};
const std::vector<std::string> kRuleKeys{"description", "basis", "when"};
const std::vector<std::string> kTableKeys{"description", "basis",   "hit",
                                          "inputs",      "outputs", "rows"};
const std::vector<std::string> kRowKeys{"when", "then", "basis"};
const std::vector<std::string> kTypeNames{"text", "number", "bool", "date", "enum"};

bool is_name(const std::string& name) {
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}


// Reads one file through the loaders' one YamlReader: positions, syntax errors and the
// unknown and repeated keys read as in every other definition file.
class FileReader {
 public:
  FileReader(std::string_view text, std::string path, rules::RuleSet& rules,
             model::Diagnostics& out)
      : yaml_(std::move(path), std::string(text), out), rules_(rules), out_(out) {}

  void read() {
    const auto parsed = yaml_.parse();
    if (!parsed) return;
    const YAML::Node& root = *parsed;
    if (root.IsNull()) {
      // Nothing to load, but an empty file among the rules is more likely a save gone wrong
      // than intended.
      out_.push_back(model::make_warning(
          "W-EMPTY-FILE", {yaml_.path(), 1, 1},
          "the rules file declares nothing; expected a map with 'inputs', 'rules' or 'tables'"));
      return;
    }
    if (!expect(root, YAML::NodeType::Map, "a rules file",
                "a map with 'inputs', 'rules' or "
                "'tables'")) {
      return;
    }
    for (const auto& [key, value] : entries(root, kTopKeys, "the rules file")) {
      const std::string section = key.Scalar();
      if (value.IsNull()) continue;
      if (!expect(value, YAML::NodeType::Map, "'" + section + "'", "a map of names")) continue;
      for (const auto& [name, body] : entries(value, {}, "'" + section + "'")) {
        if (!is_name(name.Scalar())) {
          error("E-BAD-NAME", name,
                "'" + name.Scalar() +
                    "' cannot be used in expressions; a name has letters, digits and '_', and "
                    "does not start with a digit");
          continue;
        }
        if (section == "inputs") read_input(name, body);
        if (section == "rules") read_rule(name, body);
        if (section == "tables") read_table(name, body);
      }
    }
  }

 private:
  model::SourceLocation location(const YAML::Node& node) const { return yaml_.location(node); }

  void error(std::string code, const YAML::Node& at, std::string message) {
    yaml_.error(std::move(code), at, std::move(message));
  }

  bool expect(const YAML::Node& node, YAML::NodeType::value type, const std::string& what,
              const std::string& accepted) {
    if (node.Type() == type) return true;
    error("E-WRONG-TYPE", node, what + " must be " + accepted + "; found " + describe_node(node));
    return false;
  }

  // The entries of `map` in file order, each key once; when `accepted` is not empty, without
  // (and reporting) the keys it does not list.
  YamlReader::Entries entries(const YAML::Node& map, const std::vector<std::string>& accepted,
                              const std::string& what) {
    return accepted.empty() ? yaml_.entries(map, what) : yaml_.known_entries(map, accepted, what);
  }

  std::optional<std::string> scalar(const YAML::Node& node, const std::string& what) {
    if (!expect(node, YAML::NodeType::Scalar, what, "text")) return std::nullopt;
    return node.Scalar();
  }

  std::optional<std::vector<std::string>> scalar_list(const YAML::Node& node,
                                                      const std::string& what) {
    if (!expect(node, YAML::NodeType::Sequence, what, "a list")) return std::nullopt;
    std::vector<std::string> items;
    for (const auto& item : node) {
      if (!expect(item, YAML::NodeType::Scalar, "an item of " + what, "text")) return std::nullopt;
      items.push_back(item.Scalar());
    }
    return items;
  }

  std::optional<model::ValueType> type_of(const YAML::Node& node, const std::string& what) {
    auto text = scalar(node, what);
    if (!text) return std::nullopt;
    auto type = model::parse_type_name(*text);
    if (!type) {
      error("E-UNKNOWN-TYPE", node,
            "unknown type '" + *text + "' for " + what + model::did_you_mean(*text, kTypeNames) +
                "; accepted types: " + model::quoted_list(kTypeNames));
    }
    return type;
  }

  void read_input(const YAML::Node& name_node, const YAML::Node& body) {
    const std::string name = name_node.Scalar();
    const std::string what = "input '" + name + "'";
    rules::RuleInput input{name, {}, {}, location(name_node)};
    if (body.IsScalar()) {
      auto type = type_of(body, what);
      if (!type) return;
      input.info.type = *type;
    } else {
      if (!expect(body, YAML::NodeType::Map, what, "a type name or a map with 'type'")) return;
      std::optional<model::ValueType> type;
      std::optional<YAML::Node> values;
      for (const auto& [key, value] : entries(body, kInputKeys, what)) {
        if (key.Scalar() == "type") type = type_of(value, "the type of " + what);
        if (key.Scalar() == "values") values = value;
        if (key.Scalar() == "description")
          input.description = scalar(value, "description").value_or("");
      }
      if (!body["type"]) {
        error("E-MISSING-KEY", name_node,
              what + " has no 'type'; accepted types: " + model::quoted_list(kTypeNames));
        return;
      }
      if (!type) return;
      input.info.type = *type;
      if (values) {
        auto items = scalar_list(*values, "the values of " + what);
        if (!items) return;
        if (*type != model::ValueType::Enum) {
          error("E-WRONG-TYPE", *values,
                "only an enum has 'values'; " + what + " is " + model::type_name(*type));
          return;
        }
        std::set<std::string> unique;
        for (const auto& item : *items) {
          if (!unique.insert(item).second) {
            error("E-DUPLICATE-KEY", *values, "value '" + item + "' is listed twice in " + what);
          }
        }
        input.info.values = std::move(*items);
      }
    }
    if (input.info.type == model::ValueType::Enum && input.info.values.empty()) {
      error("E-MISSING-KEY", name_node, "enum " + what + " has no 'values'");
      return;
    }
    rules_.add_input(std::move(input), out_);
  }

  void read_rule(const YAML::Node& name_node, const YAML::Node& body) {
    const std::string name = name_node.Scalar();
    const std::string what = "rule '" + name + "'";
    rules::NamedRule rule;
    rule.name = name;
    rule.name_location = location(name_node);
    std::optional<YAML::Node> when;
    if (body.IsScalar()) {
      when = body;
    } else {
      if (!expect(body, YAML::NodeType::Map, what, "a map with 'when'")) return;
      for (const auto& [key, value] : entries(body, kRuleKeys, what)) {
        if (key.Scalar() == "description")
          rule.description = scalar(value, "description").value_or("");
        if (key.Scalar() == "basis") rule.basis = scalar(value, "basis").value_or("");
        if (key.Scalar() == "when") when = value;
      }
    }
    if (!when) {
      error("E-MISSING-KEY", name_node, what + " has no 'when' (the expression)");
      return;
    }
    auto text = scalar(*when, "the 'when' of " + what);
    if (!text) return;
    rule.text = *text;
    rule.location = yaml_.scalar_start(*when);
    rules_.add_rule(std::move(rule), out_);
  }

  void read_table(const YAML::Node& name_node, const YAML::Node& body) {
    const std::string name = name_node.Scalar();
    const std::string what = "table '" + name + "'";
    if (!expect(body, YAML::NodeType::Map, what, "a map with 'inputs', 'outputs' and 'rows'")) {
      return;
    }
    rules::TableSource table;
    table.name = name;
    table.location = location(name_node);
    bool ok = true;
    for (const auto& [key, value] : entries(body, kTableKeys, what)) {
      const std::string& k = key.Scalar();
      if (k == "description") table.description = scalar(value, "description").value_or("");
      if (k == "basis") table.basis = scalar(value, "basis").value_or("");
      if (k == "hit") {
        auto hit = scalar(value, "'hit'");
        if (hit == "unique") {
          table.hit = rules::HitPolicy::Unique;
        } else if (hit == "first") {
          table.hit = rules::HitPolicy::First;
        } else if (hit) {
          error("E-WRONG-TYPE", value,
                "unknown hit policy '" + *hit + "'; accepted: 'unique', 'first'");
          ok = false;
        }
      }
      if (k == "inputs") ok = read_table_inputs(value, what, table) && ok;
      if (k == "outputs") ok = read_table_outputs(value, what, table) && ok;
      if (k == "rows") {
        if (!expect(value, YAML::NodeType::Sequence, "the rows of " + what, "a list")) {
          ok = false;
          continue;
        }
        std::size_t number = 0;
        for (const auto& row : value) ok = read_row(row, ++number, what, table) && ok;
      }
    }
    for (const char* required : {"inputs", "outputs", "rows"}) {
      if (!body[required]) {
        error("E-MISSING-KEY", name_node, what + " has no '" + required + "'");
        ok = false;
      }
    }
    if (ok) rules_.add_table(std::move(table), out_);
  }

  bool read_table_inputs(const YAML::Node& node, const std::string& what,
                         rules::TableSource& table) {
    if (!expect(node, YAML::NodeType::Sequence, "the inputs of " + what, "a list of input names")) {
      return false;
    }
    for (const auto& item : node) {
      auto name = scalar(item, "an input of " + what);
      if (!name) return false;
      table.inputs.emplace_back(*name, location(item));
    }
    return true;
  }

  bool read_table_outputs(const YAML::Node& node, const std::string& what,
                          rules::TableSource& table) {
    if (node.IsSequence()) {
      for (const auto& item : node) {
        auto name = scalar(item, "an output of " + what);
        if (!name) return false;
        table.outputs.push_back({*name, model::ValueType::Text, location(item)});
      }
      return true;
    }
    if (!expect(node, YAML::NodeType::Map, "the outputs of " + what,
                "a list of names, or a map of names to types")) {
      return false;
    }
    bool ok = true;
    for (const auto& [key, value] : entries(node, {}, "the outputs of " + what)) {
      auto type = type_of(value, "output '" + key.Scalar() + "'");
      if (!type) {
        ok = false;
        continue;
      }
      table.outputs.push_back({key.Scalar(), *type, location(key)});
    }
    return ok;
  }

  bool read_row(const YAML::Node& node, std::size_t number, const std::string& what,
                rules::TableSource& table) {
    const std::string row_what = "row " + std::to_string(number) + " of " + what;
    if (!expect(node, YAML::NodeType::Map, row_what, "a map with 'when' and 'then'")) return false;
    rules::RowSource row;
    row.location = location(node);
    bool ok = true;
    for (const auto& [key, value] : entries(node, kRowKeys, row_what)) {
      const std::string& k = key.Scalar();
      if (k == "basis") row.basis = scalar(value, "basis").value_or("");
      if (k == "when" && !value.IsNull()) {
        if (!expect(value, YAML::NodeType::Map, "the 'when' of " + row_what,
                    "a map of inputs to conditions")) {
          ok = false;
          continue;
        }
        for (const auto& [input, cell] : entries(value, {}, "the 'when' of " + row_what)) {
          rules::CellSource source{input.Scalar(), {}, cell.IsSequence(), location(cell)};
          if (cell.IsSequence()) {
            auto items = scalar_list(cell, "the condition on '" + input.Scalar() + "'");
            if (!items) {
              ok = false;
              continue;
            }
            source.items = std::move(*items);
          } else if (cell.IsScalar()) {
            source.items.push_back(cell.Scalar());
          } else {
            error("E-WRONG-TYPE", cell,
                  "the condition on '" + input.Scalar() +
                      "' must be a value, a list of values or '*'; found " + describe_node(cell));
            ok = false;
            continue;
          }
          row.when.push_back(std::move(source));
        }
      }
      if (k == "then") {
        if (!expect(value, YAML::NodeType::Map, "the 'then' of " + row_what,
                    "a map of outputs to values")) {
          ok = false;
          continue;
        }
        for (const auto& [output, cell] : entries(value, {}, "the 'then' of " + row_what)) {
          rules::OutputCellSource source{output.Scalar(), std::nullopt, location(cell)};
          if (cell.IsScalar()) {
            source.value = cell.Scalar();
          } else if (!cell.IsNull()) {
            error("E-WRONG-TYPE", cell,
                  "output '" + output.Scalar() + "' must be one value ('~' for none); found " +
                      describe_node(cell));
            ok = false;
            continue;
          }
          row.then.push_back(std::move(source));
        }
      }
    }
    if (!node["then"]) {
      error("E-MISSING-KEY", node, row_what + " has no 'then'");
      ok = false;
    }
    table.rows.push_back(std::move(row));
    return ok;
  }

  YamlReader yaml_;
  rules::RuleSet& rules_;
  model::Diagnostics& out_;
};

}  // namespace

void read_rules(std::string_view text, const std::string& path, rules::RuleSet& rules,
                model::Diagnostics& out) {
  FileReader(text, path, rules, out).read();
}

RuleLoad load_rules(const std::filesystem::path& dir) {
  RuleLoad load = read_rule_files(dir);
  load.rules.finalize(load.diagnostics);
  return load;
}

RuleLoad read_rule_files(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw LoadError("cannot read rules folder '" + dir.string() +
                    "': " + (ec ? ec.message() : std::string("not a folder")));
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  RuleLoad load;
  for (const auto& file : files) {
    // Like every definition file: unreadable or oversized is a diagnostic, not an exception.
    if (auto text = read_definition_file(file, load.diagnostics)) {
      read_rules(*text, file.string(), load.rules, load.diagnostics);
    }
  }
  return load;
}

}  // namespace regflow::load
