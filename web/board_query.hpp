// The board's filters as a request gives them (?agency=&workflow=&status=&q=&asof=), checked
// against the configuration with the command line's messages. Shared by the page and the API.
#pragma once

#include <optional>
#include <string>

#include "engine/report/board.hpp"
#include "web/call.hpp"

namespace regflow::web {

/// The most dossiers a page lists (the most urgent); the totals count them all.
inline constexpr std::size_t kBoardPageLimit = 1000;

struct BoardQuery {
  report::BoardFilter filter;
  time::Date today{};  ///< the "as of" day: today, or the date asked for (what-if)
};

/// The filters of the request; nullopt with `problem` set when one is not acceptable.
std::optional<BoardQuery> board_query(Call& call, std::string& problem);

/// The board for a query, as board_json gives it.
nlohmann::json board_data(Call& call, const BoardQuery& query);

}  // namespace regflow::web
