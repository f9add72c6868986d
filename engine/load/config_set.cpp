#include "engine/load/config_set.hpp"

#include <algorithm>
#include <map>

#include "engine/check/checker.hpp"
#include "engine/check/document_requirements.hpp"
#include "engine/load/agency_loader.hpp"
#include "engine/load/definition_cache.hpp"
#include "engine/load/document_settings.hpp"
#include "engine/load/publication_settings.hpp"
#include "engine/load/rule_loader.hpp"
#include "engine/load/settings_language.hpp"
#include "engine/load/workflow_loader.hpp"
#include "engine/load/yaml_reader.hpp"
#include "engine/model/digest.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::load {
namespace fs = std::filesystem;

namespace {

std::string shown_path(const fs::path& root, const fs::path& file) {
  std::error_code ec;
  auto relative = fs::relative(file, root, ec);
  if (!ec && !relative.empty() && relative.native().rfind("..", 0) != 0) return relative.string();
  return file.string();
}

std::vector<fs::path> yaml_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::chrono::minutes> parse_offset(const std::string& text) {
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') return std::nullopt;
  auto digits = [&](std::size_t at) -> int {
    if (!std::isdigit(static_cast<unsigned char>(text[at])) ||
        !std::isdigit(static_cast<unsigned char>(text[at + 1]))) {
      return -1;
    }
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
  };
  const int h = digits(1);
  const int m = digits(4);
  if (h < 0 || m < 0 || h > 14 || m > 59) return std::nullopt;
  std::chrono::minutes total{h * 60 + m};
  return text[0] == '-' ? -total : total;
}

// Files read by their full path (a file too large or unreadable) are shown like every other
// diagnostic of the folder, relative to it.
void show_relative(const fs::path& root, model::Diagnostics& out) {
  for (auto& d : out) {
    if (fs::path(d.location.file).is_absolute())
      d.location.file = shown_path(root, d.location.file);
  }
}

std::vector<fs::path> workflow_files(const fs::path& root) {
  std::vector<fs::path> files;
  for (auto& f : yaml_files(root / "workflows")) {
    if (f.filename() != "agencies.yaml") files.push_back(f);
  }
  return files;
}

// `text_hash` is the text's SHA-256 when the caller has computed it already, else empty.
std::optional<model::WorkflowDefinition> parse_workflow(const ConfigSet& config,
                                                        const std::string& path,
                                                        const std::string& text,
                                                        const std::string& text_hash,
                                                        model::Diagnostics& out) {
  if (config.definition_cache != nullptr) {
    return text_hash.empty() ? config.definition_cache->load(path, text, out)
                             : config.definition_cache->load(path, text, text_hash, out);
  }
  return load_workflow_text(path, text, out);
}

void load_workflow(const fs::path& root, const fs::path& file, const std::string& text,
                   ConfigSet& config, const std::string& text_hash = {}) {
  auto def = parse_workflow(config, shown_path(root, file), text, text_hash, config.diagnostics);
  if (!def) return;
  check::check_workflow(*def, config.agencies, config.rules, config.diagnostics);
  check::check_document_requirements(*def, config.settings.documents, config.diagnostics);
  config.workflows.push_back(std::move(*def));
}

void finish(const fs::path& root, ConfigSet& config) {
  check::check_workflow_set(config.workflows, config.diagnostics);
  show_relative(root, config.diagnostics);
  model::sort_diagnostics(config.diagnostics);
}

// roles:
//   kepala: {title: Kepala perangkat daerah, may: [act, sign, extend]}
model::RoleDirectory load_roles(YamlReader& yaml, const YAML::Node& node) {
  model::RoleDirectory roles;
  if (!yaml.expect_map(node, model::verbatim("roles"))) return model::RoleDirectory::standard();
  for (const auto& [key, value] : yaml.entries(node, model::verbatim("roles"))) {
    const std::string name = key.as<std::string>();
    const model::Message what = model::say("role '{}'", name);
    if (!yaml.expect_map(value, what)) continue;
    yaml.check_keys(value, {"title", "may"}, what);
    model::UserRole role{name, yaml.text(value, "title", what, true).value_or(name), {}};
    for (const auto& permission : yaml.text_list(value, "may", what)) {
      if (auto parsed = model::parse_permission(permission)) {
        role.may.push_back(*parsed);
      } else {
        yaml.error("E-BAD-VALUE", value["may"],
                   model::say("{} may '{}', which is not a permission; accepted: {}", what,
                              permission, model::quoted_list(model::permission_names())));
      }
    }
    roles.add(std::move(role));
  }
  if (roles.granting(model::Permission::Administer).empty()) {
    yaml.error("E-BAD-VALUE", node,
               model::say("no role may '{}'; declare one (e.g. {}) or nobody could register users",
                          "administer", "admin: {title: Administrator, may: [administer]}"));
  }
  return roles;
}

Settings load_settings(const fs::path& root, model::Diagnostics& out) {
  Settings settings;
  const fs::path file = root / "settings.yaml";
  std::error_code ec;
  if (!fs::exists(file, ec)) return settings;
  auto text = read_definition_file(file, out);
  if (!text) return settings;
  YamlReader yaml(shown_path(root, file), *text, out);
  auto node = yaml.parse();
  // Named as its file is (settings.yaml): the same in every language.
  const model::Message settings_what = model::verbatim("settings");
  if (!node || node->IsNull() || !yaml.expect_map(*node, settings_what)) return settings;
  yaml.check_keys(*node,
                  {"utc_offset", "cuti_bersama_is_working", "installation", "roles", "documents",
                   "language", "publication"},
                  settings_what);
  if (auto raw = yaml.text(*node, "utc_offset", settings_what, false)) {
    if (auto minutes = parse_offset(*raw)) {
      settings.offset.minutes = *minutes;
    } else {
      yaml.error("E-BAD-VALUE", (*node)["utc_offset"],
                 model::say("utc_offset '{}' must look like '+07:00'", *raw));
    }
  }
  settings.collective_leave_is_working =
      yaml.boolean(*node, "cuti_bersama_is_working", settings_what).value_or(false);
  settings.installation =
      yaml.text(*node, "installation", settings_what, false).value_or("regflow");
  if (auto roles = YamlReader::find(*node, "roles")) settings.roles = load_roles(yaml, *roles);
  if (auto documents = YamlReader::find(*node, "documents")) {
    settings.documents = load_document_policy(yaml, *documents);
  }
  if (auto publication = YamlReader::find(*node, "publication")) {
    settings.publication = load_publication_settings(yaml, *publication);
  }
  if (auto language = yaml.text(*node, "language", settings_what, false)) {
    if (*language != "id" && *language != "en") {
      yaml.error("E-BAD-VALUE", (*node)["language"],
                 model::say("language '{}' is not one regflow speaks; accepted: 'id' "
                            "(Bahasa Indonesia), 'en' (English)",
                            *language));
    }
  }
  return settings;
}

}  // namespace

