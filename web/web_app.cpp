#include "web/web_app.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/render/documents.hpp"
#include "engine/auth/password.hpp"
#include "engine/auth/token.hpp"
#include "engine/model/error.hpp"
#include "web/call.hpp"
#include "web/corrections.hpp"
#include "web/document_diff.hpp"
#include "web/documents.hpp"
#include "web/handlers.hpp"
#include "web/multipart.hpp"
#include "web/publication.hpp"
#include "web/request_language.hpp"
#include "web/routes.hpp"
#include "web/upload_body.hpp"
#include "web/words.hpp"

namespace regflow::web {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    throw LoadError(
        fmt::format("cannot read '{}'; give the folder that holds web/static with "
                    "REGFLOW_WEB or reinstall regflow",
                    path.string()));
  }
  return text.str();
}

Response plain(int status, const std::string& text) {
  return Response{status, {{"Content-Type", "text/plain; charset=utf-8"}}, text + "\n"};
}

// A form that changes state must come from a page of this server: its Origin (which browsers
// send with every POST) names this host, and it carries the CSRF token of the session (or of
// the sign-in form).
bool same_origin(const Call& call) {
  const std::string& origin = call.request.header("origin");
  if (origin.empty()) return true;  // not a browser: the CSRF token alone decides
  const std::string& host = call.request.header("host");
  if (host.empty()) return false;
  if (origin == "https://" + host) return true;
  // Over plain HTTP the browser may still have used https: a proxy (nginx) in front holds the
  // certificate and passes the Host on. Served over TLS, only https is this server.
  return !call.request.tls && origin == "http://" + host;
}

// The token of the session, or (a sign-in form, before there is a session) the one derived
// from the sign-in form's own cookie.
bool csrf_valid(const Call& call) {
  auto it = call.form.find("csrf");
  if (it == call.form.end() || it->second.empty()) return false;
  if (!call.session_token.empty() &&
      auth::constant_time_equal(it->second, auth::csrf_token(call.session_token))) {
    return true;
  }
  const auto cookies = parse_cookies(call.request.header("cookie"));
  auto nonce = cookies.find("regflow_login");
  if (nonce == cookies.end() || !auth::looks_like_token(nonce->second)) return false;
  return call.route_is_login &&
         auth::constant_time_equal(it->second, auth::csrf_token(nonce->second));
}

Response run(Call& call, Page page) {
  switch (page) {
    case Page::Login:
      return login_page(call);
    case Page::LoginSubmit:
      return login_submit(call);
    case Page::Logout:
      return logout(call);
    case Page::Stylesheet: {
      Response css{200, {{"Content-Type", "text/css; charset=utf-8"}}, call.app.stylesheet()};
      css.set("Cache-Control", "public, max-age=3600");
      return css;
    }
    case Page::PrintScript: {
      Response script{
          200, {{"Content-Type", "text/javascript; charset=utf-8"}}, call.app.print_script()};
      script.set("Cache-Control", "public, max-age=3600");
      return script;
    }
    case Page::Board:
      return board_page(call);
    case Page::BoardDownload:
      return board_download(call);
    case Page::Statistics:
      return statistics_page(call);
    case Page::StatisticsDownload:
      return statistics_download(call);
    case Page::Queue:
      return queue_page(call);
    case Page::Dossier:
      return dossier_page(call);
    case Page::DossierGraph:
      return dossier_graph(call);
    case Page::Workflows:
      return workflows_page(call);
    case Page::Workflow:
      return workflow_page(call);
    case Page::WorkflowGraph:
      return workflow_graph(call);
    case Page::Account:
      return account_page(call);
    case Page::ResetFeed:
      return reset_feed(call);
    case Page::NewApiToken:
      return new_api_token(call);
    case Page::Feed:
      return feed(call);
    case Page::ApiBoard:
      return api_board(call);
    case Page::ApiQueue:
      return api_queue(call);
    case Page::ApiDossier:
      return api_dossier(call);
    case Page::ApiHistory:
      return api_history(call);
    case Page::ApiWorkflows:
      return api_workflows(call);
    case Page::Admin:
      return admin_page(call);
    case Page::AdminAddUser:
      return admin_add_user(call);
    case Page::AdminSetPassword:
      return admin_set_password(call);
    case Page::AdminDeactivate:
      return admin_deactivate(call);
    case Page::CorrectDossier:
      return correct_dossier(call);
    case Page::CancelDossier:
      return cancel_dossier(call);
    case Page::KendalaDossier:
      return kendala_dossier(call);
    case Page::Act:
      return act_submit(call);
    case Page::Extend:
      return extend_submit(call);
    case Page::StartChoice:
      return start_choice_page(call);
    case Page::StartForm:
      return start_form_page(call);
    case Page::StartSubmit:
      return start_submit(call);
    case Page::DocumentDownload:
      return document_download(call);
    case Page::UploadDocument:
      return document_upload(call);
    case Page::DocumentDiff:
      return document_diff_page(call);
    case Page::PublicationDownload:
      return publication_download(call);
  }
  return call.error(500, cli::render::tr("unknown page"));
}

