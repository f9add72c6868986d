#include "engine/app/definition_acceptance.hpp"

#include <fmt/format.h>

#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::app {

std::optional<runtime::Refusal> unaccepted(const model::WorkflowDefinition& definition,
                                           const store::Store& store) {
  if (store.definition(definition.content_hash)) return std::nullopt;
  const auto latest = store.latest_definition_hash(definition.name);
  if (!latest) return std::nullopt;
  const auto stored = store.definition(*latest);
  // An older version (a back-dated start) is accepted by its number, not by raising it.
  std::vector<std::string> older;
  if (stored && definition.version < stored->version) {
    older.push_back(std::to_string(definition.version));
  }
  return runtime::Refusal{
      runtime::RefusalKind::DefinitionNotAccepted,
      definition.name,
      fmt::format("{} ({})", definition.version, definition.content_hash.substr(0, 12)),
      stored ? fmt::format("{} ({})", stored->version, latest->substr(0, 12))
             : latest->substr(0, 12),
      older,
      {}};
}

std::vector<Acceptance> accept_definitions(const load::ConfigSet& config, store::Store& store,
                                           const std::vector<std::string>& workflows,
                                           const std::optional<runtime::Actor>& by,
                                           bool administrators_designated,
                                           std::optional<int> version) {
  const auto& roles = config.settings.roles;
  if (administrators_designated &&
      (!by || !roles.allows(by->role, model::Permission::Administer))) {
    throw InputError(
        model::say("refused: only an administrator may accept a definition; {}; roles that may: {}",
                   by ? model::say("'{}' has the role '{}'", by->user, by->role)
                      : model::say("no registered user is acting"),
                   model::quoted_list(roles.granting(model::Permission::Administer))));
  }
  std::vector<const model::WorkflowDefinition*> chosen;
  if (workflows.empty()) {
    for (const auto& w : config.workflows) chosen.push_back(&w);
  }
  for (const auto& name : workflows) {
    const auto* found = config.find(name);
    if (found == nullptr) {
      throw InputError(model::say("unknown workflow '{}'{}; loaded workflows: {}", name,
                                  model::suggestion(name, config.workflow_names()),
                                  model::quoted_list(config.workflow_names())));
    }
    if (version) {
      if (workflows.size() != 1) {
        throw InputError(model::say(
            "--version {} names one version of one workflow, but {} workflows were given; give "
            "exactly one workflow name",
            *version, workflows.size()));
      }
      found = nullptr;
      std::vector<std::string> loaded;
      for (const auto* w : config.versions(name)) {
        loaded.push_back(std::to_string(w->version));
        if (w->version == *version) found = w;
      }
      if (found == nullptr) {
        throw InputError(model::say("workflow '{}' has no version {}; loaded versions: {}", name,
                                    *version, model::quoted_list(loaded)));
      }
    }
    chosen.push_back(found);
  }
  if (version && workflows.empty()) {
    throw InputError(
        model::say("--version {} needs the name of the workflow it belongs to", *version));
  }
  // Every refusal first, so that a refused command stores nothing.
  std::vector<Acceptance> out;
  for (const auto* def : chosen) {
    Acceptance a{def->name, def->version, def->content_hash, false};
    if (store.definition(def->content_hash)) {
      a.already = true;
    } else {
      // Without --version a new text must be newer than every stored one; an older version
      // asked for by number is fine, unless its number is taken by other content.
      for (const auto& [stored_version, hash] : store.definition_versions(def->name)) {
        if (stored_version == def->version || (!version && def->version < stored_version)) {
          throw InputError(model::say(
              "refused: workflow '{}' in '{}' is version {}, but this database already holds "
              "version {} ({}) with other content; a changed procedure needs a higher "
              "'version:' so that the dossiers of each version keep their own rules; nothing "
              "was accepted",
              def->name, def->source_path, def->version, stored_version,
              hash.substr(0, 12)));
        }
      }
    }
    out.push_back(a);
  }
  for (const auto* def : chosen) {
    store.save_definition(def->content_hash, def->name, def->version, def->source_path,
                          def->source_text);
  }
  return out;
}

}  // namespace regflow::app
