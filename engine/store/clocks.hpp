// The running deadlines' timing of one dossier as one short text in its row (the `clocks`
// column, schema version 3), so that the board and the queues rank every open dossier from one
// index scan instead of merging a second scan of the deadlines. The deadlines table stays the
// projection that show, extend and the calendar feed read; both are written in the same
// transaction from the same rows. Internal to engine/store.
//
// One record per deadline, in deadline id order, separated by ';'; fields separated by ' ':
//   <deadline id> <due: days since 1970-01-01, or '-' while paused> <W|C: working or calendar
//   days> <due-soon threshold> <days left when paused> <P if provisional, else '-'>
// for example "harmonisasi 20788 W 3 0 -;seluruhnya 20850 C 10 0 -". Whole numbers of days keep
// the board from parsing 200k date strings; the text stays readable in the sqlite3 shell, and
// the schema migration writes it with SQL alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/store/store.hpp"

namespace regflow::store {

/// The clocks text of `deadlines`. Throws StoreError (a bug in regflow) if a deadline id is
/// empty or contains a space or ';' (the loader allows neither).
std::string encode_clocks(const std::vector<DeadlineRow>& deadlines);

/// Parses `text` into `out`, reusing its elements' storage. False if `text` is not clocks text;
/// `out` is then unspecified.
bool decode_clocks(std::string_view text, std::vector<DeadlineTiming>& out);

}  // namespace regflow::store