// A signed-in person's language follows them from device to device: a choice made now
// (`?lang=`) is kept with them, else the one they made last on any device replaces what the
// cookie or the browser said, for the rest of this request (`scope`).
void follow_user_language(Call& call, LanguageChoice& choice,
                          std::optional<cli::render::LanguageScope>& scope) {
  if (!call.user) return;
  const std::string chosen_code = cli::render::language_code(choice.language);
  const auto stored = call.store().user_language(call.user->name);
  if (choice.chosen_now) {
    if (stored != chosen_code) call.store().set_user_language(call.user->name, chosen_code);
    return;
  }
  if (!stored) return;
  if (const auto language = cli::render::parse_language(*stored)) {
    choice.language = *language;
    scope.emplace(*language);
  }
}

Response dispatch(WebApp& app, const Request& request, LanguageChoice& choice,
                  std::optional<cli::render::LanguageScope>& user_scope) {
  std::string problem;
  auto target = parse_target(request.target, problem);
  if (!target) return plain(400, cli::render::trf("bad request: {}", problem));
  Call call(app, request, std::move(*target));
  call.now = app.now();
  call.today = time::local_date(call.now, app.config().settings.offset);
  bool path_known = false;
  auto match = match_route(request.method, call.target.segments, path_known);
  if (request.body_over_limit) {
    resolve_session(call, false);  // the page's header shows who is signed in
    const bool upload = match && match->route->page == Page::UploadDocument;
    return call.error(413, upload ? words::upload_too_large(cli::render::byte_size(
                                        app.config().settings.documents.max_size))
                                  : words::request_too_large());
  }
  if (!match) {
    if (path_known) {
      Response refused =
          call.error(405, cli::render::trf("method {} is not allowed here", request.method));
      refused.set("Allow", "GET, HEAD, POST");
      return refused;
    }
    return call.error(404, cli::render::trf("There is no page '{}'.", call.target.path));
  }
  call.params = std::move(match->params);
  const Route& route = *match->route;
  std::optional<std::string> malformed_upload;  // why a multipart body cannot be read
  if (request.method == "POST") {
    const std::string& type = request.header("content-type");
    const bool multipart =
        route.page == Page::UploadDocument && type.rfind("multipart/form-data", 0) == 0;
    if (multipart) {
      // The one form with a file: its text fields into call.form, its file parts kept apart.
      // A malformed body is answered 400 once the session is known (below), as its CSRF token
      // cannot be read.
      const auto boundary = multipart_boundary(type);
      std::string why = "the Content-Type has no boundary";
      auto parts = !boundary           ? std::nullopt
                   : request.body_file ? read_multipart(*request.body_file, *boundary, why)
                                       : parse_multipart(request.body, *boundary, why);
      if (!parts) {
        malformed_upload = why;
      } else {
        for (auto& part : *parts) {
          if (part.filename) {
            call.files.push_back(std::move(part));
          } else if (request.body_file) {
            call.form[part.name] = read_field(*request.body_file, part);
          } else {
            call.form[part.name] = std::string(part.body);
          }
        }
      }
    } else if (type.rfind("application/x-www-form-urlencoded", 0) != 0) {
      return call.error(
          415, cli::render::tr("a form must be sent as application/x-www-form-urlencoded"));
    }
    if (!multipart) {
      // A form sent to the upload route without multipart arrives in a file too: read if small
      // (the upload's own refusal then says what to send), refused unread if not.
      std::optional<std::string> held;
      if (request.body_file) {
        held = read_small_body(*request.body_file);
        if (!held) return call.error(400, words::upload_not_multipart());
      }
      auto form = parse_form(held ? *held : request.body);
      if (!form) return call.error(400, cli::render::tr("the form has a bad percent escape"));
      call.form = std::move(*form);
    }
  }
  switch (route.access) {
    case Access::Public:
      resolve_session(call, false);
      break;
    case Access::Session:
      if (!resolve_session(call, false)) {
        std::string next = call.target.path;
        if (request.target.find('?') != std::string::npos) {
          next = request.target;  // already a path of this server: parse_target accepted it
        }
        return Call::redirect("/login?next=" + percent_encode(next));
      }
      break;
    case Access::SessionOrApi:
      if (!resolve_session(call, true)) {
        Response refused = Call::json(
            {{"error", error_code(401)},
             {"message", cli::render::tr("sign in, or send 'Authorization: Bearer <personal API "
                                         "token>' (see /account)")}},
            401);
        refused.set("WWW-Authenticate", "Bearer realm=\"regflow\"");
        return refused;
      }
      break;
    case Access::FeedToken:
      break;
  }
  follow_user_language(call, choice, user_scope);
  call.route_is_login = route.page == Page::LoginSubmit;
  if (malformed_upload) {
    if (app.settings().log) {
      app.settings().log->info("{} malformed upload to {}: {}", request.peer, call.target.path,
                               *malformed_upload);
    }
    return call.error(400, words::upload_malformed());
  }
  if (route.changes_state && (!same_origin(call) || !csrf_valid(call))) {
    if (app.settings().log) {
      app.settings().log->info(
          "{} refused {} {}: {}", request.peer, request.method, call.target.path,
          same_origin(call) ? "no valid CSRF token"
                            : "Origin '" + request.header("origin") + "' is not this server");
    }
    return call.error(403, words::form_refused());
  }
  return run(call, route.page);
}

}  // namespace

