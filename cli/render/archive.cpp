#include "cli/render/archive.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "cli/render/table.hpp"
#include "cli/render/translate.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::cli::render {
namespace {

std::string short_hash(const std::string& hash) {
  return hash.substr(0, 12);
}

std::size_t event_count(const archive::Archive& archive) {
  std::size_t events = 0;
  for (const auto& d : archive.dossiers) events += d.events.size();
  return events;
}

std::string action_name(app::ImportAction action) {
  switch (action) {
    case app::ImportAction::Import:
      return tr("import");
    case app::ImportAction::Renumber:
      return tr("renumber");
    case app::ImportAction::AlreadyHere:
      return tr("already here");
  }
  return "?";
}

/// The stable --json spelling.
const char* action_key(app::ImportAction action) {
  switch (action) {
    case app::ImportAction::Import:
      return "import";
    case app::ImportAction::Renumber:
      return "renumber";
    case app::ImportAction::AlreadyHere:
      return "already_here";
  }
  return "?";
}

std::string chain_text(runtime::ChainBreakKind kind) {
  switch (kind) {
    case runtime::ChainBreakKind::OtherDossier:
      return tr("it names another dossier");
    case runtime::ChainBreakKind::OutOfSequence:
      return tr("its sequence does not follow the previous event's");
    case runtime::ChainBreakKind::PreviousHash:
      return tr("previous hash does not match");
    case runtime::ChainBreakKind::ContentHash:
      return tr("hash does not match its content");
  }
  return "?";
}

std::string agencies_text(const std::vector<std::string>& agencies) {
  return agencies.empty() ? tr("no agency") : fmt::format("{}", fmt::join(agencies, ", "));
}

}  // namespace

std::string export_text(const archive::Archive& archive, const std::string& file) {
  return trf(
      "exported {} dossier(s), {} event(s), {} definition(s) to {} (installation '{}', archive "
      "format {})\n",
      archive.dossiers.size(), event_count(archive), archive.definitions.size(), file,
      archive.header.installation, archive.header.format_version);
}

nlohmann::json export_json(const archive::Archive& archive, const std::string& file) {
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& d : archive.dossiers) ids.push_back(d.id);
  return {{"file", file},
          {"format_version", archive.header.format_version},
          {"installation", archive.header.installation},
          {"exported_at", archive.header.exported_at},
          {"dossiers", ids},
          {"events", event_count(archive)},
          {"definitions", archive.definitions.size()}};
}

std::string export_refusal_text(const app::ExportRefusal& refusal) {
  if (refusal.unknown_ids.empty()) {
    return tr("no dossier matches; nothing was written ('regflow list' shows the dossiers)");
  }
  return trf(
      "no dossier {} in this database; nothing was written ('regflow list' shows the dossiers)",
      model::quoted_list(refusal.unknown_ids));
}

std::string defect_text(const archive::ArchiveDefect& defect, const std::string& file) {
  using K = archive::DefectKind;
  switch (defect.kind) {
    case K::Empty:
      return trf("'{}' is empty; give an archive written by 'regflow export'", file);
    case K::Foreign:
      return trf(
          "'{}' is not a regflow archive (its first line is not 'regflow-archive N'); give a file "
          "written by 'regflow export'",
          file);
    case K::NewerFormat:
      return trf(
          "'{}' is a format {} archive, but this regflow reads formats up to {}; import it with "
          "a newer regflow",
          file, defect.detail, archive::kFormatVersion);
    case K::Truncated:
      return trf(
          "'{}' is cut short (its closing checksum line is missing or incomplete); copy the whole "
          "file again or ask for a fresh export",
          file);
    case K::Edited:
      return trf(
          "'{}' was changed after export or is damaged (its SHA-256 does not match its "
          "checksum line); ask for a fresh export",
          file);
    case K::Unreadable:
      return trf(
          "'{}' has an intact checksum but its records cannot be read ({}); it was not written "
          "by a regflow this one understands",
          file, words(defect.said));
  }
  return "?";
}

