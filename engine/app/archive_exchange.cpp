#include "engine/app/archive_exchange.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "engine/archive/records.hpp"
#include "engine/archive/verification.hpp"
#include "engine/model/digest.hpp"
#include "engine/model/error.hpp"
#include "engine/runtime/chain.hpp"
#include "engine/runtime/evolve.hpp"

namespace regflow::app {
namespace {

using archive::ImportProblem;
using archive::problem_of;
using archive::ProblemKind;

/// Every agency code an event names: who acted, the roles it bound, where it escalated.
void named_agencies(const runtime::Event& e, std::set<std::string>& out) {
  if (!e.agency.empty()) out.insert(e.agency);
  for (const auto& [key, value] : e.data) {
    if ((key.rfind("bind.", 0) == 0 || key == "to_agency") && !value.empty()) out.insert(value);
  }
}

bool is_user(const std::string& actor) {
  return !actor.empty() && actor != "system";
}

archive::ArchivedDefinition archived_definition(Installation& installation,
                                                const model::WorkflowDefinition& def,
                                                const std::string& hash) {
  if (auto stored = installation.store().definition(hash)) {
    return {stored->hash, stored->name, stored->version, stored->source_path, stored->text};
  }
  return {def.content_hash, def.name, def.version, def.source_path, def.source_text};
}

}  // namespace

std::variant<archive::Archive, ExportRefusal> export_dossiers(Installation& installation,
                                                              const ExportSelection& selection,
                                                              time::Instant now) {
  std::vector<std::string> ids;
  if (selection.all) {
    store::ListFilter filter;
    filter.closed = selection.closed;
    for (const auto& row : installation.store().list(filter)) ids.push_back(row.id);
    if (ids.empty()) return ExportRefusal{{}, true};
  } else {
    ExportRefusal refusal;
    std::set<std::string> seen;
    for (const auto& id : selection.ids) {
      if (!seen.insert(id).second) continue;
      if (!installation.store().dossier(id)) {
        refusal.unknown_ids.push_back(id);
      } else {
        ids.push_back(id);
      }
    }
    if (!refusal.unknown_ids.empty()) return refusal;
    if (ids.empty()) return ExportRefusal{{}, true};
  }

  archive::Archive out;
  out.header.installation = installation.config().settings.installation;
  out.header.exported_at = time::format_instant(now);
  out.header.selection = !selection.all      ? "ids"
                         : !selection.closed ? "all"
                         : *selection.closed ? "all closed"
                                             : "all open";
  std::set<std::string> definitions;
  std::set<std::string> agencies;
  std::set<std::string> users;
  out.dossiers.reserve(ids.size());
  for (const auto& id : ids) {
    auto dossier = installation.read(id);
    if (!dossier) continue;  // cannot happen: the ids were just read
    archive::ArchivedDossier archived = archive::summary_of(dossier->state);
    archived.events.reserve(dossier->events.size());
    for (const auto& event : dossier->events) {
      archived.events.push_back(archive::to_archived(event));
      named_agencies(event, agencies);
      if (is_user(event.actor)) users.insert(event.actor);
    }
    for (const auto& [role, agency] : archived.bindings) agencies.insert(agency);
    if (definitions.insert(archived.definition_hash).second) {
      out.definitions.push_back(
          archived_definition(installation, *dossier->definition, archived.definition_hash));
    }
    out.dossiers.push_back(std::move(archived));
  }
  for (const auto& code : agencies) {
    const auto* agency = installation.config().agencies.find(code);
    out.agencies.push_back(
        agency == nullptr
            ? archive::ArchivedAgency{code, {}, {}, false}
            : archive::ArchivedAgency{code, agency->name, agency->parent, agency->outside});
  }
  for (const auto& name : users) {
    const auto user = installation.store().find_user(name);
    out.users.push_back(user ? archive::ArchivedUser{user->name, user->agencies, user->role}
                             : archive::ArchivedUser{name, {}, {}});
  }
  // Each document once, however many of the exported events attach it.
  std::set<std::string> documents;
  for (const auto& dossier : out.dossiers) {
    for (const auto& event : dossier.events) {
      if (event.type != runtime::event_type_name(runtime::EventType::DocumentAttached)) continue;
      const auto sha = event.data.find("sha256");
      if (sha == event.data.end() || !documents.insert(sha->second).second) continue;
      archive::ArchivedDocument document{sha->second, {}};
      installation.store().read_document(
          sha->second, [&](std::string_view bytes) { document.bytes.append(bytes); });
      out.documents.push_back(std::move(document));
    }
  }
  out.header.dossier_count = static_cast<std::int64_t>(out.dossiers.size());
  return out;
}

std::size_t ImportPlan::count(ImportAction action) const {
  return static_cast<std::size_t>(
      std::count_if(dossiers.begin(), dossiers.end(),
                    [&](const PlannedDossier& d) { return d.action == action; }));
}

namespace {

// The definitions an archive's dossiers run on, loaded against this installation's agencies
// and rules: the shipped one when the hash is the same, else the archived text.
class ArchivedDefinitions {
 public:
  ArchivedDefinitions(const load::ConfigSet& config, const archive::Archive& archive,
                      std::vector<ImportProblem>& problems) {
    std::set<std::string> bad_hashes;
    for (const auto& problem : archive::check_definitions(archive)) {
      bad_hashes.insert(problem.detail);
      problems.push_back(problem);
    }
    for (const auto& archived : archive.definitions) {
      if (bad_hashes.count(archived.hash) != 0 || loaded_.count(archived.hash) != 0) continue;
      const auto shipped = std::find_if(
          config.workflows.begin(), config.workflows.end(),
          [&](const model::WorkflowDefinition& w) { return w.content_hash == archived.hash; });
      if (shipped != config.workflows.end()) {
        loaded_.emplace(archived.hash, &*shipped);
        continue;
      }
      model::Diagnostics diagnostics;
      auto def = load::load_stored_definition(config, "archive:" + archived.source_path,
                                              archived.text, diagnostics);
      if (!def || model::has_errors(diagnostics)) {
        const auto first = std::find_if(
            diagnostics.begin(), diagnostics.end(),
            [](const model::Diagnostic& d) { return d.severity == model::Severity::Error; });
        problems.push_back(
            problem_of(ProblemKind::DefinitionDoesNotLoad, {}, 0,
                       archived.name + " v" + std::to_string(archived.version) + " (" +
                           archived.hash.substr(0, 12) + "): " +
                           (first == diagnostics.end() ? std::string("unreadable")
                                                       : model::format_diagnostic(*first))));
        continue;
      }
      owned_.push_back(std::make_unique<model::WorkflowDefinition>(std::move(*def)));
      loaded_.emplace(archived.hash, owned_.back().get());
    }
  }

