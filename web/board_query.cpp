#include "web/board_query.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/render/board_json.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/translate.hpp"
#include "engine/model/spelling.hpp"
#include "engine/time/date_input.hpp"
#include "web/web_app.hpp"

namespace regflow::web {

std::optional<BoardQuery> board_query(Call& call, std::string& problem, std::size_t default_limit) {
  const auto& config = call.app.config();
  BoardQuery out;
  out.today = call.today;
  out.filter.limit = default_limit;
  if (const std::string limit = call.query("limit"); !limit.empty()) {
    if (limit.size() > 6 || limit.find_first_not_of("0123456789") != std::string::npos) {
      problem = cli::render::trf(
          "limit '{}' is not a number of dossiers: give 0 (every one) or a whole number up to "
          "999999",
          limit);
      return std::nullopt;
    }
    out.filter.limit = static_cast<std::size_t>(std::stoul(limit));
  }
  out.filter.agency = call.query("agency");
  out.filter.workflow = call.query("workflow");
  out.filter.status = call.query("status");
  out.filter.text = call.query("q");
  if (!out.filter.agency.empty() && !config.agencies.contains(out.filter.agency)) {
    problem = cli::render::unknown_agency_text(out.filter.agency, config.agencies.codes());
    return std::nullopt;
  }
  if (!out.filter.workflow.empty() && config.find(out.filter.workflow) == nullptr) {
    problem = cli::render::unknown_workflow_text(out.filter.workflow, config.workflow_names());
    return std::nullopt;
  }
  static const std::vector<std::string> kStatuses{"overdue", "due soon", "on track", "paused",
                                                  "no deadline"};
  if (!out.filter.status.empty() &&
      std::find(kStatuses.begin(), kStatuses.end(), out.filter.status) == kStatuses.end()) {
    problem = cli::render::trf("unknown status '{}'; give one of {}", out.filter.status,
                               model::quoted_list(kStatuses));
    return std::nullopt;
  }
  if (const std::string asof = call.query("asof"); !asof.empty()) {
    auto date = time::parse_date_input(asof);
    if (!date) {
      problem = cli::render::trf("as-of date '{}' is not a date; expected DD/MM/YYYY or YYYY-MM-DD",
                                 asof);
      return std::nullopt;
    }
    out.today = *date;
  }
  return out;
}

nlohmann::json board_data(Call& call, const BoardQuery& query) {
  const auto& f = query.filter;
  const std::string key = fmt::format("board\n{}\n{}\n{}\n{}\n{}\n{}", f.agency, f.workflow,
                                      f.status, f.text, f.limit, time::format_date(query.today));
  return call.app.cached(key, [&call, &query] {
    auto& store = call.store();
    const auto board =
        report::build_board(store, query.filter, query.today, call.app.config().calendar());
    return cli::render::board_json(board, report::board_details(store, board));
  });
}

}  // namespace regflow::web
