// The board and the queues as text for a terminal: most urgent first, then the totals per status
// and per agency holding late dossiers.
#pragma once

#include <string>

#include "engine/report/board.hpp"

namespace regflow::cli::render {

struct BoardLayout {
  /// The terminal's width in columns; 0 when unknown (a pipe or a file): one line per dossier.
  std::size_t width = 0;
  bool colour = false;  ///< ANSI colours for late (red) and due-soon (yellow) cells
};

/// One line per dossier when it fits in `layout.width`; on a narrower terminal (80 columns) each
/// dossier takes two lines, the facts and then its title, so that nothing a reader needs is cut.
std::string board_text(const report::Board& board, const std::string& heading,
                       const BoardLayout& layout);

/// "3h late", "5hk left", "today", "paused (4hk left)" or "-".
std::string days_cell(const report::BoardEntry& entry);

}  // namespace regflow::cli::render
