// The board's filters as a request gives them (?agency=&workflow=&status=&q=&asof=), checked
// against the configuration with the command line's messages. Shared by the page and the API.
#pragma once

#include <optional>
#include <string>

#include "engine/report/board.hpp"
#include "web/call.hpp"

namespace regflow::web {

/// The most dossiers the API lists (the most urgent), as `regflow board`; the totals count
/// them all.
inline constexpr std::size_t kBoardPageLimit = 1000;
/// The most a page lists unless ?limit= asks for more: rendering a line costs far more than
/// ranking it, and a reader looks at the most urgent ones.
inline constexpr std::size_t kBoardScreenLimit = 100;

struct BoardQuery {
  report::BoardFilter filter;
  time::Date today{};  ///< the "as of" day: today, or the date asked for (what-if)
};

/// The filters of the request; nullopt with `problem` set when one is not acceptable.
std::optional<BoardQuery> board_query(Call& call, std::string& problem,
                                      std::size_t default_limit = kBoardPageLimit);

/// The board for a query, as board_json gives it.
nlohmann::json board_data(Call& call, const BoardQuery& query);

}  // namespace regflow::web
