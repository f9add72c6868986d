// The board: every open dossier with its most urgent running deadline, most urgent first, and
// totals per status and per agency holding late ones. Reads the store's projections only, so
// it stays fast with many dossiers (bench/).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/deadline/status.hpp"
#include "engine/store/store.hpp"
#include "engine/time/calendar.hpp"

namespace regflow::report {

struct BoardFilter {
  std::string agency;    ///< held by, escalated to, or waiting for its signature
  std::string workflow;
  std::string status;    ///< a status name, or "no deadline"
  std::size_t limit = 0;  ///< keep only the this many most urgent entries; 0 keeps every one
  /// Only dossiers whose id or title contains this text, ignoring ASCII letter case.
  std::string text;
};

struct BoardEntry {
  store::OpenDossierRow dossier;
  std::optional<store::DeadlineTiming> deadline;  ///< the most urgent running one
  deadline::Status status = deadline::Status::OnTrack;
  int days_left = 0;
  std::string kendala;  ///< why the dossier is stuck, if an agency recorded it; "" for none
};

struct Board {
  time::Date today{};
  std::vector<BoardEntry> entries;  ///< most urgent first, at most the filter's limit
  std::size_t matching = 0;         ///< entries before the limit; the totals count all of them
  std::map<std::string, int> totals_by_status;
  std::map<std::string, int> late_by_agency;
};

/// The full rows behind one board entry, for output that lists every column (--json).
struct BoardEntryDetail {
  store::DossierRow dossier;
  std::optional<store::DeadlineRow> deadline;
};

/// Whether `haystack` contains `needle`, ignoring the case of ASCII letters ("" is in every text).
bool contains_ignoring_case(const std::string& haystack, const std::string& needle);

/// Status of a projected deadline on `today`.
deadline::Status row_status(const store::DeadlineTiming& row,
                            const time::HolidayCalendar& calendar, time::Date today,
                            int& days_left);

Board build_board(const store::Store& store, const BoardFilter& filter, time::Date today,
                  const time::HolidayCalendar& calendar);

/// The full rows of every entry of `board`, in its order. These are point reads, kept apart
/// from build_board so that the text board, which shows none of the extra columns, stays a
/// pair of index scans.
std::vector<BoardEntryDetail> board_details(const store::Store& store, const Board& board);

}  // namespace regflow::report
