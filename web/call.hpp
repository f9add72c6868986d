// One request being handled: what the route matched, who is signed in, the CSRF token for the
// page's forms, `now`, and the database opened for this request only.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/app/installation.hpp"
#include "engine/store/store.hpp"
#include "web/http_message.hpp"
#include "web/multipart.hpp"

namespace regflow::web {

class WebApp;

/// The language-neutral name of an HTTP error status for the JSON API's `error` field:
/// "not_found" for 404, "bad_request" for 400, …
std::string error_code(int status);

class Call {
 public:
  Call(WebApp& app, const Request& request, Target target);
  ~Call();
  Call(const Call&) = delete;
  Call& operator=(const Call&) = delete;

  WebApp& app;
  const Request& request;
  Target target;
  std::map<std::string, std::string> params;  ///< from the route's ":name" segments
  std::map<std::string, std::string> form;    ///< a POST's fields
  std::vector<FormPart> files;                ///< a multipart POST's file parts (the upload)
  std::optional<store::UserRecord> user;      ///< the signed-in user
  std::string session_token;                  ///< the session cookie's token, when signed in
  std::string csrf;                           ///< the token this page's forms carry
  bool route_is_login = false;                 ///< the sign-in form's POST (its own CSRF cookie)
  time::Instant now{};
  time::Date today{};

  /// The database, opened on first use for this request.
  store::Store& store();
  app::Installation& installation();
  /// The signed-in user as the engine's actor.
  runtime::Actor actor() const;

  /// A query parameter, or "".
  std::string query(const std::string& name) const;

  /// A page: template `name` rendered with `view` (plus the signed-in user and the CSRF
  /// token) inside the layout.
  Response page(const std::string& name, nlohmann::json view, int status = 200);
  /// An error page (or JSON under /api: {"error": error_code(status), "message": message})
  /// with status and message.
  Response error(int status, const std::string& message);
  /// A JSON response (the API).
  static Response json(const nlohmann::json& body, int status = 200);
  static Response redirect(const std::string& location);

 private:
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<app::Installation> installation_;
};

}  // namespace regflow::web
