#include "cli/render/board_sheet.hpp"

#include "cli/render/status_words.hpp"
#include "cli/render/translate.hpp"

namespace regflow::cli::render {

Sheet board_sheet(const report::Board& board, const std::vector<report::BoardEntryDetail>& details,
                  time::UtcOffset offset) {
  using K = CellKind;
  Sheet sheet{"board",
              {{tr("id"), K::Text, 18},
               {tr("workflow"), K::Text, 11},
               {tr("step"), K::Text, 22},
               {tr("step title"), K::Text, 40},
               {tr("held by"), K::Text, 20},
               {tr("escalated to"), K::Text, 20},
               {tr("status"), K::Text, 11},
               {tr("deadline"), K::Text, 24},
               {tr("due date"), K::Date, 11},
               {tr("days left"), K::Number, 9},
               {tr("unit"), K::Text, 10},
               {tr("provisional"), K::Text, 11},
               {tr("started"), K::Date, 11},
               {tr("title"), K::Text, 50},
               {tr("kendala"), K::Text, 40},
               {tr("as of"), K::Date, 11}},
              {}};
  for (std::size_t i = 0; i < board.entries.size() && i < details.size(); ++i) {
    const auto& e = board.entries[i];
    const auto& d = details[i].dossier;
    const auto& deadline = details[i].deadline;
    SheetRow row;
    row.late = e.deadline && e.status == deadline::Status::Overdue;
    row.cells = {d.id,
                 d.workflow,
                 d.step,
                 d.step_title,
                 d.owner_agency,
                 d.escalated_to.empty() ? Cell{} : Cell{d.escalated_to},
                 e.deadline ? status_words(deadline::status_name(e.status)) : tr("no deadline"),
                 deadline ? Cell{deadline->deadline_id} : Cell{},
                 deadline && deadline->due ? Cell{*deadline->due} : Cell{},
                 e.deadline ? Cell{static_cast<double>(e.days_left)} : Cell{},
                 deadline ? Cell{deadline->working_days ? tr("working days") : tr("days")} : Cell{},
                 deadline ? Cell{deadline->provisional ? tr("yes") : tr("no")} : Cell{},
                 Cell{time::local_date(d.started_at, offset)},
                 d.title,
                 e.kendala.empty() ? Cell{} : Cell{e.kendala},
                 Cell{board.today}};
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace regflow::cli::render