WebApp::WebApp(SiteSettings settings, const load::ConfigSet& config)
    : settings_(std::move(settings)),
      config_(config),
      templates_(settings_.web_dir / "templates"),
      stylesheet_(read_file(settings_.web_dir / "static" / "regflow.css")),
      print_script_(read_file(settings_.web_dir / "static" / "print.js")) {}

time::Instant WebApp::now() const {
  if (settings_.fixed_now) return *settings_.fixed_now;
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

const std::string& WebApp::decoy_hash() {
  std::call_once(decoy_once_, [this] { decoy_hash_ = auth::hash_password(auth::new_token()); });
  return decoy_hash_;
}

nlohmann::json WebApp::cached(const std::string& key,
                              const std::function<nlohmann::json()>& compute) {
  std::int64_t version = 0;
  {
    std::lock_guard lock(watcher_mutex_);
    if (!watcher_) watcher_ = std::make_unique<store::Store>(store::Store::open(settings_.db_path));
    version = watcher_->data_version();
  }
  return cache_.get(key, version, compute);
}

Response WebApp::handle(const Request& request) {
  // Every word of this request, on this thread, in the request's language; other requests on
  // other threads keep theirs.
  // Outside any scope, this thread's language is the installation's (settings.yaml `language`,
  // or `serve --lang`).
  auto choice = request_language(request, cli::render::current_language());
  const cli::render::LanguageScope scope(choice.language);
  std::optional<cli::render::LanguageScope> user_scope;  // the signed-in user's, once known
  Response response = dispatch(*this, request, choice, user_scope);
  user_scope.reset();
  if (choice.chosen_now) {
    response.headers.emplace_back("Set-Cookie", language_cookie(choice.language, request.tls));
  }
  response.set("Content-Language", cli::render::language_code(choice.language));
  response.set("Vary", "Accept-Language, Cookie");
  add_security_headers(response);
  if (request.method == "HEAD") {
    response.body.clear();
    response.body_file.reset();
  }
  return response;
}

void add_security_headers(Response& response) {
  response.set("Content-Security-Policy",
               "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
               "form-action 'self'; "
               "frame-ancestors 'none'; base-uri 'none'");
  response.set("X-Content-Type-Options", "nosniff");
  // Not no-referrer: with it, browsers send "Origin: null" on a same-origin form, and the Origin
  // check could not tell our forms from others. same-origin keeps paths (a feed token) from
  // other sites all the same.
  response.set("Referrer-Policy", "same-origin");
  response.set("X-Frame-Options", "DENY");
  bool cached = false;
  for (const auto& [name, value] : response.headers) cached = cached || name == "Cache-Control";
  if (!cached) response.set("Cache-Control", "no-store");
}

std::filesystem::path default_web_dir(const std::string& source_dir,
                                      const std::string& installed_dir) {
  if (const char* given = std::getenv("REGFLOW_WEB"); given != nullptr && *given != '\0') {
    return given;
  }
  const std::filesystem::path source = std::filesystem::path(source_dir) / "web";
  if (std::filesystem::is_directory(source / "templates")) return source;
  return std::filesystem::path(installed_dir) / "web";
}

}  // namespace regflow::web
