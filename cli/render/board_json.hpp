// The board and the queues for programs: the documented shape of `regflow board --json` and
// `regflow queue --json`, which `/api/board` and `/api/queue` of `regflow serve` give too.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "engine/report/board.hpp"

namespace regflow::cli::render {

/// `details` are report::board_details of the same board, in its order.
nlohmann::json board_json(const report::Board& board,
                          const std::vector<report::BoardEntryDetail>& details);

}  // namespace regflow::cli::render
