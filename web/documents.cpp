#include "web/documents.hpp"

#include <fmt/format.h>

#include <charconv>

#include "cli/render/documents.hpp"
#include "engine/runtime/documents.hpp"
#include "web/views.hpp"

namespace regflow::web {
namespace {

// The command line's "416 bytes", in the page's language ("byte" takes no plural in Indonesian).
std::string indonesian_size(std::int64_t bytes) {
  std::string text = cli::render::byte_size(bytes);
  if (const auto at = text.find(" bytes"); at != std::string::npos) text.replace(at, 6, " byte");
  return text;
}

}  // namespace

nlohmann::json documents_view(const std::string& dossier_id,
                              const std::vector<runtime::Event>& events,
                              const model::DocumentPolicy& policy, time::UtcOffset offset) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : runtime::documents_of(events)) {
    const auto* kind = policy.find(d.kind);
    list.push_back({{"kind", d.kind},
                    {"kind_title", kind != nullptr ? kind->title : d.kind},
                    {"version", d.version},
                    {"name", d.name},
                    {"step", d.step},
                    {"actor", d.actor},
                    {"agency", d.agency},
                    {"when", local_time_text(time::format_instant(d.at), offset)},
                    {"size", indonesian_size(d.size)},
                    {"sha256", d.sha256.substr(0, 12)},
                    {"note", d.note},
                    {"url", fmt::format("/d/{}/documents/{}/{}", percent_encode(dossier_id),
                                        percent_encode(d.kind), d.version)}});
  }
  return {{"has_documents", !list.empty()}, {"documents", list}};
}

std::string attachment_disposition(const std::string& name) {
  std::string ascii;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    ascii += (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\') ? '_' : c;
  }
  return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii,
                     percent_encode(name));
}

Response document_download(Call& call) {
  const std::string& id = call.params.at("id");
  const std::string& kind = call.params.at("kind");
  const std::string& version_text = call.params.at("version");
  std::int64_t version = 0;
  const auto parsed =
      std::from_chars(version_text.data(), version_text.data() + version_text.size(), version);
  if (parsed.ec != std::errc{} || parsed.ptr != version_text.data() + version_text.size() ||
      version < 1) {
    return call.error(404, fmt::format("Versi '{}' tidak ada.", version_text));
  }
  auto dossier = call.installation().read(id);
  if (!dossier) return call.error(404, fmt::format("Tidak ada berkas '{}'.", id));
  const auto found = runtime::find_document(runtime::documents_of(dossier->events), kind, version);
  if (!found) {
    return call.error(
        404, fmt::format("Berkas '{}' tidak memuat dokumen {} versi {}.", id, kind, version));
  }
  Response response;
  // The whole document is held for the response (Beast writes a string body); the per-document
  // limit (documents.max_size_mib) bounds it.
  response.body.reserve(static_cast<std::size_t>(found->size));
  call.store().read_document(found->sha256,
                             [&](std::string_view bytes) { response.body.append(bytes); });
  response.set("Content-Type",
               found->media_type.empty() ? "application/octet-stream" : found->media_type);
  response.set("Content-Disposition", attachment_disposition(found->name));
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Cache-Control", "private, no-store");
  return response;
}

}  // namespace regflow::web