  const model::WorkflowDefinition* find(const std::string& hash) const {
    const auto it = loaded_.find(hash);
    return it == loaded_.end() ? nullptr : it->second;
  }

 private:
  std::vector<std::unique_ptr<model::WorkflowDefinition>> owned_;
  std::map<std::string, const model::WorkflowDefinition*> loaded_;
};

/// A dossier that passed every check, with what it will become here.
struct Checked {
  PlannedDossier planned;
  const model::WorkflowDefinition* definition = nullptr;
  std::vector<runtime::Event> events;
};

/// Where a renumbered dossier's new number comes from: its archived id's prefix and year, as a
/// clerk would expect (PERDA-2021-0003 becomes PERDA-2021-0007), or else its workflow's prefix
/// and the year it started.
store::DossierNumber number_series(const Checked& c, time::UtcOffset offset) {
  if (auto parsed = store::parse_dossier_id(c.planned.archived_id)) return *parsed;
  const auto started = time::local_date(c.events.front().at, offset);
  return {c.definition->id_prefix, static_cast<int>(std::chrono::year_month_day{started}.year()),
          0};
}

runtime::Event imported_event(const archive::ArchiveHeader& header, const std::string& local_id,
                              const std::string& original_id, const std::string& original_hash,
                              const runtime::Event& last, const runtime::Actor& actor,
                              time::Instant now) {
  runtime::Event e;
  e.dossier_id = local_id;
  e.sequence = last.sequence + 1;
  e.type = runtime::EventType::Imported;
  e.at = now;
  e.actor = actor.user;
  e.agency = actor.agencies.empty() ? std::string{} : actor.agencies.front();
  e.action = "import";
  e.from_step = last.to_step.empty() ? last.from_step : last.to_step;
  e.to_step = e.from_step;
  e.data = {{"original_id", original_id},
            {"original_hash", original_hash},
            {"installation", header.installation},
            {"exported_at", header.exported_at}};
  runtime::seal(e, last.hash);
  return e;
}

}  // namespace

namespace {

/// The documents the imported dossiers' `attached` events record: each must be in the archive,
/// its bytes hashing to its key, or already here; those not here go into the batch.
void plan_documents(const store::Store& store, const archive::Archive& archive,
                    const std::vector<Checked>& checked, ImportPlan& plan) {
  std::map<std::string, const archive::ArchivedDocument*> archived;
  for (const auto& document : archive.documents) {
    if (model::sha256_hex(document.bytes) != document.sha256) {
      plan.problems.push_back(problem_of(ProblemKind::DocumentHash, {}, 0, document.sha256));
      continue;
    }
    archived.emplace(document.sha256, &document);
  }
  std::set<std::string> planned;
  for (const auto& c : checked) {
    if (c.planned.action == ImportAction::AlreadyHere) continue;
    for (const auto& event : c.events) {
      if (event.type != runtime::EventType::DocumentAttached) continue;
      const auto sha = event.data.find("sha256");
      const std::string key = sha == event.data.end() ? std::string{} : sha->second;
      if (!planned.insert(key).second || store.has_document(key)) continue;
      const auto it = archived.find(key);
      if (it == archived.end()) {
        plan.problems.push_back(
            problem_of(ProblemKind::MissingDocument, c.planned.archived_id, event.sequence, key));
        continue;
      }
      plan.batch.documents.emplace_back(key, it->second->bytes);
    }
  }
}

}  // namespace

ImportPlan plan_import(Installation& installation, const archive::Archive& archive,
                       const ImportOptions& options, time::Instant now) {
  const load::ConfigSet& config = installation.config();
  store::Store& store = installation.store();
  const time::UtcOffset offset = config.settings.offset;
  ImportPlan plan;
  plan.header = archive.header;
  const ArchivedDefinitions definitions(config, archive, plan.problems);
  const auto renumbered = store.renumbered_imports();

  std::vector<Checked> checked;
  std::set<std::string> seen_ids;
  std::set<std::string> unknown_agencies;
  std::set<std::string> actors;
  for (const auto& dossier : archive.dossiers) {
    if (!seen_ids.insert(dossier.id).second) {
      plan.problems.push_back(problem_of(ProblemKind::DuplicateDossier, dossier.id));
      continue;
    }
    auto events = archive::check_chain(archive, dossier, plan.problems);
    if (!events) continue;
    const auto* definition = definitions.find(dossier.definition_hash);
    if (definition == nullptr) continue;  // its problem is reported once, for the definition
    const auto state = runtime::replay(*definition, *events, offset);
    auto mismatches = archive::check_summary(dossier, state);
    if (!mismatches.empty()) {
      plan.problems.insert(plan.problems.end(), mismatches.begin(), mismatches.end());
      continue;
    }
    std::set<std::string> agencies;
    for (const auto& event : *events) {
      named_agencies(event, agencies);
      if (is_user(event.actor)) actors.insert(event.actor);
    }
    for (const auto& code : agencies) {
      if (!config.agencies.contains(code) && unknown_agencies.insert(code).second) {
        plan.problems.push_back(problem_of(ProblemKind::UnknownAgency, dossier.id, 0, code));
      }
    }

    Checked c;
    c.planned = {dossier.id,    dossier.id,     ImportAction::Import, dossier.workflow,
                 dossier.title, events->size(), dossier.closed,       false};
    c.definition = definition;
    const std::string& head = events->back().hash;
    if (const auto it = renumbered.find(head); it != renumbered.end()) {
      c.planned.action = ImportAction::AlreadyHere;
      c.planned.local_id = it->second;
    } else if (store.dossier(dossier.id)) {
      const auto local = store.events(dossier.id);
      if (local.size() >= events->size() && local[events->size() - 1].hash == head) {
        c.planned.action = ImportAction::AlreadyHere;
        c.planned.moved_on = local.size() > events->size();
      } else if (options.rename) {
        c.planned.action = ImportAction::Renumber;
      } else {
        plan.problems.push_back(problem_of(ProblemKind::IdTaken, dossier.id));
      }
    }
    c.events = std::move(*events);
    checked.push_back(std::move(c));
  }
  const bool renumbers = std::any_of(checked.begin(), checked.end(), [](const Checked& c) {
    return c.planned.action == ImportAction::Renumber;
  });
  if (renumbers && !options.actor) plan.problems.push_back(problem_of(ProblemKind::NoActor));

  for (const auto& name : actors) {
    const auto archived =
        std::find_if(archive.users.begin(), archive.users.end(),
                     [&](const archive::ArchivedUser& u) { return u.name == name; });
    UserNote note{name,
                  archived == archive.users.end() ? std::vector<std::string>{} : archived->agencies,
                  {}};
    if (const auto local = store.find_user(name)) {
      if (local->agencies == note.archived_agencies) continue;
      note.local_agencies = local->agencies;
    }
    plan.users.push_back(std::move(note));
  }

  // Numbers: kept ids move their counters first, then renumbered dossiers take the next ones.
  std::map<std::pair<std::string, int>, std::int64_t> next;
  const auto next_of = [&](const std::string& prefix, int year) -> std::int64_t& {
    const auto key = std::make_pair(prefix, year);
    auto it = next.find(key);
    if (it == next.end()) it = next.emplace(key, store.next_number(prefix, year)).first;
    return it->second;
  };
  for (const auto& c : checked) {
    if (c.planned.action != ImportAction::Import) continue;
    if (const auto number = store::parse_dossier_id(c.planned.local_id)) {
      auto& counter = next_of(number->prefix, number->year);
      counter = std::max(counter, number->number + 1);
      plan.batch.counters.push_back({number->prefix, number->year, number->number, false});
    }
  }
  for (auto& c : checked) {
    if (c.planned.action != ImportAction::Renumber) continue;
    const auto series = number_series(c, offset);
    auto& counter = next_of(series.prefix, series.year);
    c.planned.local_id = store::format_dossier_id(series.prefix, series.year, counter);
    plan.batch.counters.push_back({series.prefix, series.year, counter, true});
    ++counter;
  }
  for (const auto& c : checked) plan.dossiers.push_back(c.planned);
  plan_documents(store, archive, checked, plan);
  if (plan.refused()) return plan;

  const time::Date today = time::local_date(now, offset);
  std::set<std::string> needed_definitions;
  for (auto& c : checked) {
    if (c.planned.action == ImportAction::AlreadyHere) continue;
    if (c.planned.action == ImportAction::Renumber) {
      const std::string original_hash = c.events.back().hash;
      runtime::reseal_as(c.events, c.planned.local_id);
      c.events.push_back(imported_event(archive.header, c.planned.local_id, c.planned.archived_id,
                                        original_hash, c.events.back(), *options.actor, now));
    }
    const auto state = runtime::replay(*c.definition, c.events, offset);
    plan.batch.dossiers.push_back(
        installation.projection(*c.definition, state, std::move(c.events), today));
    installation.add_facts_from_history(plan.batch.dossiers.back(), *c.definition);
    needed_definitions.insert(c.definition->content_hash);
  }
  for (const auto& archived : archive.definitions) {
    if (needed_definitions.count(archived.hash) == 0 || store.definition(archived.hash)) continue;
    needed_definitions.erase(archived.hash);
    plan.batch.definitions.push_back(
        {archived.hash, archived.name, archived.version, archived.source_path, archived.text});
    plan.definitions.push_back({archived.name, archived.version, archived.hash});
  }
  return plan;
}

void apply_import(Installation& installation, const ImportPlan& plan) {
  if (plan.refused()) {
    throw Error("refusing to apply an import plan that has problems (a bug in regflow)");
  }
  if (plan.batch.dossiers.empty()) return;
  installation.store().import(plan.batch);
}

}  // namespace regflow::app
