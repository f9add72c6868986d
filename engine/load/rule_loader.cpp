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

#include "engine/load/yaml_reader.hpp"
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
// The keys that are read as text wherever they appear, named as they are written.
const model::Message kDescription = model::verbatim("description");
const model::Message kBasis = model::verbatim("basis");

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
          model::say("the rules file declares nothing; expected a map with 'inputs', 'rules' or "
                     "'tables'")));
      return;
    }
    if (!expect(root, YAML::NodeType::Map, model::say("a rules file"),
                model::say("a map with 'inputs', 'rules' or 'tables'"))) {
      return;
    }
    for (const auto& [key, value] : entries(root, kTopKeys, model::say("the rules file"))) {
      const std::string section = key.Scalar();
      if (value.IsNull()) continue;
      const model::Message section_what = model::verbatim("'" + section + "'");
      if (!expect(value, YAML::NodeType::Map, section_what, model::say("a map of names"))) continue;
      for (const auto& [name, body] : entries(value, {}, section_what)) {
        if (!is_name(name.Scalar())) {
          error("E-BAD-NAME", name,
                model::say("'{}' cannot be used in expressions; a name has letters, digits and "
                           "'_', and does not start with a digit",
                           name.Scalar()));
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

  void error(std::string code, const YAML::Node& at, model::Message message) {
    yaml_.error(std::move(code), at, std::move(message));
  }

  bool expect(const YAML::Node& node, YAML::NodeType::value type, const model::Message& what,
              const model::Message& accepted) {
    if (node.Type() == type) return true;
    error("E-WRONG-TYPE", node,
          model::say("{} must be {}; found {}", what, accepted, describe_node(node)));
    return false;
  }

  // The entries of `map` in file order, each key once; when `accepted` is not empty, without
  // (and reporting) the keys it does not list.
  YamlReader::Entries entries(const YAML::Node& map, const std::vector<std::string>& accepted,
                              const model::Message& what) {
    return accepted.empty() ? yaml_.entries(map, what) : yaml_.known_entries(map, accepted, what);
  }

  std::optional<std::string> scalar(const YAML::Node& node, const model::Message& what) {
    if (!expect(node, YAML::NodeType::Scalar, what, model::say("text"))) return std::nullopt;
    return node.Scalar();
  }

  std::optional<std::vector<std::string>> scalar_list(const YAML::Node& node,
                                                      const model::Message& what) {
    if (!expect(node, YAML::NodeType::Sequence, what, model::say("a list"))) return std::nullopt;
    std::vector<std::string> items;
    for (const auto& item : node) {
      if (!expect(item, YAML::NodeType::Scalar, model::say("an item of {}", what),
                  model::say("text"))) {
        return std::nullopt;
      }
      items.push_back(item.Scalar());
    }
    return items;
  }

  std::optional<model::ValueType> type_of(const YAML::Node& node, const model::Message& what) {
    auto text = scalar(node, what);
    if (!text) return std::nullopt;
    auto type = model::parse_type_name(*text);
    if (!type) {
      error("E-UNKNOWN-TYPE", node,
            model::say("unknown type '{}' for {}{}; accepted types: {}", *text, what,
                       model::suggestion(*text, kTypeNames), model::quoted_list(kTypeNames)));
    }
    return type;
  }

  void read_input(const YAML::Node& name_node, const YAML::Node& body) {
    const std::string name = name_node.Scalar();
    const model::Message what = model::say("input '{}'", name);
    rules::RuleInput input{name, {}, {}, location(name_node)};
    if (body.IsScalar()) {
      auto type = type_of(body, what);
      if (!type) return;
      input.info.type = *type;
    } else {
      if (!expect(body, YAML::NodeType::Map, what,
                  model::say("a type name or a map with 'type'"))) {
        return;
      }
      std::optional<model::ValueType> type;
      std::optional<YAML::Node> values;
      for (const auto& [key, value] : entries(body, kInputKeys, what)) {
        if (key.Scalar() == "type") type = type_of(value, model::say("the type of {}", what));
        if (key.Scalar() == "values") values = value;
        if (key.Scalar() == "description")
          input.description = scalar(value, kDescription).value_or("");
      }
      if (!body["type"]) {
        error("E-MISSING-KEY", name_node,
              model::say("{} has no 'type'; accepted types: {}", what,
                         model::quoted_list(kTypeNames)));
        return;
      }
      if (!type) return;
      input.info.type = *type;
      if (values) {
        auto items = scalar_list(*values, model::say("the values of {}", what));
        if (!items) return;
        if (*type != model::ValueType::Enum) {
          error("E-WRONG-TYPE", *values,
                model::say("only an enum has 'values'; {} is {}", what, model::type_word(*type)));
          return;
        }
        std::set<std::string> unique;
        for (const auto& item : *items) {
          if (!unique.insert(item).second) {
            error("E-DUPLICATE-KEY", *values,
                  model::say("value '{}' is listed twice in {}", item, what));
          }
        }
        input.info.values = std::move(*items);
      }
    }
    if (input.info.type == model::ValueType::Enum && input.info.values.empty()) {
      error("E-MISSING-KEY", name_node, model::say("enum {} has no 'values'", what));
      return;
    }
    rules_.add_input(std::move(input), out_);
  }

  void read_rule(const YAML::Node& name_node, const YAML::Node& body) {
    const std::string name = name_node.Scalar();
    const model::Message what = model::say("rule '{}'", name);
    rules::NamedRule rule;
    rule.name = name;
    rule.name_location = location(name_node);
    std::optional<YAML::Node> when;
    if (body.IsScalar()) {
      when = body;
    } else {
      if (!expect(body, YAML::NodeType::Map, what, model::say("a map with 'when'"))) return;
      for (const auto& [key, value] : entries(body, kRuleKeys, what)) {
        if (key.Scalar() == "description")
          rule.description = scalar(value, kDescription).value_or("");
        if (key.Scalar() == "basis") rule.basis = scalar(value, kBasis).value_or("");
        if (key.Scalar() == "when") when = value;
      }
    }
    if (!when) {
      error("E-MISSING-KEY", name_node, model::say("{} has no 'when' (the expression)", what));
      return;
    }
    auto text = scalar(*when, model::say("the 'when' of {}", what));
    if (!text) return;
    rule.text = *text;
    rule.location = yaml_.scalar_start(*when);
    rules_.add_rule(std::move(rule), out_);
  }

  void read_table(const YAML::Node& name_node, const YAML::Node& body) {
    const std::string name = name_node.Scalar();
    const model::Message what = model::say("table '{}'", name);
    if (!expect(body, YAML::NodeType::Map, what,
                model::say("a map with 'inputs', 'outputs' and 'rows'"))) {
      return;
    }
    rules::TableSource table;
    table.name = name;
    table.location = location(name_node);
    bool ok = true;
    for (const auto& [key, value] : entries(body, kTableKeys, what)) {
      const std::string& k = key.Scalar();
      if (k == "description") table.description = scalar(value, kDescription).value_or("");
      if (k == "basis") table.basis = scalar(value, kBasis).value_or("");
      if (k == "hit") {
        auto hit = scalar(value, model::verbatim("'hit'"));
        if (hit == "unique") {
          table.hit = rules::HitPolicy::Unique;
        } else if (hit == "first") {
          table.hit = rules::HitPolicy::First;
        } else if (hit) {
          error("E-WRONG-TYPE", value,
                model::say("unknown hit policy '{}'; accepted: 'unique', 'first'", *hit));
          ok = false;
        }
      }
      if (k == "inputs") ok = read_table_inputs(value, what, table) && ok;
      if (k == "outputs") ok = read_table_outputs(value, what, table) && ok;
      if (k == "rows") {
        if (!expect(value, YAML::NodeType::Sequence, model::say("the rows of {}", what),
                    model::say("a list"))) {
          ok = false;
          continue;
        }
        std::size_t number = 0;
        for (const auto& row : value) ok = read_row(row, ++number, what, table) && ok;
      }
    }
    for (const char* required : {"inputs", "outputs", "rows"}) {
      if (!body[required]) {
        error("E-MISSING-KEY", name_node, model::say("{} has no '{}'", what, required));
        ok = false;
      }
    }
    if (ok) rules_.add_table(std::move(table), out_);
  }

  bool read_table_inputs(const YAML::Node& node, const model::Message& what,
                         rules::TableSource& table) {
    if (!expect(node, YAML::NodeType::Sequence, model::say("the inputs of {}", what),
                model::say("a list of input names"))) {
      return false;
    }
    for (const auto& item : node) {
      auto name = scalar(item, model::say("an input of {}", what));
      if (!name) return false;
      table.inputs.emplace_back(*name, location(item));
    }
    return true;
  }

  bool read_table_outputs(const YAML::Node& node, const model::Message& what,
                          rules::TableSource& table) {
    if (node.IsSequence()) {
      for (const auto& item : node) {
        auto name = scalar(item, model::say("an output of {}", what));
        if (!name) return false;
        table.outputs.push_back({*name, model::ValueType::Text, location(item)});
      }
      return true;
    }
    const model::Message outputs_what = model::say("the outputs of {}", what);
    if (!expect(node, YAML::NodeType::Map, outputs_what,
                model::say("a list of names, or a map of names to types"))) {
      return false;
    }
    bool ok = true;
    for (const auto& [key, value] : entries(node, {}, outputs_what)) {
      auto type = type_of(value, model::say("output '{}'", key.Scalar()));
      if (!type) {
        ok = false;
        continue;
      }
      table.outputs.push_back({key.Scalar(), *type, location(key)});
    }
    return ok;
  }

  bool read_row(const YAML::Node& node, std::size_t number, const model::Message& what,
                rules::TableSource& table) {
    const model::Message row_what = model::say("row {} of {}", number, what);
    if (!expect(node, YAML::NodeType::Map, row_what, model::say("a map with 'when' and 'then'"))) {
      return false;
    }
    rules::RowSource row;
    row.location = location(node);
    bool ok = true;
    for (const auto& [key, value] : entries(node, kRowKeys, row_what)) {
      const std::string& k = key.Scalar();
      if (k == "basis") row.basis = scalar(value, kBasis).value_or("");
      if (k == "when" && !value.IsNull()) {
        const model::Message when_what = model::say("the 'when' of {}", row_what);
        if (!expect(value, YAML::NodeType::Map, when_what,
                    model::say("a map of inputs to conditions"))) {
          ok = false;
          continue;
        }
        for (const auto& [input, cell] : entries(value, {}, when_what)) {
          rules::CellSource source{input.Scalar(), {}, cell.IsSequence(), location(cell)};
          if (cell.IsSequence()) {
            auto items = scalar_list(cell, model::say("the condition on '{}'", input.Scalar()));
            if (!items) {
              ok = false;
              continue;
            }
            source.items = std::move(*items);
          } else if (cell.IsScalar()) {
            source.items.push_back(cell.Scalar());
          } else {
            error("E-WRONG-TYPE", cell,
                  model::say("the condition on '{}' must be a value, a list of values or '*'; "
                             "found {}",
                             input.Scalar(), describe_node(cell)));
            ok = false;
            continue;
          }
          row.when.push_back(std::move(source));
        }
      }
      if (k == "then") {
        const model::Message then_what = model::say("the 'then' of {}", row_what);
        if (!expect(value, YAML::NodeType::Map, then_what,
                    model::say("a map of outputs to values"))) {
          ok = false;
          continue;
        }
        for (const auto& [output, cell] : entries(value, {}, then_what)) {
          rules::OutputCellSource source{output.Scalar(), std::nullopt, location(cell)};
          if (cell.IsScalar()) {
            source.value = cell.Scalar();
          } else if (!cell.IsNull()) {
            error("E-WRONG-TYPE", cell,
                  model::say("output '{}' must be one value ('~' for none); found {}",
                             output.Scalar(), describe_node(cell)));
            ok = false;
            continue;
          }
          row.then.push_back(std::move(source));
        }
      }
    }
    if (!node["then"]) {
      error("E-MISSING-KEY", node, model::say("{} has no '{}'", row_what, "then"));
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
    throw LoadError(model::say("cannot read rules folder '{}': {}", dir.string(),
                               ec ? system_reason(ec) : model::say("not a folder")));
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
