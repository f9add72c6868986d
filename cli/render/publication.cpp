#include "cli/render/publication.hpp"

#include <fmt/format.h>

#include "cli/render/documents.hpp"
#include "cli/render/translate.hpp"

namespace regflow::cli::render {

std::string publication_refusal_text(const report::PublicationRefusal& r) {
  switch (r.problem) {
    case report::PublicationProblem::NotCatalogued:
      return trf(
          "{} is a '{}' dossier; JDIH packages are made for Perda, Pergub and Kesepakatan "
          "Bersama",
          r.dossier_id, r.workflow);
    case report::PublicationProblem::NotPromulgated:
      return trf(
          "{} is not promulgated yet: it stands at '{}' ({}); a JDIH package is made once the "
          "action '{}' ({}) has been taken at '{}'",
          r.dossier_id, r.step, r.step_title, r.required_action, r.required_action_title,
          r.required_step_title);
    case report::PublicationProblem::NoProduct:
      return trf(
          "{} was promulgated without a '{}' document attached before it; a JDIH package "
          "carries the signed product that was promulgated",
          r.dossier_id, report::kProductKind);
  }
  return r.dossier_id;
}

std::string publication_text(const report::JdihEntry& entry, const std::string& written_to) {
  const auto& d = entry.document;
  std::string out = trf("JDIH package of {} written to '{}'", entry.dossier_id, written_to);
  out += "\n";
  out += trf("document: {} ({} v{}, {}, SHA-256 {})", entry.file_name, d.kind, d.version,
             byte_size(d.size), d.sha256);
  out += "\n";
  out += trf("record: promulgated by event {}, history up to event {} ({})",
             entry.promulgation_sequence, entry.last_sequence, entry.last_hash);
  out += "\n";
  std::size_t width = 0;
  for (const auto& f : entry.fields) width = std::max(width, f.label.size());
  for (const auto& f : entry.fields) {
    out += fmt::format("  {:<{}}  {}\n", f.label, width, f.value.empty() ? "—" : f.value);
  }
  return out;
}

}  // namespace regflow::cli::render
