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
};

struct BoardEntry {
  store::DossierRow dossier;
  std::optional<store::DeadlineRow> deadline;  ///< the most urgent running one
  deadline::Status status = deadline::Status::OnTrack;
  int days_left = 0;
};

struct Board {
  time::Date today{};
  std::vector<BoardEntry> entries;
  std::map<std::string, int> totals_by_status;
  std::map<std::string, int> late_by_agency;
};

/// Status of a projected deadline on `today`.
deadline::Status row_status(const store::DeadlineRow& row, const time::HolidayCalendar& calendar,
                            time::Date today, int& days_left);

Board build_board(const store::Store& store, const BoardFilter& filter, time::Date today,
                  const time::HolidayCalendar& calendar);

}  // namespace regflow::report
