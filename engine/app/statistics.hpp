// The statistics as both shells ask for them (`regflow stats` and the web's Statistik page):
// every dossier's definition found by its content hash — the current files first, then the
// texts the database stored for older versions, each parsed once — and report::build_stats
// over the store. One call, so that the page and the command line cannot disagree.
#pragma once

#include "engine/load/config_set.hpp"
#include "engine/report/stats.hpp"
#include "engine/store/store.hpp"

namespace regflow::app {

/// The statistics for `filter` as of min(today, filter.to), with the configuration's calendar
/// and UTC offset, from the saved statistics facts of each dossier (engine/app/
/// statistics_facts.hpp); a dossier whose facts were counted with another calendar, or that
/// has events after the as-of day, is replayed from its events instead. A dossier whose
/// definition cannot be loaded is left out and named in `skipped`. Throws StoreError when the
/// database cannot be read.
report::Stats statistics(const load::ConfigSet& config, const store::Store& store,
                         const report::StatsFilter& filter, time::Date today);

/// The same figures by replaying every dossier's events (report::build_stats): the reference
/// the saved facts are tested against.
report::Stats statistics_by_replay(const load::ConfigSet& config, const store::Store& store,
                                   const report::StatsFilter& filter, time::Date today);

}  // namespace regflow::app
