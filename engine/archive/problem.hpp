// Why an archive (or one dossier in it) cannot be imported, as data: cli/render/archive.cpp
// puts it into words.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "engine/model/message.hpp"
#include "engine/runtime/chain.hpp"

namespace regflow::archive {

enum class ProblemKind {
  DefinitionHash,         ///< a definition's text does not hash to its hash; subject: the hash
  MissingDefinition,      ///< the dossier's definition is not in the archive; detail: the hash
  DuplicateDossier,       ///< the archive holds the dossier twice
  NoEvents,               ///< the dossier has no events
  UnreadableEvent,        ///< detail: the field that cannot be read
  BrokenChain,            ///< `chain` says how
  NotStarted,             ///< the first event is not the start on the dossier's definition
  SummaryMismatch,        ///< detail: the field that differs from the replayed events
  DefinitionDoesNotLoad,  ///< detail: the first diagnostic against this installation
  UnknownAgency,          ///< detail: the agency code
  IdTaken,                ///< a different dossier has this id here (and no --rename)
  NoActor,                ///< --rename records who renumbered: it needs --as
  MissingDocument,        ///< an `attached` event's document is neither in the archive nor here;
                          ///< detail: its SHA-256
  DocumentHash            ///< an archived document's bytes do not hash to its key; detail: the key
};

struct ImportProblem {
  ProblemKind kind = ProblemKind::BrokenChain;
  std::string dossier;        ///< the archived id, or "" for the archive as a whole
  std::int64_t sequence = 0;  ///< the event concerned, when there is one
  std::string detail;
  /// What `detail` says, for render::words, when it is words (UnreadableEvent: "type 'x'").
  model::Message said;
  runtime::ChainBreakKind chain = runtime::ChainBreakKind::ContentHash;
};

inline ImportProblem problem_of(ProblemKind kind, std::string dossier = {},
                                std::int64_t sequence = 0, std::string detail = {}) {
  ImportProblem problem;
  problem.kind = kind;
  problem.dossier = std::move(dossier);
  problem.sequence = sequence;
  problem.detail = std::move(detail);
  return problem;
}

}  // namespace regflow::archive
