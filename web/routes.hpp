// The route table, like ninja's command table: for every page and API call its method, path
// pattern, who may call it, and whether it changes state (then it needs the CSRF token and a
// same-origin Origin). The web application checks those from the table before any handler
// runs, and a test walks the table, so no route can forget them.
#pragma once

#include <map>
#include <optional>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace regflow::web {

enum class Access {
  Public,        ///< the sign-in page, the stylesheet
  Session,       ///< a signed-in browser
  SessionOrApi,  ///< a signed-in browser, or `Authorization: Bearer <personal API token>`
  FeedToken      ///< the personal calendar feed token in the path (calendar apps cannot sign in)
};

/// What a handler is; the web application maps each to a function.
enum class Page {
  Login, LoginSubmit, Logout, Stylesheet, Board, Queue, Dossier, DossierGraph, Workflows,
  Workflow, WorkflowGraph, Account, ResetFeed, NewApiToken, Feed, ApiBoard, ApiQueue, ApiDossier,
  ApiHistory, ApiWorkflows, Statistics, StatisticsDownload, BoardDownload, PrintScript,
  Admin, AdminAddUser, AdminSetPassword, AdminDeactivate,
  CorrectDossier, CancelDossier, KendalaDossier, Act, Extend, StartChoice, StartForm, StartSubmit, DocumentDownload,
  UploadDocument, DocumentDiff, PublicationDownload
};

struct Route {
  const char* method;
  const char* pattern;  ///< "/d/:id": a ":name" segment matches any one segment
  Access access;
  bool changes_state;
  Page page;
};

const std::vector<Route>& routes();

/// The route for a method and decoded path segments, with the ":name" parameters filled;
/// nullopt when none matches. `path_known` tells whether some route has this path with another
/// method (405 rather than 404).
struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
};
std::optional<Match> match_route(const std::string& method,
                                 const std::vector<std::string>& segments, bool& path_known);

/// The body limit of a request (for the HTTP server, before its body is read): the document
/// upload route may carry a whole document, `document_limit`, plus the multipart framing
/// (kMultipartOverhead); every other request `small_limit`.
inline constexpr std::size_t kMultipartOverhead = 64 * 1024;
std::size_t body_limit_for(std::string_view method, std::string_view target,
                           std::size_t small_limit, std::size_t document_limit);

}  // namespace regflow::web
