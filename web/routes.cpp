#include "web/routes.hpp"

#include <string_view>

#include "web/http_message.hpp"

namespace regflow::web {

const std::vector<Route>& routes() {
  static const std::vector<Route> kRoutes{
      {"GET", "/login", Access::Public, false, Page::Login},
      {"POST", "/login", Access::Public, true, Page::LoginSubmit},
      {"POST", "/logout", Access::Session, true, Page::Logout},
      {"GET", "/static/regflow.css", Access::Public, false, Page::Stylesheet},
      {"GET", "/", Access::Session, false, Page::Board},
      {"GET", "/static/print.js", Access::Public, false, Page::PrintScript},
      {"GET", "/papan/unduh", Access::Session, false, Page::BoardDownload},
      {"GET", "/statistik", Access::Session, false, Page::Statistics},
      {"GET", "/statistik/unduh", Access::Session, false, Page::StatisticsDownload},
      {"GET", "/queue", Access::Session, false, Page::Queue},
      {"GET", "/d/:id", Access::Session, false, Page::Dossier},
      {"GET", "/d/:id/graph.svg", Access::Session, false, Page::DossierGraph},
      {"POST", "/d/:id/act", Access::Session, true, Page::Act},
      {"POST", "/d/:id/extend", Access::Session, true, Page::Extend},
      {"GET", "/start", Access::Session, false, Page::StartChoice},
      {"GET", "/start/:workflow", Access::Session, false, Page::StartForm},
      {"POST", "/start/:workflow", Access::Session, true, Page::StartSubmit},
      {"POST", "/d/:id/documents", Access::Session, true, Page::UploadDocument},
      // Before the download: "diff" is a fixed segment, not a version number.
      {"GET", "/d/:id/documents/:kind/diff", Access::Session, false, Page::DocumentDiff},
      {"GET", "/d/:id/documents/:kind/:version", Access::Session, false, Page::DocumentDownload},
      {"GET", "/d/:id/jdih.zip", Access::Session, false, Page::PublicationDownload},
      {"GET", "/workflows", Access::Session, false, Page::Workflows},
      {"GET", "/workflows/:name", Access::Session, false, Page::Workflow},
      {"GET", "/workflows/:name/graph.svg", Access::Session, false, Page::WorkflowGraph},
      {"GET", "/account", Access::Session, false, Page::Account},
      {"POST", "/account/feed", Access::Session, true, Page::ResetFeed},
      {"POST", "/account/api-token", Access::Session, true, Page::NewApiToken},
      {"GET", "/ics/:token/:file", Access::FeedToken, false, Page::Feed},
      {"GET", "/api/board", Access::SessionOrApi, false, Page::ApiBoard},
      {"GET", "/api/queue", Access::SessionOrApi, false, Page::ApiQueue},
      {"GET", "/api/d/:id", Access::SessionOrApi, false, Page::ApiDossier},
      {"GET", "/api/d/:id/history", Access::SessionOrApi, false, Page::ApiHistory},
      {"GET", "/api/workflows", Access::SessionOrApi, false, Page::ApiWorkflows},
      {"GET", "/admin", Access::Session, false, Page::Admin},
      {"POST", "/admin/users", Access::Session, true, Page::AdminAddUser},
      {"POST", "/admin/password", Access::Session, true, Page::AdminSetPassword},
      {"POST", "/admin/deactivate", Access::Session, true, Page::AdminDeactivate},
      {"POST", "/d/:id/correct", Access::Session, true, Page::CorrectDossier},
      {"POST", "/d/:id/cancel", Access::Session, true, Page::CancelDossier},
      {"POST", "/d/:id/kendala", Access::Session, true, Page::KendalaDossier},
  };
  return kRoutes;
}

namespace {

std::vector<std::string_view> pattern_segments(std::string_view pattern) {
  std::vector<std::string_view> out;
  while (!pattern.empty()) {
    pattern.remove_prefix(1);
    const auto slash = pattern.find('/');
    const auto segment = pattern.substr(0, slash);
    if (!segment.empty()) out.push_back(segment);
    pattern = slash == std::string_view::npos ? std::string_view{} : pattern.substr(slash);
  }
  return out;
}

bool matches(const Route& route, const std::vector<std::string>& segments,
             std::map<std::string, std::string>& params) {
  const auto pattern = pattern_segments(route.pattern);
  if (pattern.size() != segments.size()) return false;
  params.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i].front() == ':') {
      params[std::string(pattern[i].substr(1))] = segments[i];
    } else if (pattern[i] != segments[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<Match> match_route(const std::string& method,
                                 const std::vector<std::string>& segments, bool& path_known) {
  path_known = false;
  // A fixed segment beats a parameter: routes are listed so that the first match is the right
  // one ("/workflows/:name/graph.svg" cannot be taken for "/workflows/:name").
  for (const Route& route : routes()) {
    Match match;
    if (!matches(route, segments, match.params)) continue;
    path_known = true;
    if (method == route.method || (method == "HEAD" && std::string_view(route.method) == "GET")) {
      match.route = &route;
      return match;
    }
  }
  return std::nullopt;
}

std::size_t body_limit_for(std::string_view method, std::string_view target,
                           std::size_t small_limit, std::size_t document_limit) {
  std::string problem;
  const auto parsed = parse_target(target, problem);
  if (!parsed) return small_limit;  // answered 400 once its (small) body is read
  bool path_known = false;
  const auto match = match_route(std::string(method), parsed->segments, path_known);
  if (match && match->route->page == Page::UploadDocument) {
    return document_limit + kMultipartOverhead;
  }
  return small_limit;
}

}  // namespace regflow::web
