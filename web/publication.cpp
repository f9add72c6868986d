#include "web/publication.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string_view>
#include <vector>

#include "cli/render/publication.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/publication.hpp"
#include "web/documents.hpp"
#include "web/handlers.hpp"
#include "web/spooled_file.hpp"
#include "web/web_app.hpp"

namespace regflow::web {

nlohmann::json publication_view(Call& call, const app::Dossier& dossier) {
  const auto& config = call.installation().config();
  const auto outcome =
      report::jdih_entry(*dossier.definition, dossier.state, dossier.events,
                         config.settings.publication, config.agencies, config.settings.offset);
  if (const auto* entry = std::get_if<report::JdihEntry>(&outcome)) {
    return {{"ready", true},
            {"url", fmt::format("/d/{}/jdih.zip", percent_encode(dossier.state.id))},
            {"file", app::publication_file_name(*entry)}};
  }
  const auto& refusal = std::get<report::PublicationRefusal>(outcome);
  if (refusal.problem == report::PublicationProblem::NoProduct) {
    return {{"ready", false}, {"reason", cli::render::publication_refusal_text(refusal)}};
  }
  return nullptr;
}

Response publication_download(Call& call) {
  const std::string& id = call.params.at("id");
  auto& installation = call.installation();
  auto outcome = app::publication_entry(installation, id);
  if (!outcome) return call.error(404, cli::render::trf("There is no dossier '{}'.", id));
  if (const auto* refusal = std::get_if<report::PublicationRefusal>(&*outcome)) {
    return call.error(409, cli::render::publication_refusal_text(*refusal));
  }
  const auto& entry = std::get<report::JdihEntry>(*outcome);
  app::ScratchFolder scratch("package");
  const auto zip = app::write_publication_package(installation, entry, scratch);
  // Sent from a temporary file as a document download is: memory does not grow with the product.
  const auto folder = std::filesystem::path(call.app.settings().db_path).parent_path();
  auto spooled =
      std::make_shared<SpooledFile>(folder.empty() ? std::filesystem::path(".") : folder);
  std::ifstream in(zip, std::ios::binary);
  std::vector<char> piece(256 * 1024);
  while (in) {
    in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
    spooled->append(std::string_view(piece.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) return call.error(500, cli::render::tr("The package could not be read back."));
  Response response;
  response.body_file = std::move(spooled);
  response.set("Content-Type", "application/zip");
  response.set("Content-Disposition", attachment_disposition(app::publication_file_name(entry)));
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Cache-Control", "private, no-store");
  return response;
}

}  // namespace regflow::web
