#include "engine/load/agency_loader.hpp"

#include <set>

#include "engine/load/yaml_reader.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::load {
namespace {

const std::vector<std::string> kFileKeys{"agencies"};
const std::vector<std::string> kAgencyKeys{"name", "parent", "outside"};

bool is_code(const std::string& s) {
  if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

}  // namespace

model::AgencyDirectory load_agencies_text(const std::string& path, const std::string& text,
                                          model::Diagnostics& out) {
  model::AgencyDirectory directory;
  YamlReader yaml(path, text, out);
  auto root = yaml.parse();
  const model::Message agencies_file = model::say("the agencies file");
  if (!root || !yaml.expect_map(*root, agencies_file)) return directory;
  yaml.check_keys(*root, kFileKeys, agencies_file);
  const YAML::Node list = (*root)["agencies"];
  if (!list.IsDefined()) {
    yaml.error("E-MISSING-KEY", *root, model::say("{} has no '{}'", agencies_file, "agencies"));
    return directory;
  }
  const model::Message agencies_key = model::verbatim("'agencies'");
  if (!yaml.expect_map(list, agencies_key)) return directory;
  std::vector<std::pair<std::string, YAML::Node>> parents;
  for (const auto& [key, value] : yaml.entries(list, agencies_key)) {
    model::Agency agency;
    agency.code = key.Scalar();
    agency.location = yaml.location(key);
    if (!is_code(agency.code)) {
      yaml.error("E-BAD-NAME", key,
                 model::say("agency code '{}' must start with a lower-case letter and use only "
                            "a-z, 0-9, '-' and '_'",
                            agency.code));
    }
    const model::Message what = model::say("agency '{}'", agency.code);
    if (value.IsScalar()) {
      agency.name = value.Scalar();
    } else if (yaml.expect_map(value, what)) {
      yaml.check_keys(value, kAgencyKeys, what);
      agency.name = yaml.text(value, "name", what, true).value_or(agency.code);
      agency.parent = yaml.text(value, "parent", what, false).value_or("");
      agency.outside = yaml.boolean(value, "outside", what).value_or(false);
      if (!agency.parent.empty()) parents.emplace_back(agency.code, value["parent"]);
    }
    directory.add(std::move(agency));
  }
  const auto codes = directory.codes();
  for (const auto& [code, node] : parents) {
    const std::string& parent = directory.find(code)->parent;
    if (!directory.contains(parent)) {
      yaml.error("E-UNKNOWN-AGENCY", node,
                 model::say("parent '{}' of agency '{}' is not an agency{}", parent, code,
                            model::suggestion(parent, codes)));
      continue;
    }
    // Escalation walks parents upward; a cycle would escalate for ever.
    std::set<std::string> seen{code};
    for (const auto* a = directory.parent_of(code); a != nullptr;
         a = directory.parent_of(a->code)) {
      if (!seen.insert(a->code).second) {
        yaml.error("E-AGENCY-CYCLE", node,
                   model::say("agency '{}' is its own ancestor through '{}'", code, a->code));
        break;
      }
    }
  }
  return directory;
}

model::AgencyDirectory load_agencies_file(const std::string& path, model::Diagnostics& out) {
  auto text = read_definition_file(path, out);
  if (!text) return {};
  return load_agencies_text(path, *text, out);
}

}  // namespace regflow::load
