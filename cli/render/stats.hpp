// The statistics for people (text), for programs (--json, keys documented in the README) and
// for spreadsheets (one sheet per table, written as CSV or XLSX).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/render/sheet.hpp"
#include "engine/report/stats.hpp"

namespace regflow::cli::render {

/// The tables as text: steps (those that most often go late first), agencies, deadlines and
/// extensions, throughput per month, open dossiers by age, the Governor's targets.
std::string stats_text(const report::Stats& stats);

nlohmann::json stats_json(const report::Stats& stats);

/// One sheet per table, in the text's order: langkah (steps), instansi (time per agency),
/// tepat-waktu (step limits per agency), tenggat (deadlines), perpanjangan (extensions),
/// per-bulan (throughput), umur (open by age), target. Late rows (a step or deadline with missed or overdue ones, a missed
/// target) are marked.
std::vector<Sheet> stats_sheets(const report::Stats& stats);

/// The names of stats_sheets, for `--table` (CSV holds one table).
std::vector<std::string> stats_sheet_names();

/// "working days" or "days", in the current language (--json keeps the law's "hari kerja").
std::string unit_text(time::DayUnit unit);
/// A Governor's target's outcome by its status name ("met", "overdue" …) and margin in days:
/// "met, 3 days early", "4 days late (still running)".
std::string target_margin_text(const std::string& status_name, int margin);
/// An age band of open dossiers from its bounds in calendar days (to_days < 0: open-ended):
/// "0-30 days", "> 365 days".
std::string age_band_text(int from_days, int to_days);

}  // namespace regflow::cli::render
