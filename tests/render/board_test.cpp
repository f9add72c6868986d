// The board as a person reads it: one line per dossier in a pipe or a wide terminal, two lines
// (facts, then the whole title) on an 80-column one, with the totals wrapped to fit.
#include <sstream>

#include <catch2/catch.hpp>

#include "cli/render/board.hpp"
#include "cli/render/table.hpp"

namespace regflow::cli::render {
namespace {

report::BoardEntry entry(const std::string& id, const std::string& step, const std::string& owner,
                         const std::string& escalated, const std::string& title, const char* due, int days_left,
                         deadline::Status status) {
  report::BoardEntry e;
  e.dossier.id = id;
  e.dossier.step = step;
  e.dossier.owner_agency = owner;
  e.dossier.escalated_to = escalated;
  e.dossier.title = title;
  store::DeadlineRow row;
  row.deadline_id = step;
  row.due = time::parse_date(due);
  row.working_days = true;
  e.deadline = row;
  e.status = status;
  e.days_left = days_left;
  return e;
}

report::Board sample() {
  report::Board board;
  board.today = *time::parse_date("2021-02-19");
  board.entries.push_back(entry("PERDA-2020-0001", "pengundangan", "sekda", "gubernur",
                                "Perda Penyelenggaraan Ketenteraman dan Ketertiban Umum", "2021-01-20", -22,
                                deadline::Status::Overdue));
  board.entries.push_back(entry("PERGUB-2021-0002", "paraf_koordinasi", "biro-hukum", "asisten-pemerintahan",
                                "Pergub Penjabaran Perubahan APBD 2021", "2021-02-24", 3, deadline::Status::OnTrack));
  board.matching = board.entries.size();
  board.totals_by_status = {{"on track", 1}, {"overdue", 1}};
  board.late_by_agency = {{"asisten-administrasi", 2}, {"asisten-pemerintahan", 4}, {"asisten-perekonomian", 1},
                          {"gubernur", 1}};
  return board;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("board in a pipe: one line per dossier, titles cut", "[render][board]") {
  const auto lines = lines_of(board_text(sample(), "Board", {}));
  REQUIRE(lines.size() == 8);
  CHECK(lines[0] == "Board — 2 open dossier(s), as of 2021-02-19");
  CHECK(lines[2].rfind("ID ", 0) == 0);
  CHECK(lines[3] ==
        "PERDA-2020-0001   pengundangan      sekda^gubernur    2021-01-20  22hk late  Perda Penyelenggaraan…");
  CHECK(lines[6] == "by status: on track: 1, overdue: 1");
}

TEST_CASE("board on an 80-column terminal: every line fits, no title is lost", "[render][board]") {
  BoardLayout layout;
  layout.width = 80;
  const auto text = board_text(sample(), "Board", layout);
  const auto lines = lines_of(text);
  for (const auto& line : lines) {
    INFO(line);
    CHECK(display_width(line) <= 80);
  }
  CHECK(lines[2] == "ID                STEP              HELD BY           DUE         LEFT");
  CHECK(lines[3] == "PERDA-2020-0001   pengundangan      sekda^gubernur    2021-01-20  22hk late");
  CHECK(lines[4] == "  Perda Penyelenggaraan Ketenteraman dan Ketertiban Umum");
  CHECK(lines[6] == "  Pergub Penjabaran Perubahan APBD 2021");
  CHECK(text.find("late, by agency holding them: asisten-administrasi 2, asisten-pemerintahan 4,\n"
                  "  asisten-perekonomian 1, gubernur 1\n") != std::string::npos);
}

TEST_CASE("board colours late and due-soon cells without breaking the columns", "[render][board]") {
  BoardLayout layout;
  layout.colour = true;
  const auto lines = lines_of(board_text(sample(), "Board", layout));
  CHECK(lines[3].find("\x1b[31m22hk late\x1b[0m") != std::string::npos);
  // The title column starts at the same place in the coloured and the plain row.
  const auto plain = lines_of(board_text(sample(), "Board", {}));
  CHECK(display_width(lines[3]) == display_width(plain[3]));
  CHECK(lines[4] == plain[4]);
}

}  // namespace regflow::cli::render
