#include "cli/render/board_json.hpp"

#include "cli/render/dossier.hpp"

namespace regflow::cli::render {
namespace {

nlohmann::json entry_json(const report::BoardEntry& e, const report::BoardEntryDetail& detail) {
  nlohmann::json j = row_json(detail.dossier);
  j["status"] = e.deadline ? deadline::status_name(e.status) : "no deadline";
  j["days_left"] = e.deadline ? nlohmann::json(e.days_left) : nlohmann::json();
  if (detail.deadline) {
    const auto& d = *detail.deadline;
    j["deadline"] = {{"id", d.deadline_id},
                     {"title", d.title},
                     {"basis", d.basis},
                     {"due", d.due ? nlohmann::json(time::format_date(*d.due)) : nlohmann::json()},
                     {"unit", d.working_days ? "hari kerja" : "hari"},
                     {"provisional", d.provisional}};
  }
  return j;
}

}  // namespace

nlohmann::json board_json(const report::Board& board,
                          const std::vector<report::BoardEntryDetail>& details) {
  nlohmann::json out = {{"as_of", time::format_date(board.today)},
                        {"matching", board.matching},
                        {"not_shown", board.matching - board.entries.size()},
                        {"dossiers", nlohmann::json::array()},
                        {"totals", board.totals_by_status},
                        {"late_by_agency", board.late_by_agency}};
  for (std::size_t i = 0; i < board.entries.size() && i < details.size(); ++i) {
    out["dossiers"].push_back(entry_json(board.entries[i], details[i]));
  }
  return out;
}

}  // namespace regflow::cli::render
