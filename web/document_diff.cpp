#include "web/document_diff.hpp"

#include <fmt/format.h>

#include <charconv>

#include "cli/render/document_comparison.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/document_comparison.hpp"
#include "engine/runtime/documents.hpp"
#include "web/views.hpp"

namespace regflow::web {
namespace {

using cli::render::tr;
using cli::render::trf;

std::string diff_url(const std::string& id, const std::string& kind) {
  return fmt::format("/d/{}/documents/{}/diff", percent_encode(id), percent_encode(kind));
}

std::optional<std::int64_t> version_number(const std::string& text) {
  std::int64_t n = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || parsed.ec != std::errc{} || parsed.ptr != text.data() + text.size() ||
      n < 1) {
    return std::nullopt;
  }
  return n;
}

nlohmann::json version_view(const runtime::DocumentVersion& d, time::UtcOffset offset) {
  return {{"version", d.version},
          {"name", d.name},
          {"actor", d.actor},
          {"when", local_time_text(time::format_instant(d.at), offset)}};
}

/// The changed paragraphs, with a gap where unchanged ones are left out (as `regflow diff`).
nlohmann::json changes_view(const std::vector<document::DiffLine>& lines, std::size_t& removed,
                            std::size_t& added, std::size_t& same) {
  nlohmann::json out = nlohmann::json::array();
  bool skipped = false;
  for (const auto& line : lines) {
    if (line.change == document::Change::Same) {
      ++same;
      skipped = true;
      continue;
    }
    if (skipped && !out.empty()) out.push_back({{"gap", true}});
    skipped = false;
    const bool is_added = line.change == document::Change::Added;
    (is_added ? added : removed) += 1;
    out.push_back({{"gap", false},
                   {"added", is_added},
                   {"removed", !is_added},
                   {"number", is_added ? line.new_number : line.old_number},
                   {"text", line.text}});
  }
  return out;
}

}  // namespace

nlohmann::json comparison_forms_view(const std::string& dossier_id,
                                     const std::vector<runtime::Event>& events,
                                     const model::DocumentPolicy& policy) {
  std::map<std::string, std::int64_t> latest;
  std::vector<std::string> order;
  for (const auto& d : runtime::documents_of(events)) {
    if (latest.count(d.kind) == 0) order.push_back(d.kind);
    latest[d.kind] = std::max(latest[d.kind], d.version);
  }
  nlohmann::json kinds = nlohmann::json::array();
  for (const auto& kind : order) {
    const std::int64_t last = latest[kind];
    if (last < 2) continue;
    nlohmann::json versions = nlohmann::json::array();
    for (std::int64_t v = 1; v <= last; ++v) {
      versions.push_back({{"number", v}, {"older", v == last - 1}, {"newer", v == last}});
    }
    const auto* declared = policy.find(kind);
    kinds.push_back({{"kind", kind},
                     {"kind_title", declared != nullptr ? declared->title : kind},
                     {"url", diff_url(dossier_id, kind)},
                     {"versions", versions}});
  }
  return {{"any", !kinds.empty()}, {"kinds", kinds}};
}

Response document_diff_page(Call& call) {
  const std::string& id = call.params.at("id");
  const std::string& kind = call.params.at("kind");
  auto& installation = call.installation();
  auto dossier = installation.read(id);
  if (!dossier) return call.error(404, trf("There is no dossier '{}'.", id));
  const auto a = version_number(call.query("a"));
  const auto b = version_number(call.query("b"));
  if (!a || !b) {
    return call.error(400, tr("Choose the two versions to compare by their numbers (a and b)."));
  }
  const auto documents = runtime::documents_of(dossier->events);
  const auto before = runtime::find_document(documents, kind, *a);
  const auto after = runtime::find_document(documents, kind, *b);
  if (!before || !after) {
    return call.error(404,
                      trf("Dossier '{}' has no version {} of '{}'.", id, before ? *b : *a, kind));
  }
  const auto& settings = installation.config().settings;
  const auto* declared = settings.documents.find(kind);
  nlohmann::json view = {{"page_title", trf("{}: versions {} and {}",
                                            declared != nullptr ? declared->title : kind, *a, *b)},
                         {"id", id},
                         {"dossier_url", fmt::format("/d/{}#dokumen", percent_encode(id))},
                         {"title", dossier->state.title},
                         {"kind_title", declared != nullptr ? declared->title : kind},
                         {"before", version_view(*before, settings.offset)},
                         {"after", version_view(*after, settings.offset)},
                         {"form", comparison_forms_view(id, dossier->events, settings.documents)}};
  // The form above the result keeps the versions just compared.
  for (auto& form : view["form"]["kinds"]) {
    if (form["kind"] != kind) continue;
    for (auto& v : form["versions"]) {
      v["older"] = v["number"] == *a;
      v["newer"] = v["number"] == *b;
    }
  }
  auto compared = app::compare_versions(call.store(), *before, *after);
  if (const auto* refusal = std::get_if<app::ComparisonRefusal>(&compared)) {
    view["refusal"] = cli::render::comparison_refusal_text(*refusal, kind, *a, *b);
    return call.page("document_diff", std::move(view));
  }
  std::size_t removed = 0, added = 0, same = 0;
  view["changes"] =
      changes_view(std::get<std::vector<document::DiffLine>>(compared), removed, added, same);
  view["summary"] = trf("{} paragraph(s) removed, {} added, {} unchanged", removed, added, same);
  view["identical"] = removed == 0 && added == 0;
  return call.page("document_diff", std::move(view));
}

}  // namespace regflow::web