std::string problem_text(const archive::ImportProblem& p, const archive::Archive& archive) {
  using K = archive::ProblemKind;
  switch (p.kind) {
    case K::DefinitionHash:
      return trf("definition {} does not match its text: the archive was edited",
                 short_hash(p.detail));
    case K::MissingDefinition:
      return trf("{}: runs on definition {}, which the archive does not hold", p.dossier,
                 short_hash(p.detail));
    case K::DuplicateDossier:
      return trf("{}: the archive holds this dossier twice", p.dossier);
    case K::NoEvents:
      return trf("{}: the archive holds no events for it", p.dossier);
    case K::UnreadableEvent:
      return trf("{} event #{}: unreadable {}", p.dossier, p.sequence, words(p.said));
    case K::BrokenChain:
      return trf("{} event #{}: {}: the archive was edited", p.dossier, p.sequence,
                 chain_text(p.chain));
    case K::NotStarted:
      return trf("{}: its first event does not start it on the workflow and definition it names",
                 p.dossier);
    case K::SummaryMismatch:
      return trf("{}: its {} differ from what its events say: the archive was edited", p.dossier,
                 p.detail);
    case K::DefinitionDoesNotLoad:
      return trf(
          "definition {} does not load with this installation's agencies and rules; add what it "
          "needs to the configuration and import again",
          p.detail);
    case K::UnknownAgency: {
      const auto it =
          std::find_if(archive.agencies.begin(), archive.agencies.end(),
                       [&](const archive::ArchivedAgency& a) { return a.code == p.detail; });
      const std::string name =
          it == archive.agencies.end() || it->name.empty() ? "" : fmt::format(" ({})", it->name);
      return trf(
          "{}: names agency '{}'{}, which workflows/agencies.yaml of this installation does not "
          "define; add it and import again",
          p.dossier, p.detail, name);
    }
    case K::IdTaken:
      return trf(
          "{}: this database holds another dossier with this id; import with --rename to give "
          "the archived one a new id",
          p.dossier);
    case K::NoActor:
      return tr("--rename records who renumbered the dossiers; give --as USER");
    case K::MissingDocument:
      return trf(
          "{} event #{}: the document it attached ({}…) is neither in the archive "
          "nor in this database",
          p.dossier, p.sequence, p.detail.substr(0, 12));
    case K::DocumentHash:
      return trf(
          "the archive's document {}… does not hash to its SHA-256: the archive "
          "was altered",
          p.detail.substr(0, 12));
  }
  return "?";
}

std::string import_text(const app::ImportPlan& plan, const std::string& file, bool dry_run) {
  std::string out = trf("archive {}: {} dossier(s) from installation '{}', exported {}\n", file,
                        plan.dossiers.size(), plan.header.installation, plan.header.exported_at);
  Table table({tr("ACTION"), tr("ID"), tr("HERE AS"), tr("WORKFLOW"), tr("EVENTS"), tr("TITLE")});
  table.limit(5, 40);
  for (const auto& d : plan.dossiers) {
    std::string action = action_name(d.action);
    if (d.moved_on) action += tr(" (moved on since)");
    table.add({action, d.archived_id, d.local_id, d.workflow, std::to_string(d.events), d.title});
  }
  out += table.str();
  for (const auto& def : plan.definitions) {
    out += trf("new definition: {} v{} ({})\n", def.name, def.version, short_hash(def.hash));
  }
  std::vector<std::string> unregistered;
  for (const auto& user : plan.users) {
    if (user.local_agencies.empty()) {
      unregistered.push_back(
          fmt::format("{} ({})", user.name, agencies_text(user.archived_agencies)));
    } else {
      out += trf("note: user '{}' acts for {} here but for {} in the archive\n", user.name,
                 agencies_text(user.local_agencies), agencies_text(user.archived_agencies));
    }
  }
  if (!unregistered.empty()) {
    out +=
        trf("note: not registered here: {}; the history keeps their names — register with 'regflow "
            "user add' those who are to act here\n",
            fmt::join(unregistered, ", "));
  }
  const std::size_t written =
      plan.count(app::ImportAction::Import) + plan.count(app::ImportAction::Renumber);
  const std::size_t already = plan.count(app::ImportAction::AlreadyHere);
  if (dry_run) {
    out +=
        trf("dry run: would import {} dossier(s) ({} renumbered), {} already here; "
            "nothing was written\n",
            written, plan.count(app::ImportAction::Renumber), already);
  } else if (written == 0) {
    out += trf("nothing to import: all {} dossier(s) are already here\n", already);
  } else {
    out += trf("imported {} dossier(s) ({} renumbered), {} already here\n", written,
               plan.count(app::ImportAction::Renumber), already);
  }
  return out;
}

nlohmann::json import_json(const app::ImportPlan& plan, const archive::Archive& archive,
                           const std::string& file, bool dry_run) {
  nlohmann::json dossiers = nlohmann::json::array();
  for (const auto& d : plan.dossiers) {
    dossiers.push_back({{"archived_id", d.archived_id},
                        {"local_id", d.local_id},
                        {"action", action_key(d.action)},
                        {"moved_on", d.moved_on},
                        {"workflow", d.workflow},
                        {"title", d.title},
                        {"events", d.events},
                        {"closed", d.closed}});
  }
  nlohmann::json definitions = nlohmann::json::array();
  for (const auto& def : plan.definitions) {
    definitions.push_back({{"name", def.name}, {"version", def.version}, {"hash", def.hash}});
  }
  nlohmann::json users = nlohmann::json::array();
  for (const auto& u : plan.users) {
    users.push_back({{"name", u.name},
                     {"archived_agencies", u.archived_agencies},
                     {"local_agencies", u.local_agencies},
                     {"registered", !u.local_agencies.empty()}});
  }
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : plan.problems) {
    problems.push_back(
        {{"dossier", p.dossier}, {"seq", p.sequence}, {"message", problem_text(p, archive)}});
  }
  return {{"file", file},
          {"installation", plan.header.installation},
          {"exported_at", plan.header.exported_at},
          {"format_version", plan.header.format_version},
          {"dry_run", dry_run},
          {"written", !dry_run && !plan.refused()},
          {"dossiers", dossiers},
          {"definitions", definitions},
          {"users", users},
          {"problems", problems}};
}

}  // namespace regflow::cli::render