std::optional<std::string> settings_language(const fs::path& root) {
  const fs::path file = root / "settings.yaml";
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  model::Diagnostics ignored;  // load_config reports them
  auto text = read_definition_file(file, ignored);
  if (!text) return std::nullopt;
  YamlReader yaml(shown_path(root, file), *text, ignored);
  auto node = yaml.parse();
  if (!node || !node->IsMap()) return std::nullopt;
  auto language = yaml.text(*node, "language", model::verbatim("settings"), false);
  if (!language || (*language != "id" && *language != "en")) return std::nullopt;
  return language;
}

std::vector<const model::WorkflowDefinition*> ConfigSet::versions(const std::string& name) const {
  std::vector<const model::WorkflowDefinition*> out;
  for (const auto& w : workflows) {
    if (w.name == name) out.push_back(&w);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    return a->effective.value_or(time::Date{}) < b->effective.value_or(time::Date{});
  });
  return out;
}

const model::WorkflowDefinition* ConfigSet::find_in_force(const std::string& name,
                                                          time::Date day) const {
  const auto all = versions(name);
  // A single version is the workflow, whatever its dates: nothing else could be in force.
  if (all.size() == 1) return all.front();
  for (const auto* w : all) {
    if (w->in_force_on(day)) return w;
  }
  return nullptr;
}

const model::WorkflowDefinition* ConfigSet::find(const std::string& name) const {
  if (const auto* w = find_in_force(name, today)) return w;
  const auto all = versions(name);
  return all.empty() ? nullptr : all.back();
}

std::optional<std::string> ConfigSet::current_hash(const std::string& name) const {
  if (const auto* w = find(name)) return w->content_hash;
  for (const auto& [unparsed, hash] : unparsed_workflows) {
    if (unparsed == name) return hash;
  }
  return std::nullopt;
}

std::vector<std::string> ConfigSet::workflow_names() const {
  std::vector<std::string> out;
  for (const auto& w : workflows) {
    if (std::find(out.begin(), out.end(), w.name) == out.end()) out.push_back(w.name);
  }
  return out;
}

