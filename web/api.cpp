// /api/...: the documented --json shapes of board, queue, show, history and workflows, from
// the same renderers the command line uses.
#include <fmt/format.h>

#include "cli/render/dossier.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/translate.hpp"
#include "cli/render/workflows_json.hpp"
#include "engine/model/spelling.hpp"
#include "web/board_query.hpp"
#include "web/handlers.hpp"
#include "web/web_app.hpp"

namespace regflow::web {

Response api_board(Call& call) {
  std::string problem;
  auto query = board_query(call, problem);
  if (!query) return call.error(400, problem);
  return Call::json(board_data(call, *query));
}

Response api_queue(Call& call) {
  std::string agency = call.query("agency");
  if (agency.empty() && !call.user->agencies.empty()) agency = call.user->agencies.front();
  const auto& config = call.app.config();
  if (!config.agencies.contains(agency)) {
    return call.error(400, cli::render::unknown_agency_text(agency, config.agencies.codes()));
  }
  BoardQuery query;
  query.today = call.today;
  query.filter.agency = agency;
  query.filter.limit = kBoardPageLimit;
  return Call::json(board_data(call, query));
}

Response api_dossier(Call& call) {
  const std::string& id = call.params.at("id");
  auto& installation = call.installation();
  auto dossier = installation.read(id);
  if (!dossier) return call.error(404, cli::render::trf("no dossier '{}' in this database", id));
  return Call::json(
      cli::render::dossier_json(*dossier, installation.config(), call.today, call.actor()));
}

Response api_history(Call& call) {
  const std::string& id = call.params.at("id");
  auto dossier = call.installation().read(id);
  if (!dossier) return call.error(404, cli::render::trf("no dossier '{}' in this database", id));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : dossier->events) out.push_back(cli::render::event_json(e));
  return Call::json(out);
}

Response api_workflows(Call& call) {
  return Call::json(cli::render::workflows_json(call.app.config()));
}

}  // namespace regflow::web
