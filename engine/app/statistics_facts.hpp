// Saving each dossier's statistics facts (report::FactsFold) beside its events, and knowing when
// the saved ones can be read. Working-day counts of what happened (a stay of 4 hari kerja, a
// deadline missed by 2) depend on the holiday calendar, and a calendar decree can move them
// without any event: the facts are saved with the fingerprint of the calendar (and UTC offset,
// and facts format) they were counted with, `stats` replays a dossier whose fingerprint is not
// the loaded one, and the first `tick` or `stats` after a change folds every such dossier again
// and saves it (Installation::save_stale_statistics_facts). Recomputing on a change, rather than
// saving the raw dates and counting at read time, keeps one fold for both paths: a deadline's
// outcome depends on its pauses, extensions and recorded calendar moves (deadline::evaluate),
// which only the fold knows how to read.
#pragma once

#include <span>
#include <string>

#include "engine/model/definition.hpp"
#include "engine/report/facts_fold.hpp"
#include "engine/runtime/event.hpp"
#include "engine/store/store.hpp"
#include "engine/time/calendar.hpp"

namespace regflow::app {

/// Key in the database's settings: the fingerprint every dossier's facts were last saved with.
inline constexpr const char* kStatisticsBasisKey = "statistics_facts_with";

/// The fingerprint saved with the facts: the calendar's projection basis, the UTC offset and
/// report::kFactsFormat.
std::string statistics_basis(const time::HolidayCalendar& calendar, time::UtcOffset offset);

/// The row to save for a fold that has folded the dossier's events up to `version`.
store::StatisticsFacts facts_row(const report::FactsFold& fold, const std::string& definition_hash,
                                 std::int64_t version, const std::string& basis);

/// The row of a dossier from its whole history (sequence order, from `started`).
store::StatisticsFacts facts_from_history(const model::WorkflowDefinition& definition,
                                          std::span<const runtime::Event> events,
                                          const time::HolidayCalendar& calendar,
                                          time::UtcOffset offset, const std::string& basis);

}  // namespace regflow::app