namespace {

ConfigSet load_base(const fs::path& root, time::Date today, DefinitionCache* cache) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    throw LoadError(
        fs::exists(root, ec)
            ? model::say("configuration folder '{}' is a file, not a folder; give --config with "
                         "a folder that holds workflows/ and rules/",
                         root.string())
            : model::say("configuration folder '{}' does not exist; give --config with a folder "
                         "that holds workflows/ and rules/",
                         root.string()));
  }
  ConfigSet config;
  config.today = today;
  config.root = root;
  config.definition_cache = cache;
  auto& out = config.diagnostics;
  config.settings = load_settings(root, out);

  const fs::path agencies_file = root / "workflows" / "agencies.yaml";
  if (fs::exists(agencies_file, ec)) {
    auto text = read_definition_file(agencies_file, out);
    if (text) {
      const auto shown = shown_path(root, agencies_file);
      config.agencies = cache != nullptr ? cache->agencies(shown, *text, out)
                                         : load_agencies_text(shown, *text, out);
    }
  } else {
    out.push_back(model::make_error("E-FILE", {shown_path(root, agencies_file), 0, 0},
                                    model::say("no agencies file; every workflow needs "
                                               "workflows/agencies.yaml to name its owners")));
  }

  auto rules = cache != nullptr ? cache->rules(root / "rules") : load_rules(root / "rules");
  for (auto& d : rules.diagnostics) {
    d.location.file = shown_path(root, d.location.file);
    out.push_back(std::move(d));
  }
  config.rules = std::move(rules.rules);

  const fs::path calendars = root / "rules" / "calendars";
  const bool collective_leave_is_working = config.settings.collective_leave_is_working;
  config.calendars = cache != nullptr ? cache->calendars(calendars, collective_leave_is_working)
                                      : load_calendars(calendars, collective_leave_is_working);
  for (auto d : config.calendars.diagnostics) {
    d.location.file = shown_path(root, d.location.file);
    out.push_back(std::move(d));
  }
  for (auto d : check_calendar_horizon(config.calendars, today)) {
    d.location.file = shown_path(root, d.location.file);
    out.push_back(std::move(d));
  }
  show_relative(root, out);
  model::sort_diagnostics(out);
  return config;
}

}  // namespace

ConfigSet load_config_without_workflows(const fs::path& root, time::Date today) {
  return load_base(root, today, nullptr);
}

ConfigSet load_config(const fs::path& root, time::Date today, const std::vector<fs::path>& only) {
  ConfigSet config = load_config_without_workflows(root, today);
  for (const auto& file : only.empty() ? workflow_files(root) : only) {
    auto text = read_definition_file(file, config.diagnostics);
    if (text) load_workflow(root, file, *text, config);
  }
  finish(root, config);
  return config;
}

ConfigSet load_config_for_definition(const fs::path& root, time::Date today,
                                     const std::string& definition_hash,
                                     const StoredName& stored_name, DefinitionCache* cache) {
  ConfigSet config = load_base(root, today, cache);
  struct Unparsed {
    fs::path file;
    std::string text;
    std::string name;
    std::string hash;
  };
  std::vector<Unparsed> unparsed;
  for (const auto& file : workflow_files(root)) {
    auto text = read_definition_file(file, config.diagnostics);
    if (!text) continue;
    auto hash = model::sha256_hex(*text);
    if (hash != definition_hash) {
      if (auto name = stored_name(hash)) {
        unparsed.push_back({file, std::move(*text), std::move(*name), std::move(hash)});
        continue;
      }
    }
    load_workflow(root, file, *text, config, hash);
  }
  // Two files defining one workflow is an error wherever it is; parse them so that it is
  // reported exactly as load_config reports it.
  std::map<std::string, int> names;
  for (const auto& w : config.workflows) ++names[w.name];
  for (const auto& u : unparsed) ++names[u.name];
  for (auto& u : unparsed) {
    if (names[u.name] > 1) {
      load_workflow(root, u.file, u.text, config, u.hash);
    } else {
      config.unparsed_workflows.emplace_back(std::move(u.name), std::move(u.hash));
    }
  }
  finish(root, config);
  return config;
}

std::optional<model::WorkflowDefinition> load_stored_definition(const ConfigSet& config,
                                                                const std::string& path,
                                                                const std::string& text,
                                                                model::Diagnostics& out) {
  auto def = parse_workflow(config, path, text, {}, out);
  if (def) {
    check::check_workflow(*def, config.agencies, config.rules, out);
    check::check_document_requirements(*def, config.settings.documents, out);
  }
  return def;
}

}  // namespace regflow::load
