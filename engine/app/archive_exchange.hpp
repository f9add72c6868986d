// Moving dossiers between installations: exporting them as an archive, and planning and
// applying an import. Planning checks everything — the archive's chains, definitions and
// summaries (engine/archive), whether its definitions and agencies run here, and what each
// dossier's id means here — and builds the whole write; applying it is one store transaction.
// A dry run is a plan that is not applied.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/app/installation.hpp"
#include "engine/archive/model.hpp"
#include "engine/archive/problem.hpp"

namespace regflow::app {

struct ExportSelection {
  std::vector<std::string> ids;  ///< these dossiers, or
  bool all = false;              ///< every dossier,
  std::optional<bool> closed;    ///< with `all`: only closed (true) or only open (false) ones
};

/// Why nothing was exported.
struct ExportRefusal {
  std::vector<std::string> unknown_ids;  ///< ids asked for that this database does not hold
  bool nothing_selected = false;         ///< --all matched no dossier
};

std::variant<archive::Archive, ExportRefusal> export_dossiers(Installation& installation,
                                                              const ExportSelection& selection,
                                                              time::Instant now);

struct ImportOptions {
  bool rename = false;                  ///< give clashing dossiers new ids instead of refusing
  std::optional<runtime::Actor> actor;  ///< who imports (recorded on renumbered dossiers)
};

enum class ImportAction {
  Import,      ///< written under its archived id
  Renumber,    ///< written under a new id (--rename), with an `imported` event naming the old one
  AlreadyHere  ///< this installation holds the same chain already: nothing to do
};

struct PlannedDossier {
  std::string archived_id;
  std::string local_id;  ///< the id it has (or will have) here
  ImportAction action = ImportAction::Import;
  std::string workflow;
  std::string title;
  std::size_t events = 0;  ///< archived events
  bool closed = false;
  bool moved_on = false;  ///< AlreadyHere, and it has had events here since
};

/// A user the archive names who is not registered here, or is registered for other agencies.
/// Import never registers users: an archive must not grant anyone the right to act here.
struct UserNote {
  std::string name;
  std::vector<std::string> archived_agencies;
  std::vector<std::string> local_agencies;  ///< empty when not registered here
};

struct NewDefinition {
  std::string name;
  int version = 0;
  std::string hash;
};

struct ImportPlan {
  archive::ArchiveHeader header;
  std::vector<PlannedDossier> dossiers;
  std::vector<archive::ImportProblem> problems;  ///< any: the import is refused
  std::vector<UserNote> users;
  std::vector<NewDefinition> definitions;  ///< definition versions this database does not hold
  store::ImportBatch batch;

  bool refused() const { return !problems.empty(); }
  std::size_t count(ImportAction action) const;
};

ImportPlan plan_import(Installation& installation, const archive::Archive& archive,
                       const ImportOptions& options, time::Instant now);

/// Writes a plan that is not refused, in one transaction (nothing when every dossier is already
/// here). Throws ConflictError, writing nothing, when the database moved since planning.
void apply_import(Installation& installation, const ImportPlan& plan);

}  // namespace regflow::app
