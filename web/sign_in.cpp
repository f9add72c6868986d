// Signing in and out, and recognising a signed-in request. The decisions (expiry, throttling)
// are engine/auth's pure functions; this file only reads and writes what they decide on.
#include <fmt/format.h>

#include <algorithm>

#include "cli/render/translate.hpp"
#include "engine/auth/password.hpp"
#include "engine/auth/policy.hpp"
#include "engine/auth/token.hpp"
#include "web/handlers.hpp"
#include "web/web_app.hpp"
#include "web/words.hpp"

namespace regflow::web {
namespace {

constexpr const char* kSessionCookie = "regflow_session";
constexpr const char* kLoginCookie = "regflow_login";

std::string cookie(const Call& call, const std::string& name, const std::string& value,
                   const std::string& path, std::optional<long long> max_age) {
  std::string text = fmt::format("{}={}; Path={}; HttpOnly; SameSite=Strict", name, value, path);
  if (max_age) text += fmt::format("; Max-Age={}", *max_age);
  if (call.app.settings().tls) text += "; Secure";
  return text;
}

// Only a path of this server: "/d/X", never "//evil.example" or "https://…".
std::string safe_next(const std::string& next) {
  if (next.size() < 1 || next.front() != '/' || next.rfind("//", 0) == 0 ||
      next.find('\\') != std::string::npos || next.rfind("/login", 0) == 0) {
    return "/";
  }
  for (const char c : next) {
    if (static_cast<unsigned char>(c) < 0x20) return "/";
  }
  return next;
}

Response login_form(Call& call, const std::string& message, int status,
                    const std::string& name) {
  const auto cookies = parse_cookies(call.request.header("cookie"));
  std::string nonce;
  if (auto it = cookies.find(kLoginCookie);
      it != cookies.end() && auth::looks_like_token(it->second)) {
    nonce = it->second;
  } else {
    nonce = auth::new_token();
  }
  call.csrf = auth::csrf_token(nonce);
  std::string next = call.query("next");
  if (next.empty() && call.form.count("next") != 0) next = call.form.at("next");
  Response response = call.page("login",
                                {{"page_title", cli::render::tr("Sign in")},
                                 {"message", message},
                                 {"name", name},
                                 {"next", safe_next(next)}},
                                status);
  response.set("Set-Cookie", cookie(call, kLoginCookie, nonce, "/login", 3600));
  return response;
}

}  // namespace

bool resolve_session(Call& call, bool accept_api_token) {
  if (accept_api_token) {
    const std::string& authorization = call.request.header("authorization");
    if (authorization.rfind("Bearer ", 0) == 0) {
      const std::string token = authorization.substr(7);
      if (!auth::looks_like_token(token)) return false;
      auto name = call.store().token_user("api", auth::token_digest(token));
      if (!name) return false;
      call.user = call.store().find_user(*name);
      if (call.user && call.store().deactivated_at(call.user->name)) call.user.reset();
      return call.user.has_value();
    }
  }
  const auto cookies = parse_cookies(call.request.header("cookie"));
  auto it = cookies.find(kSessionCookie);
  if (it == cookies.end() || !auth::looks_like_token(it->second)) return false;
  const std::string digest = auth::token_digest(it->second);
  auto record = call.store().session(digest);
  if (!record) return false;
  const auth::SessionTimes times{record->created, record->last_seen, record->revoked};
  const auto& policy = call.app.settings().sessions;
  if (auth::session_state(times, call.now, policy) != auth::SessionState::Valid) return false;
  if (auth::should_touch(times, call.now, policy)) call.store().touch_session(digest, call.now);
  call.user = call.store().find_user(record->user);
  if (call.user && call.store().deactivated_at(call.user->name)) call.user.reset();
  if (!call.user) return false;
  call.session_token = it->second;
  call.csrf = auth::csrf_token(it->second);
  return true;
}

Response login_page(Call& call) {
  if (call.user) return Call::redirect(safe_next(call.query("next")));
  return login_form(call, "", 200, "");
}

Response login_submit(Call& call) {
  const std::string name = call.form.count("name") ? call.form.at("name") : "";
  const std::string password = call.form.count("password") ? call.form.at("password") : "";
  auto& store = call.store();
  const std::string account_key = "account:" + name;
  const std::string address_key = "address:" + call.request.peer;
  const auto account_policy = auth::account_throttle();
  const auto address_policy = auth::address_throttle();
  const auto account_failures = store.sign_in_failures(account_key);
  const auto address_failures = store.sign_in_failures(address_key);
  const auto by_account =
      auth::throttle({account_failures.count, account_failures.last}, call.now, account_policy);
  const auto by_address =
      auth::throttle({address_failures.count, address_failures.last}, call.now, address_policy);
  if (!by_account.allowed || !by_address.allowed) {
    const auto wait = std::max(by_account.retry_after, by_address.retry_after);
    Response refused = login_form(call, words::sign_in_throttled(wait), 429, name);
    refused.set("Retry-After", std::to_string(wait.count()));
    return refused;
  }
  const auto hash = name.empty() || password.size() > auth::kMaxPasswordLength
                        ? std::nullopt
                        : store.password_hash(name);
  bool matches = false;
  if (hash) {
    matches = auth::verify_password(*hash, password);
  } else {
    // An unknown name costs the same Argon2id verification as a known one: the time taken
    // must not tell which names exist.
    auth::verify_password(call.app.decoy_hash(), password);
  }
  if (!matches) {
    const auto account_next =
        auth::after_failure({account_failures.count, account_failures.last}, call.now,
                            account_policy);
    const auto address_next =
        auth::after_failure({address_failures.count, address_failures.last}, call.now,
                            address_policy);
    store.set_sign_in_failures(account_key, {account_next.count, account_next.last});
    store.set_sign_in_failures(address_key, {address_next.count, address_next.last});
    return login_form(call, words::sign_in_failed(), 401, name);
  }
  store.clear_sign_in_failures(account_key);
  // Said only after the right password, so it tells nobody else which accounts exist.
  if (store.deactivated_at(name)) return login_form(call, words::sign_in_deactivated(), 403, name);
  const std::string token = auth::new_token();
  store::SessionRecord session{auth::token_digest(token), name, call.now, call.now, false};
  store.add_session(session, call.now - call.app.settings().sessions.absolute);
  Response response = Call::redirect(safe_next(call.form.count("next") ? call.form.at("next") : ""));
  response.set("Set-Cookie", cookie(call, kSessionCookie, token, "/", std::nullopt));
  return response;
}

Response logout(Call& call) {
  call.store().revoke_session(auth::token_digest(call.session_token));
  Response response = Call::redirect("/login");
  response.set("Set-Cookie", cookie(call, kSessionCookie, "", "/", 0));
  return response;
}

}  // namespace regflow::web
