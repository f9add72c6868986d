// What a dossier archive holds: the records that travel between installations. They are plain
// data of their own, not the runtime's types, so that the runtime may change while archives
// written today stay readable (each record has a Boost.Serialization class version, see
// serialization.hpp). docs/archive-format.md describes the format.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace regflow::archive {

/// The version of the archive format this build writes; it reads every version up to it. Format
/// 2 is format 1 with a signature line at the end (engine/archive/signature.hpp); format 3 adds
/// the documents the dossiers' `attached` events record.
inline constexpr int kFormatVersion = 3;

struct ArchiveHeader {
  int format_version = kFormatVersion;
  std::string installation;  ///< settings.yaml `installation` of the exporting installation
  std::string exported_at;   ///< ISO-8601 UTC, e.g. 2021-02-15T02:00:00Z
  std::string selection;     ///< what was asked for: "ids", "all", "all closed", "all open"
  std::int64_t dossier_count = 0;
};

/// A workflow definition version, once per content hash however many dossiers run on it.
struct ArchivedDefinition {
  std::string hash;  ///< SHA-256 of `text`
  std::string name;
  int version = 0;
  std::string source_path;
  std::string text;  ///< the YAML exactly as the dossiers were started on it
};

/// An agency the archived events name, as the exporting installation knew it.
struct ArchivedAgency {
  std::string code;
  std::string name;
  std::string parent;
  bool outside = false;
};

/// A user the archived events name; agencies and role as registered in the exporting
/// installation (empty when the user was not registered there).
struct ArchivedUser {
  std::string name;
  std::vector<std::string> agencies;
  std::string role;
};

/// One event as stored; its dossier is the ArchivedDossier that holds it.
struct ArchivedEvent {
  std::int64_t sequence = 0;
  std::string type;  ///< runtime::event_type_name
  std::string at;    ///< ISO-8601 UTC
  std::string actor;
  std::string agency;
  std::string action;
  std::string from_step;
  std::string to_step;
  std::string note;
  std::map<std::string, std::string> changes;
  std::map<std::string, std::string> data;
  std::string prev_hash;
  std::string hash;
};

struct ArchivedDossier {
  std::string id;
  std::string workflow;
  std::string definition_hash;  ///< an ArchivedDefinition of the same archive
  std::string title;
  std::string step;
  bool closed = false;
  std::map<std::string, std::string> variables;  ///< as text (model::to_text)
  std::map<std::string, std::string> bindings;   ///< role → agency code
  std::vector<ArchivedEvent> events;             ///< the whole chain, from sequence 1
};

/// The bytes of one document, once per SHA-256 however many archived events attach it.
struct ArchivedDocument {
  std::string sha256;
  std::string bytes;
};

struct Archive {
  ArchiveHeader header;
  std::vector<ArchivedDefinition> definitions;
  std::vector<ArchivedAgency> agencies;
  std::vector<ArchivedUser> users;
  std::vector<ArchivedDossier> dossiers;
  std::vector<ArchivedDocument> documents;  ///< since format 3 (class version 2)
};

}  // namespace regflow::archive
