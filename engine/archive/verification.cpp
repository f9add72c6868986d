#include "engine/archive/verification.hpp"

#include <algorithm>

#include "engine/archive/records.hpp"
#include "engine/model/digest.hpp"
#include "engine/runtime/chain.hpp"

namespace regflow::archive {

std::vector<ImportProblem> check_definitions(const Archive& archive) {
  std::vector<ImportProblem> out;
  for (const auto& definition : archive.definitions) {
    if (model::sha256_hex(definition.text) != definition.hash) {
      out.push_back(problem_of(ProblemKind::DefinitionHash, {}, 0, definition.hash));
    }
  }
  return out;
}

std::optional<std::vector<runtime::Event>> check_chain(const Archive& archive,
                                                       const ArchivedDossier& dossier,
                                                       std::vector<ImportProblem>& out) {
  const bool has_definition =
      std::any_of(archive.definitions.begin(), archive.definitions.end(),
                  [&](const ArchivedDefinition& d) { return d.hash == dossier.definition_hash; });
  if (!has_definition) {
    out.push_back(
        problem_of(ProblemKind::MissingDefinition, dossier.id, 0, dossier.definition_hash));
    return std::nullopt;
  }
  if (dossier.events.empty()) {
    out.push_back(problem_of(ProblemKind::NoEvents, dossier.id));
    return std::nullopt;
  }
  std::vector<runtime::Event> events;
  events.reserve(dossier.events.size());
  for (const auto& archived : dossier.events) {
    model::Message problem;
    auto event = to_event(archived, dossier.id, problem);
    if (!event) {
      ImportProblem unreadable = problem_of(ProblemKind::UnreadableEvent, dossier.id,
                                            archived.sequence, model::english(problem));
      unreadable.said = std::move(problem);
      out.push_back(std::move(unreadable));
      return std::nullopt;
    }
    events.push_back(std::move(*event));
  }
  if (const auto broken = runtime::find_chain_break(dossier.id, events)) {
    ImportProblem problem =
        problem_of(ProblemKind::BrokenChain, dossier.id, events[broken->index].sequence);
    problem.chain = broken->kind;
    out.push_back(std::move(problem));
    return std::nullopt;
  }
  const runtime::Event& first = events.front();
  const auto field = [&](const char* key) {
    const auto it = first.data.find(key);
    return it == first.data.end() ? std::string{} : it->second;
  };
  if (first.type != runtime::EventType::Started ||
      field("definition_hash") != dossier.definition_hash ||
      field("workflow") != dossier.workflow) {
    out.push_back(problem_of(ProblemKind::NotStarted, dossier.id, first.sequence));
    return std::nullopt;
  }
  return events;
}

std::vector<ImportProblem> check_summary(const ArchivedDossier& dossier,
                                         const runtime::DossierState& replayed) {
  const ArchivedDossier expected = summary_of(replayed);
  std::vector<ImportProblem> out;
  const auto differs = [&](bool different, const char* field) {
    if (different) out.push_back(problem_of(ProblemKind::SummaryMismatch, dossier.id, 0, field));
  };
  differs(dossier.title != expected.title, "title");
  differs(dossier.step != expected.step, "step");
  differs(dossier.closed != expected.closed, "closed");
  differs(dossier.variables != expected.variables, "variables");
  differs(dossier.bindings != expected.bindings, "bindings");
  return out;
}

}  // namespace regflow::archive
