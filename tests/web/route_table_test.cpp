// Walks the route table through the whole web application on a temporary database: every
// private route refuses a request without a session, and every state-changing route refuses a
// signed-in request without its CSRF token or from another origin. The table makes the check
// complete: a new route is covered by being listed.
#include <catch2/catch.hpp>

#include "engine/auth/password.hpp"
#include "engine/auth/token.hpp"
#include "engine/load/config_set.hpp"
#include "engine/store/store.hpp"
#include "tests/engine/store/temp_dir.hpp"
#include "tests/support/dates.hpp"
#include "web/routes.hpp"
#include "web/web_app.hpp"

using namespace regflow;
using regflow::web::Access;
using regflow::web::Request;
using regflow::web::Response;

namespace {

std::string example_path(const web::Route& route) {
  std::string path = route.pattern;
  const auto fill = [&path](const std::string& name, const std::string& value) {
    if (auto at = path.find(name); at != std::string::npos) path.replace(at, name.size(), value);
  };
  fill(":id", "PERGUB-2021-0001");
  fill(":name", "pergub");
  fill(":token", auth::new_token());
  fill(":file", "biro-hukum.ics");
  return path;
}

std::string header(const Response& response, const std::string& name) {
  for (const auto& [n, v] : response.headers) {
    if (n == name) return v;
  }
  return "";
}

struct Site {
  test::TempDir dir;
  load::ConfigSet config = load::load_config(REGFLOW_SOURCE_DIR, test::date("2021-03-01"));
  std::unique_ptr<web::WebApp> app;
  std::string cookie;

  Site() {
    auto store = store::Store::init(dir.file("web.db"));
    store.add_user({"sari", {"biro-hukum"}, "staf", {}});
    store.set_password_hash("sari", auth::hash_password("babel-2021"));
    web::SiteSettings settings;
    settings.db_path = dir.file("web.db");
    settings.web_dir = std::filesystem::path(REGFLOW_SOURCE_DIR) / "web";
    settings.fixed_now = time::parse_instant("2021-03-01T09:00", config.settings.offset);
    app = std::make_unique<web::WebApp>(settings, config);
  }

  Response send(const std::string& method, const std::string& target, const std::string& body = "",
                const std::string& cookies = "", const std::string& origin = "") {
    Request r;
    r.method = method;
    r.target = target;
    r.body = body;
    r.peer = "127.0.0.1";
    r.headers["host"] = "127.0.0.1:8080";
    if (!cookies.empty()) r.headers["cookie"] = cookies;
    if (!origin.empty()) r.headers["origin"] = origin;
    if (method == "POST") r.headers["content-type"] = "application/x-www-form-urlencoded";
    return app->handle(r);
  }

  // Signs in as sari through the form, as a browser would.
  std::string sign_in() {
    const auto form = send("GET", "/login");
    const std::string login_cookie = header(form, "Set-Cookie").substr(0, 14 + 43);
    const auto csrf = auth::csrf_token(login_cookie.substr(14));
    const auto done = send("POST", "/login", "name=sari&password=babel-2021&csrf=" + csrf,
                           login_cookie);
    REQUIRE(done.status == 303);
    const std::string set = header(done, "Set-Cookie");
    return set.substr(0, set.find(';'));
  }
};

}  // namespace

TEST_CASE("every private route refuses a request without a session", "[web][routes]") {
  Site site;
  for (const auto& route : web::routes()) {
    const std::string path = example_path(route);
    INFO(route.method << " " << path);
    const auto response = site.send(route.method, path);
    switch (route.access) {
      case Access::Session:
        if (route.changes_state) {
          CHECK((response.status == 303 || response.status == 403));
        } else {
          CHECK(response.status == 303);
          CHECK(header(response, "Location").rfind("/login?next=", 0) == 0);
        }
        break;
      case Access::SessionOrApi:
        CHECK(response.status == 401);
        CHECK(header(response, "WWW-Authenticate") == "Bearer realm=\"regflow\"");
        break;
      case Access::FeedToken: CHECK(response.status == 404); break;
      case Access::Public:
        // Open to all, but a form still needs its CSRF token.
        CHECK(response.status == (route.changes_state ? 403 : 200));
        break;
    }
    CHECK(header(response, "X-Content-Type-Options") == "nosniff");
    CHECK(header(response, "Content-Security-Policy").find("frame-ancestors 'none'") !=
          std::string::npos);
  }
}

TEST_CASE("every state-changing route refuses a form without its CSRF token or from elsewhere",
          "[web][routes][csrf]") {
  Site site;
  const std::string cookie = site.sign_in();
  for (const auto& route : web::routes()) {
    if (!route.changes_state) continue;
    const std::string path = example_path(route);
    INFO(route.method << " " << path);
    CHECK(site.send(route.method, path, "", cookie).status == 403);
    CHECK(site.send(route.method, path, "csrf=" + std::string(64, '0'), cookie).status == 403);
    const std::string session = cookie.substr(cookie.find('=') + 1);
    CHECK(site.send(route.method, path, "csrf=" + auth::csrf_token(session), cookie,
                    "http://evil.example")
              .status == 403);
  }
  // And the same form with the token from this origin goes through.
  const std::string session = cookie.substr(cookie.find('=') + 1);
  CHECK(site.send("POST", "/account/feed", "csrf=" + auth::csrf_token(session), cookie,
                  "http://127.0.0.1:8080")
            .status == 200);
}

TEST_CASE("a signed-in user reads every page, and signing out ends the session",
          "[web][routes]") {
  Site site;
  const std::string cookie = site.sign_in();
  CHECK(site.send("GET", "/", "", cookie).status == 200);
  CHECK(site.send("GET", "/queue", "", cookie).status == 200);
  CHECK(site.send("GET", "/workflows/pergub", "", cookie).status == 200);
  CHECK(site.send("GET", "/api/workflows", "", cookie).status == 200);
  CHECK(site.send("GET", "/d/PERGUB-2021-0001", "", cookie).status == 404);
  CHECK(site.send("GET", "/nowhere", "", cookie).status == 404);
  CHECK(site.send("GET", "/?status=late", "", cookie).status == 400);
  const std::string session = cookie.substr(cookie.find('=') + 1);
  CHECK(site.send("POST", "/logout", "csrf=" + auth::csrf_token(session), cookie).status == 303);
  CHECK(site.send("GET", "/", "", cookie).status == 303);
}
