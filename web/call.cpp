#include "web/call.hpp"

#include "cli/render/translate.hpp"
#include "web/web_app.hpp"

namespace regflow::web {

Call::Call(WebApp& owner, const Request& req, Target parsed)
    : app(owner), request(req), target(std::move(parsed)) {}

Call::~Call() = default;

store::Store& Call::store() {
  if (!store_) store_ = std::make_unique<store::Store>(store::Store::open(app.settings().db_path));
  return *store_;
}

app::Installation& Call::installation() {
  if (!installation_) installation_ = std::make_unique<app::Installation>(app.config(), store());
  return *installation_;
}

runtime::Actor Call::actor() const {
  if (!user) return {};
  return runtime::Actor{user->name, user->agencies, user->role, {}, std::nullopt};
}

std::string Call::query(const std::string& name) const {
  auto it = target.query.find(name);
  return it == target.query.end() ? std::string{} : it->second;
}

Response Call::page(const std::string& name, nlohmann::json view, int status) {
  view["csrf"] = csrf;
  if (user) {
    view["user"] = {{"name", user->name},
                    {"agencies", user->agencies},
                    {"role", user->role},
                    {"admin", app.config().settings.roles.allows(user->role,
                                                                 model::Permission::Administer)}};
  }
  const std::string content = app.templates().render(name, view);
  nlohmann::json layout = {{"title", view.value("page_title", std::string("regflow"))},
                           {"content", content},
                           {"csrf", csrf}};
  if (user) layout["user"] = view["user"];
  layout["nav_" + name] = true;
  Response response{status, {{"Content-Type", "text/html; charset=utf-8"}},
                    app.templates().render("layout", layout)};
  return response;
}

std::string error_code(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 422:
      return "unprocessable";
    default:
      return status >= 500 ? "internal_error" : "error";
  }
}

Response Call::error(int status, const std::string& message) {
  // A program tests `error`, which stays the same in every language; `message` is for the
  // person reading, in the request's language.
  if (target.path.rfind("/api/", 0) == 0) {
    return json({{"error", error_code(status)}, {"message", message}}, status);
  }
  if (target.path.rfind("/ics/", 0) == 0 || target.path.rfind("/static/", 0) == 0) {
    return Response{status, {{"Content-Type", "text/plain; charset=utf-8"}}, message + "\n"};
  }
  return page("error",
              {{"page_title", cli::render::tr("Error")}, {"status", status}, {"message", message}},
              status);
}

Response Call::json(const nlohmann::json& body, int status) {
  return Response{status, {{"Content-Type", "application/json; charset=utf-8"}},
                  body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"};
}

Response Call::redirect(const std::string& location) {
  return Response{303, {{"Location", location}, {"Content-Type", "text/plain; charset=utf-8"}},
                  "see " + location + "\n"};
}

}  // namespace regflow::web
