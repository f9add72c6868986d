#include "engine/load/document_settings.hpp"

#include <cctype>

namespace regflow::load {
namespace {

// Kind names are used on the command line, in YAML and in file names of exports: plain
// lower-case words keep them safe in all three.
bool plain_name(const std::string& name) {
  if (name.empty() || name.size() > 40) return false;
  for (const char c : name) {
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '_')) {
      return false;
    }
  }
  return true;
}

}  // namespace

model::DocumentPolicy load_document_policy(YamlReader& yaml, const YAML::Node& node) {
  model::DocumentPolicy policy = model::DocumentPolicy::standard();
  const model::Message documents = model::verbatim("documents");
  if (!yaml.expect_map(node, documents)) return policy;
  yaml.check_keys(node, {"max_size_mib", "kinds"}, documents);
  // SQLite keeps a value of at most 1 GB (SQLITE_MAX_LENGTH): 1000 MiB stays below it.
  if (auto mib = yaml.integer(node, "max_size_mib", documents, false, 1, 1000)) {
    policy.max_size = static_cast<std::int64_t>(*mib) * 1024 * 1024;
  }
  if (auto kinds = YamlReader::find(node, "kinds")) {
    const model::Message documents_kinds = model::verbatim("documents.kinds");
    if (!yaml.expect_map(*kinds, documents_kinds)) return policy;
    policy.kinds.clear();
    for (const auto& [key, value] : yaml.entries(*kinds, documents_kinds)) {
      const std::string name = key.as<std::string>();
      if (!plain_name(name)) {
        yaml.error(
            "E-BAD-VALUE", key,
            model::say("document kind '{}' must be lower-case letters, digits and '_'", name));
        continue;
      }
      if (!value.IsScalar() || value.as<std::string>().empty()) {
        yaml.error("E-WRONG-TYPE", value,
                   model::say("document kind '{}' needs its title as text, found {}", name,
                              describe_node(value)));
        continue;
      }
      policy.kinds.push_back({name, value.as<std::string>()});
    }
    if (policy.kinds.empty()) {
      yaml.error("E-BAD-VALUE", *kinds,
                 model::say("{} declares no kind; declare at least one", documents_kinds));
      policy.kinds = model::DocumentPolicy::standard().kinds;
    }
  }
  return policy;
}

}  // namespace regflow::load
