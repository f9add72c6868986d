#include "cli/render/documents.hpp"

#include <fmt/format.h>

#include "cli/render/dates.hpp"
#include "cli/render/table.hpp"
#include "cli/render/translate.hpp"

namespace regflow::cli::render {

std::string byte_size(std::int64_t bytes) {
  if (bytes >= (std::int64_t{1} << 20)) {
    return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20));
  }
  if (bytes >= (std::int64_t{1} << 10)) {
    return fmt::format("{:.1f} KiB", static_cast<double>(bytes) / (1 << 10));
  }
  return trf("{} bytes", bytes);
}

std::string documents_text(const std::string& dossier_id,
                           const std::vector<runtime::DocumentVersion>& documents,
                           const model::DocumentPolicy& policy, time::UtcOffset offset) {
  if (documents.empty()) {
    return trf("{}: no documents yet; add one with 'regflow attach {} FILE --kind KIND'",
               dossier_id, dossier_id) +
           "\n";
  }
  Table table(
      {tr("KIND"), tr("V"), tr("NAME"), tr("STEP"), tr("BY"), tr("AT"), tr("SIZE"), "SHA-256"});
  table.limit(2, 28);
  for (const auto& kind : policy.kinds) {
    for (const auto& d : documents) {
      if (d.kind != kind.name) continue;
      table.add({d.kind, std::to_string(d.version), d.name, d.step,
                 fmt::format("{} ({})", d.actor, d.agency), date_time_text(d.at, offset),
                 byte_size(d.size), d.sha256.substr(0, 12)});
    }
  }
  // Kinds no longer declared in settings.yaml are still listed: the record does not shrink.
  for (const auto& d : documents) {
    if (policy.find(d.kind) != nullptr) continue;
    table.add({d.kind, std::to_string(d.version), d.name, d.step,
               fmt::format("{} ({})", d.actor, d.agency), date_time_text(d.at, offset),
               byte_size(d.size), d.sha256.substr(0, 12)});
  }
  return trf("Documents of {} — {} version(s)", dossier_id, documents.size()) + "\n\n" +
         table.str();
}

nlohmann::json document_json(const runtime::DocumentVersion& d) {
  return {{"kind", d.kind},     {"version", d.version},
          {"name", d.name},     {"media_type", d.media_type},
          {"step", d.step},     {"actor", d.actor},
          {"agency", d.agency}, {"at", time::format_instant(d.at)},
          {"size", d.size},     {"sha256", d.sha256},
          {"note", d.note},     {"seq", d.sequence}};
}

std::string diff_text(const runtime::DocumentVersion& before, const runtime::DocumentVersion& after,
                      const std::vector<document::DiffLine>& lines) {
  std::size_t removed = 0;
  std::size_t added = 0;
  std::size_t same = 0;
  std::string body;
  bool skipped = false;
  for (const auto& line : lines) {
    switch (line.change) {
      case document::Change::Same:
        ++same;
        skipped = true;
        continue;
      case document::Change::Removed:
        ++removed;
        if (skipped && !body.empty()) body += "  …\n";
        body += fmt::format("- [{}] {}\n", line.old_number, line.text);
        break;
      case document::Change::Added:
        ++added;
        if (skipped && !body.empty()) body += "  …\n";
        body += fmt::format("+ [{}] {}\n", line.new_number, line.text);
        break;
    }
    skipped = false;
  }
  std::string out =
      trf("{} v{} '{}' → v{} '{}': {} paragraph(s) removed, {} added, {} unchanged", before.kind,
          before.version, before.name, after.version, after.name, removed, added, same) +
      "\n";
  if (removed == 0 && added == 0) return out + tr("the text is the same") + "\n";

  return out + "\n" + body;
}

}  // namespace regflow::cli::render
