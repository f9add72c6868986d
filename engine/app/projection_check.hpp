// `verify` proves what the board reads: each dossier's row, its running deadlines (the
// `deadlines` rows that show, ics and --json read, and the `clocks` column that board and queue
// read) and its next timer day must be what its events give under its pinned definition. A row
// edited in the sqlite3 shell would otherwise mislead the governor's office until the dossier's
// next action.
//
// Three things differ without anyone editing anything, and are not reported (the developers'
// notes): whether a due date is provisional depends on the day it was computed; the next timer
// day is empty after the migration to schema 3 until the first tick; and due dates move with the
// holiday calendar, so deadlines are compared only when the stored `projected_with` is the loaded
// calendar's fingerprint (otherwise "not compared: run tick").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/model/message.hpp"
#include "engine/store/store.hpp"

namespace regflow::app {

/// One stored value that is not what the events give.
struct ProjectionMismatch {
  std::string dossier_id;
  std::string column;  ///< e.g. "step", "owner_agency", "deadlines.harmonisasi.due", "clocks"
  std::string stored;
  std::string expected;
};

struct ProjectionReport {
  std::int64_t rows_checked = 0;
  bool deadlines_compared = false;  ///< false: computed with another calendar, or no tick yet
  std::vector<ProjectionMismatch> mismatches;
  /// Dossiers not checked, with why (a definition that no longer loads).
  std::vector<std::pair<std::string, model::Message>> skipped;
};

/// The columns of `stored` that differ from `expected` (the row the events give). Pure.
std::vector<ProjectionMismatch> compare_rows(const store::DossierRow& stored,
                                             const store::DossierRow& expected,
                                             bool compare_next_timer);

/// The running deadlines of one dossier that differ, by deadline id; `what` names the table
/// ("deadlines" or "clocks"), and `with_texts` compares titles, bases and computed dates too (the
/// clocks column holds only the timing). Provisional flags are not compared. Pure.
std::vector<ProjectionMismatch> compare_deadlines(const std::string& dossier_id,
                                                  const std::string& what,
                                                  const std::vector<store::DeadlineRow>& stored,
                                                  const std::vector<store::DeadlineRow>& expected,
                                                  bool with_texts);

}  // namespace regflow::app
