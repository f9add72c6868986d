#include "cli/render/board.hpp"

#include <fmt/format.h>

#include "cli/render/dates.hpp"
#include "cli/render/status_words.hpp"
#include "cli/render/table.hpp"
#include "cli/render/translate.hpp"

namespace regflow::cli::render {
namespace {

constexpr std::size_t kStepWidth = 20;
constexpr std::size_t kHolderWidth = 16;
constexpr std::size_t kTitleWidth = 22;
constexpr std::size_t kNarrowStepWidth = 16;

std::string coloured(const report::BoardEntry& e, std::string cell, bool colour) {
  if (!colour || !e.deadline) return cell;
  if (e.status == deadline::Status::Overdue) return "\x1b[31m" + cell + "\x1b[0m";
  if (e.status == deadline::Status::DueSoon) return "\x1b[33m" + cell + "\x1b[0m";
  return cell;
}

std::string holder(const report::BoardEntry& e) {
  std::string out = e.dossier.owner_agency;
  if (!e.dossier.escalated_to.empty()) out += "^" + e.dossier.escalated_to;
  return out;
}

std::string due_cell(const report::BoardEntry& e) {
  return e.deadline && e.deadline->due ? date_text(*e.deadline->due) : "-";
}

/// "label: a, b, c" wrapped at `width` (0: no wrapping), continuation lines indented.
std::string wrapped(const std::string& label, const std::vector<std::string>& items,
                    std::size_t width) {
  std::string out = label;
  std::size_t line = display_width(label);
  if (items.empty()) return out + " " + tr("none") + "\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string piece = items[i] + (i + 1 < items.size() ? "," : "");
    if (width != 0 && line + 1 + display_width(piece) > width && line > 2) {
      out += "\n ";
      line = 1;
    }
    out += " " + piece;
    line += 1 + display_width(piece);
  }
  return out + "\n";
}

/// The line under a board row that says why the dossier is stuck, if an agency recorded it.
std::string kendala_line(const report::BoardEntry& e, std::size_t width) {
  if (e.kendala.empty()) return {};
  const std::string line = "  kendala: " + e.kendala;
  return (width > 3 ? cut_to_width(line, width) : line) + "\n";
}

/// `table` (a header line, then one line per entry) with each entry's kendala line under it.
std::string with_kendala(const std::string& table, const std::vector<report::BoardEntry>& entries,
                         std::size_t width) {
  std::size_t start = table.find('\n') + 1;
  std::string out = table.substr(0, start);
  for (const auto& e : entries) {
    const std::size_t end = table.find('\n', start);
    out += table.substr(start, end - start + 1) + kendala_line(e, width);
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string days_cell(const report::BoardEntry& e) {
  if (!e.deadline) return "-";
  // English keeps the short cells ("h" = hari, "hk" = hari kerja, explained under the README's
  // board); Indonesian spells the unit out, since "26h" reads as hours.
  const bool working = e.deadline->working_days;
  switch (e.status) {
    case deadline::Status::Paused:
      return working ? trf("paused ({}hk left)", e.days_left)
                     : trf("paused ({}h left)", e.days_left);
    case deadline::Status::Overdue:
      return working ? trf("{}hk late", -e.days_left) : trf("{}h late", -e.days_left);
    case deadline::Status::DueSoon:
    case deadline::Status::OnTrack:
      if (e.days_left == 0) return tr("today");
      return working ? trf("{}hk left", e.days_left) : trf("{}h left", e.days_left);
    case deadline::Status::Met:
    case deadline::Status::Missed:
      return "-";
  }
  return "-";
}

std::string board_text(const report::Board& board, const std::string& heading,
                       const BoardLayout& layout) {
  std::string out = trf("{} — {} open dossier(s), as of {}", heading, board.matching,
                        long_date_text(board.today)) +
                    "\n\n";

  Table wide({tr("ID"), tr("STEP"), tr("HELD BY"), tr("DUE"), tr("LEFT"), tr("TITLE")});
  wide.limit(1, kStepWidth);
  wide.limit(2, kHolderWidth);
  wide.limit(5, kTitleWidth);
  wide.reserve(board.entries.size());
  for (const auto& e : board.entries) {
    wide.add({e.dossier.id, e.dossier.step, holder(e), due_cell(e),
              coloured(e, days_cell(e), layout.colour), e.dossier.title});
  }
  if (layout.width == 0 || wide.widest_line() <= layout.width) {
    out += with_kendala(wide.str(), board.entries, layout.width);
  } else {
    Table narrow({tr("ID"), tr("STEP"), tr("HELD BY"), tr("DUE"), tr("LEFT")});
    narrow.limit(1, kNarrowStepWidth);
    narrow.limit(2, kHolderWidth);
    narrow.reserve(board.entries.size());
    for (const auto& e : board.entries) {
      narrow.add({e.dossier.id, e.dossier.step, holder(e), due_cell(e),
                  coloured(e, days_cell(e), layout.colour)});
    }
    const std::string facts = narrow.str();
    std::size_t start = facts.find('\n') + 1;
    out += facts.substr(0, start);  // the header
    for (const auto& e : board.entries) {
      const std::size_t end = facts.find('\n', start);
      out += facts.substr(start, end - start + 1);
      out += "  " + cut_to_width(e.dossier.title, layout.width > 3 ? layout.width - 2 : 1) + "\n";
      out += kendala_line(e, layout.width);
      start = end + 1;
    }
  }

  if (board.matching > board.entries.size()) {
    out += trf("… and {} less urgent dossier(s) not shown; --limit 0 shows every one",
               board.matching - board.entries.size()) +
           "\n";
  }
  out += "\n";
  std::vector<std::string> totals;
  for (const auto& [status, count] : board.totals_by_status)
    totals.push_back(fmt::format("{}: {}", status_words(status), count));
  out += wrapped(tr("by status:"), totals, layout.width);
  std::vector<std::string> late;
  for (const auto& [agency, count] : board.late_by_agency)
    late.push_back(fmt::format("{} {}", agency, count));
  out += wrapped(tr("late, by agency holding them:"), late, layout.width);
  return out;
}

}  // namespace regflow::cli::render
