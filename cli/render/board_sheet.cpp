#include "cli/render/board_sheet.hpp"

namespace regflow::cli::render {

Sheet board_sheet(const report::Board& board, const std::vector<report::BoardEntryDetail>& details,
                  time::UtcOffset offset) {
  using K = CellKind;
  Sheet sheet{"board",
              {{"id", K::Text, 18},
               {"workflow", K::Text, 11},
               {"step", K::Text, 22},
               {"step title", K::Text, 40},
               {"held by", K::Text, 20},
               {"escalated to", K::Text, 20},
               {"status", K::Text, 11},
               {"deadline", K::Text, 24},
               {"due", K::Date, 11},
               {"days left", K::Number, 9},
               {"unit", K::Text, 10},
               {"provisional", K::Text, 11},
               {"started", K::Date, 11},
               {"title", K::Text, 50},
               {"kendala", K::Text, 40},
               {"as of", K::Date, 11}},
              {}};
  for (std::size_t i = 0; i < board.entries.size() && i < details.size(); ++i) {
    const auto& e = board.entries[i];
    const auto& d = details[i].dossier;
    const auto& deadline = details[i].deadline;
    SheetRow row;
    row.late = e.deadline && e.status == deadline::Status::Overdue;
    row.cells = {
        d.id,
        d.workflow,
        d.step,
        d.step_title,
        d.owner_agency,
        d.escalated_to.empty() ? Cell{} : Cell{d.escalated_to},
        e.deadline ? deadline::status_name(e.status) : std::string("no deadline"),
        deadline ? Cell{deadline->deadline_id} : Cell{},
        deadline && deadline->due ? Cell{*deadline->due} : Cell{},
        e.deadline ? Cell{static_cast<double>(e.days_left)} : Cell{},
        deadline ? Cell{deadline->working_days ? std::string("hari kerja") : std::string("hari")}
                 : Cell{},
        deadline ? Cell{std::string(deadline->provisional ? "yes" : "no")} : Cell{},
        Cell{time::local_date(d.started_at, offset)},
        d.title,
        e.kendala.empty() ? Cell{} : Cell{e.kendala},
        Cell{board.today}};
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace regflow::cli::render
