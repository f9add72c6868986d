#include "web/documents.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <memory>
#include <optional>

#include "cli/render/documents.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/document_source.hpp"
#include "engine/runtime/documents.hpp"
#include "web/handlers.hpp"
#include "web/spooled_file.hpp"
#include "web/upload_body.hpp"
#include "web/views.hpp"
#include "web/web_app.hpp"
#include "web/words.hpp"

namespace regflow::web {

// The command line's "416 bytes", in the page's language ("byte" takes no plural in Indonesian).
namespace {

// An upload's bytes, inside a request body held in memory (a request handed to the
// application directly; the server receives an upload into a temporary file, SpooledPartSource).
class BytesSource : public app::DocumentSource {
 public:
  explicit BytesSource(std::string_view bytes) : bytes_(bytes) {}
  std::int64_t size() const override { return static_cast<std::int64_t>(bytes_.size()); }
  void rewind() override { at_ = 0; }
  std::size_t read(char* buffer, std::size_t capacity) override {
    const std::size_t n = std::min(capacity, bytes_.size() - at_);
    std::copy_n(bytes_.data() + at_, n, buffer);
    at_ += n;
    return n;
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

std::string form_field(const Call& call, const std::string& name) {
  auto it = call.form.find(name);
  return it == call.form.end() ? std::string{} : it->second;
}

}  // namespace

nlohmann::json upload_view(Call& call, const app::Dossier& dossier) {
  const auto& policy = call.installation().config().settings.documents;
  // May this person attach here? The engine decides, asked with a harmless stand-in file.
  runtime::AttachCommand probe;
  probe.kind = policy.kinds.empty() ? std::string{} : policy.kinds.front().name;
  probe.name = "x.pdf";
  probe.size = 1;
  const auto context = call.installation().context(*dossier.workflow, call.now);
  const auto decision = runtime::decide_attach(context, dossier.state, probe, call.actor(), policy);
  nlohmann::json view = {{"url", fmt::format("/d/{}/documents", percent_encode(dossier.state.id))},
                         {"max_size", cli::render::byte_size(policy.max_size)}};
  if (const auto* refusal = std::get_if<runtime::Refusal>(&decision)) {
    view["may_attach"] = false;
    view["reason"] = cli::render::refusal_text(*refusal);
    return view;
  }
  view["may_attach"] = true;
  // The kinds the current step requires and the dossier lacks come first, marked.
  std::vector<std::string> required;
  if (const auto* step = dossier.definition->find_step(dossier.state.step); step != nullptr) {
    required = runtime::documents_lacking(*step, dossier.state);
  }
  const std::string posted = form_field(call, "kind");
  nlohmann::json kinds = nlohmann::json::array();
  auto add = [&](const model::DocumentKind& kind, bool is_required) {
    kinds.push_back(
        {{"name", kind.name},
         {"title", kind.title},
         {"required", is_required},
         {"selected", posted.empty() ? is_required && kinds.empty() : posted == kind.name}});
  };
  for (const auto& name : required) {
    if (const auto* kind = policy.find(name); kind != nullptr) add(*kind, true);
  }
  for (const auto& kind : policy.kinds) {
    if (std::find(required.begin(), required.end(), kind.name) == required.end()) {
      add(kind, false);
    }
  }
  view["kinds"] = kinds;
  view["any_required"] = !required.empty();
  view["note"] = form_field(call, "note");
  return view;
}

Response document_upload(Call& call) {
  const std::string& id = call.params.at("id");
  auto& installation = call.installation();
  if (!installation.read_state(id)) {
    return call.error(404, cli::render::trf("There is no dossier '{}'.", id));
  }
  const FormPart* file = nullptr;
  for (const auto& part : call.files) {
    if (part.name == "file") file = &part;
  }
  if (file == nullptr) {
    const bool multipart = call.request.header("content-type").rfind("multipart/form-data", 0) == 0;
    return call.error(400,
                      multipart ? words::upload_without_file() : words::upload_not_multipart());
  }
  // Only the base name the browser sent; the engine refuses what is left if it is no name.
  app::AttachRequest request{form_field(call, "kind"), base_name(file->filename.value_or("")),
                             form_field(call, "note")};
  std::optional<SpooledPartSource> spooled;
  std::optional<BytesSource> held;
  app::DocumentSource& source =
      call.request.body_file
          ? static_cast<app::DocumentSource&>(spooled.emplace(*call.request.body_file, *file))
          : held.emplace(file->body);
  auto outcome = installation.attach(id, request, source, call.actor(), call.now);
  if (auto* refusal = std::get_if<runtime::Refusal>(&outcome)) {
    return dossier_page_with(
        call, {{"message", cli::render::refusal_text(*refusal)}, {"stale", false}}, 422);
  }
  const auto& events = std::get<std::vector<runtime::Event>>(outcome);
  const std::int64_t first = events.empty() ? 0 : events.front().sequence;
  return Call::redirect(fmt::format("/d/{}?written={}#dokumen", percent_encode(id), first));
}

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
                    {"size", cli::render::byte_size(d.size)},
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
    return call.error(404, cli::render::trf("There is no version '{}'.", version_text));
  }
  auto dossier = call.installation().read(id);
  if (!dossier) return call.error(404, cli::render::trf("There is no dossier '{}'.", id));
  const auto found = runtime::find_document(runtime::documents_of(dossier->events), kind, version);
  if (!found) {
    return call.error(
        404, cli::render::trf("Dossier '{}' holds no document {} version {}.", id, kind, version));
  }
  // Copied from the store into a temporary file, which the server sends piece by piece: one
  // read of the database, finished before the response starts (no transaction is held while a
  // slow client downloads), and memory does not grow with the document's size.
  const auto folder = std::filesystem::path(call.app.settings().db_path).parent_path();
  auto spooled =
      std::make_shared<SpooledFile>(folder.empty() ? std::filesystem::path(".") : folder);
  call.store().read_document(found->sha256,
                             [&](std::string_view bytes) { spooled->append(bytes); });
  Response response;
  response.body_file = std::move(spooled);
  response.set("Content-Type",
               found->media_type.empty() ? "application/octet-stream" : found->media_type);
  response.set("Content-Disposition", attachment_disposition(found->name));
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Cache-Control", "private, no-store");
  return response;
}

}  // namespace regflow::web
