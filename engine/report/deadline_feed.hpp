// The deadline feed: every running deadline of the open dossiers, one entry each (the board
// keeps only the most urgent one per dossier), with its status today and the date from which it
// counts as due soon. Reads the same projections as the board, never replays events, so a feed
// for a whole installation stays cheap to export from cron.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/deadline/status.hpp"
#include "engine/store/store.hpp"
#include "engine/time/calendar.hpp"

namespace regflow::report {

struct FeedFilter {
  std::string agency;  ///< held by, escalated to, or waiting for its signature
  std::string workflow;
};

struct FeedEntry {
  store::DossierRow dossier;
  store::DeadlineRow deadline;
  deadline::Status status = deadline::Status::OnTrack;
  int days_left = 0;  ///< in the deadline's unit, negative when overdue
  /// The first date on which the deadline counts as due soon; empty while paused.
  std::optional<time::Date> due_soon_from;
};

/// The first local date on which `row` counts as due soon (row_status gives DueSoon from then
/// until its due date); nullopt while the deadline is paused and has no due date.
std::optional<time::Date> due_soon_from(const store::DeadlineRow& row,
                                        const time::HolidayCalendar& calendar);

/// Running deadlines of the open dossiers that pass the filter, ordered by due date (paused
/// ones last), then dossier id, then deadline id.
std::vector<FeedEntry> build_deadline_feed(const store::Store& store, const FeedFilter& filter,
                                           time::Date today, const time::HolidayCalendar& calendar);

}  // namespace regflow::report
