// A user's own page: their calendar feed addresses and personal API token, each a secret made
// here, shown once, and kept only as its digest; making a new one revokes the old one.
#include <fmt/format.h>

#include "cli/render/ics.hpp"
#include "cli/render/translate.hpp"
#include "engine/auth/token.hpp"
#include "engine/report/deadline_feed.hpp"
#include "web/handlers.hpp"
#include "web/web_app.hpp"

namespace regflow::web {
namespace {

std::string base_url(const Call& call) {
  return (call.request.tls ? "https://" : "http://") + call.request.header("host");
}

nlohmann::json account_view(const Call& call) {
  nlohmann::json agencies = nlohmann::json::array();
  for (const auto& code : call.user->agencies) {
    const auto* agency = call.app.config().agencies.find(code);
    agencies.push_back({{"code", code}, {"name", agency == nullptr ? code : agency->name}});
  }
  return {{"page_title", cli::render::tr("My account")}, {"agencies", agencies}};
}

}  // namespace

Response account_page(Call& call) {
  return call.page("account", account_view(call));
}

Response reset_feed(Call& call) {
  const std::string token = auth::new_token();
  call.store().set_user_token(call.user->name, "feed", auth::token_digest(token), call.now);
  nlohmann::json view = account_view(call);
  nlohmann::json feeds = nlohmann::json::array();
  for (const auto& code : call.user->agencies) {
    feeds.push_back({{"agency", code}, {"url", fmt::format("{}/ics/{}/{}.ics", base_url(call),
                                                           token, percent_encode(code))}});
  }
  feeds.push_back({{"agency", "semua"},
                   {"url", fmt::format("{}/ics/{}/semua.ics", base_url(call), token)}});
  view["feeds"] = feeds;
  view["feeds_shown"] = true;
  return call.page("account", std::move(view));
}

Response new_api_token(Call& call) {
  const std::string token = auth::new_token();
  call.store().set_user_token(call.user->name, "api", auth::token_digest(token), call.now);
  nlohmann::json view = account_view(call);
  view["api_token"] = token;
  view["base_url"] = base_url(call);
  return call.page("account", std::move(view));
}

Response feed(Call& call) {
  const std::string& token = call.params.at("token");
  const std::string& file = call.params.at("file");
  const auto not_found = [&call] {
    return call.error(404, "no such calendar feed; make a new address on /account");
  };
  if (!auth::looks_like_token(token)) return not_found();
  auto user = call.store().token_user("feed", auth::token_digest(token));
  if (!user) return not_found();
  constexpr std::string_view kSuffix = ".ics";
  if (file.size() <= kSuffix.size() || file.substr(file.size() - kSuffix.size()) != kSuffix) {
    return not_found();
  }
  std::string agency = file.substr(0, file.size() - kSuffix.size());
  const auto& config = call.app.config();
  if (agency == "semua") agency.clear();
  if (!agency.empty() && !config.agencies.contains(agency)) return not_found();
  cli::render::IcsFeed ics;
  ics.installation = config.settings.installation;
  ics.agency = agency;
  ics.stamp = call.now;
  ics.today = call.today;
  ics.entries =
      report::build_deadline_feed(call.store(), {agency, ""}, call.today, config.calendar());
  Response response{200, {{"Content-Type", "text/calendar; charset=utf-8"}},
                    cli::render::ics_text(ics)};
  return response;
}

}  // namespace regflow::web
