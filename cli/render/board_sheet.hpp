// The board as a sheet for a meeting (`board --format csv|xlsx`): one row per dossier, most
// urgent first, with real dates and the overdue rows marked.
#pragma once

#include <vector>

#include "cli/render/sheet.hpp"
#include "engine/report/board.hpp"

namespace regflow::cli::render {

/// `details` are report::board_details(board), in the board's order; `offset` turns the start
/// time into a local date.
Sheet board_sheet(const report::Board& board, const std::vector<report::BoardEntryDetail>& details,
                  time::UtcOffset offset);

}  // namespace regflow::cli::render
