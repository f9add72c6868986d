#include "cli/render/ics.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/support/dates.hpp"

using regflow::test::date;

using regflow::cli::render::ics_content_line;
using regflow::cli::render::ics_escape_text;
using regflow::cli::render::ics_text;
using regflow::cli::render::ics_uid;
using regflow::cli::render::IcsFeed;
using regflow::deadline::Status;
using regflow::report::FeedEntry;

namespace {

regflow::time::Instant utc(const char* text) {
  const auto instant = regflow::time::parse_instant(text, regflow::time::UtcOffset{});
  REQUIRE(instant);
  return *instant;
}

// The physical lines of a feed, each without its CRLF; fails on a bare LF or CR.
std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);  // the text ends with CRLF
    const std::string line = text.substr(start, end - start);
    REQUIRE(line.find_first_of("\r\n") == std::string::npos);
    lines.push_back(line);
    start = end + 2;
  }
  return lines;
}

// RFC 5545 3.1 unfolding: a line that starts with a space continues the one before.
std::vector<std::string> content_lines(const std::string& text) {
  std::vector<std::string> lines;
  for (const auto& line : physical_lines(text)) {
    if (!line.empty() && line.front() == ' ') {
      REQUIRE_FALSE(lines.empty());
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
  }
  return lines;
}

std::vector<std::string> values_of(const std::string& text, const std::string& name) {
  std::vector<std::string> values;
  for (const auto& line : content_lines(text)) {
    if (line.rfind(name + ":", 0) == 0) values.push_back(line.substr(name.size() + 1));
  }
  return values;
}

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

FeedEntry entry(const std::string& dossier, const std::string& deadline, const char* due,
                Status status, int days_left) {
  FeedEntry e;
  e.dossier.id = dossier;
  e.dossier.workflow = "pergub";
  e.dossier.title = "Pergub Pendampingan UMKM";
  e.dossier.step = "harmonisasi";
  e.dossier.step_title = "Harmonisasi";
  e.dossier.owner_agency = "biro-hukum";
  e.dossier.version = 4;
  e.dossier.updated_at = utc("2026-03-02T02:30:00Z");
  e.deadline.dossier_id = dossier;
  e.deadline.deadline_id = deadline;
  e.deadline.title = "Batas " + deadline;
  e.deadline.basis = "UU 12/2011 Pasal 79(1)";
  if (due != nullptr) {
    e.deadline.due = date(due);
    e.deadline.computed_due = e.deadline.due;
  }
  e.deadline.working_days = true;
  e.status = status;
  e.days_left = days_left;
  return e;
}

IcsFeed feed_of(std::vector<FeedEntry> entries) {
  IcsFeed feed;
  feed.installation = "babel";
  feed.stamp = utc("2026-03-09T02:00:00Z");
  feed.today = date("2026-03-09");
  feed.entries = std::move(entries);
  return feed;
}

}  // namespace

TEST_CASE("ics_content_line leaves a line of exactly 75 octets whole") {
  const std::string line = "SUMMARY:" + std::string(75 - 8, 'a');
  CHECK(ics_content_line(line) == line + "\r\n");
}

TEST_CASE("ics_content_line folds the 76th octet onto a continuation line") {
  const std::string line = "SUMMARY:" + std::string(76 - 8, 'a');
  CHECK(ics_content_line(line) == line.substr(0, 75) + "\r\n " + line.substr(75) + "\r\n");
}

TEST_CASE("ics_content_line counts the leading space of a continuation line") {
  const std::string line(75 + 74 + 1, 'x');
  const auto lines = physical_lines(ics_content_line(line));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].size() == 75);
  CHECK(lines[1].size() == 75);
  CHECK(lines[2] == " x");
}

TEST_CASE("ics_content_line never splits a UTF-8 character") {
  // A 2-, 3- and 4-byte character placed so that it straddles the 75th octet at every offset.
  for (const std::string character : {"é", "—", "𝄞"}) {
    for (std::size_t before = 70; before <= 76; ++before) {
      std::string line = std::string(before, 'a');
      for (int i = 0; i < 60; ++i) line += character;
      INFO("character of " << character.size() << " octets after " << before << " octets");
      const std::string folded = ics_content_line(line);
      const auto lines = physical_lines(folded);
      std::string unfolded;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].size() <= 75);
        const std::string piece = i == 0 ? lines[i] : lines[i].substr(1);
        REQUIRE_FALSE(piece.empty());
        CHECK_FALSE(is_continuation_byte(piece.front()));
        // A full line is cut only when the next character would not fit.
        if (i + 1 < lines.size()) CHECK(lines[i].size() + character.size() > 75);
        unfolded += piece;
      }
      CHECK(unfolded == line);
    }
  }
}

TEST_CASE("ics_content_line cuts bytes that are not UTF-8 at 75 octets rather than loop") {
  const std::string line(200, '\x80');
  const auto lines = physical_lines(ics_content_line(line));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].size() == 75);
}

TEST_CASE("ics_escape_text escapes backslash, semicolon, comma and line ends") {
  CHECK(ics_escape_text("a\\b;c,d") == "a\\\\b\\;c\\,d");
  CHECK(ics_escape_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(ics_escape_text("Pasal 79(1): \"30 hari\"") == "Pasal 79(1): \"30 hari\"");
}

TEST_CASE("ics_escape_text keeps UTF-8 and tabs, and drops what TEXT does not admit") {
  CHECK(ics_escape_text("Perda — Kepulauan Bangka Belitung 𝄞\t") ==
        "Perda — Kepulauan Bangka Belitung 𝄞\t");
  CHECK(ics_escape_text(std::string("bell\x07 nul", 9) + std::string(1, '\0') + "x") ==
        "bell  nul x");
  CHECK(ics_escape_text("caf\xE9 \xED\xA0\x80 \xC0\xAF end\xE2\x80") ==
        "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD "
        "end\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("ics_uid names the dossier, the deadline and the installation") {
  CHECK(ics_uid("PERDA-2021-0001", "penetapan", "babel") == "PERDA-2021-0001.penetapan@babel");
}

TEST_CASE("ics_text is a VCALENDAR with CRLF line ends and no line longer than 75 octets") {
  auto long_one = entry("PERGUB-2026-0001", "harmonisasi", "2026-03-12", Status::DueSoon, 2);
  long_one.dossier.title =
      "Rancangan Peraturan Gubernur tentang Pendampingan Usaha Mikro, Kecil dan "
      "Menengah di Kepulauan Bangka Belitung — tahap kedua; revisi";
  const auto text = ics_text(feed_of({long_one}));
  for (const auto& line : physical_lines(text)) CHECK(line.size() <= 75);
  const auto lines = content_lines(text);
  REQUIRE(lines.size() > 4);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines[1] == "VERSION:2.0");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(values_of(text, "PRODID") == std::vector<std::string>{"-//regflow//regflow deadlines//EN"});
  CHECK(values_of(text, "CALSCALE") == std::vector<std::string>{"GREGORIAN"});
  CHECK(values_of(text, "X-WR-CALNAME") == std::vector<std::string>{"regflow deadlines — babel"});
  CHECK(values_of(text, "SUMMARY") ==
        std::vector<std::string>{
            "PERGUB-2026-0001 [harmonisasi] Rancangan Peraturan Gubernur tentang Pendampingan "
            "Usaha Mikro\\, Kecil dan Menengah di Kepulauan Bangka Belitung — tahap kedua\\; "
            "revisi"});
}

TEST_CASE("ics_text makes one all-day event per dated deadline") {
  const auto text = ics_text(feed_of({
      entry("PERGUB-2026-0001", "harmonisasi", "2026-03-12", Status::DueSoon, 2),
      entry("PERGUB-2026-0001", "target", "2026-12-31", Status::OnTrack, 200),
      entry("PERDA-2026-0002", "penetapan", nullptr, Status::Paused, 3),
  }));
  CHECK(values_of(text, "BEGIN") == std::vector<std::string>{"VCALENDAR", "VEVENT", "VEVENT"});
  CHECK(values_of(text, "UID") == std::vector<std::string>{"PERGUB-2026-0001.harmonisasi@babel",
                                                           "PERGUB-2026-0001.target@babel"});
  CHECK(values_of(text, "DTSTART;VALUE=DATE") == std::vector<std::string>{"20260312", "20261231"});
  CHECK(values_of(text, "DTEND;VALUE=DATE") == std::vector<std::string>{"20260313", "20270101"});
  CHECK(values_of(text, "DTSTAMP") ==
        std::vector<std::string>{"20260309T020000Z", "20260309T020000Z"});
  CHECK(values_of(text, "LAST-MODIFIED") ==
        std::vector<std::string>{"20260302T023000Z", "20260302T023000Z"});
  CHECK(values_of(text, "SEQUENCE") == std::vector<std::string>{"3", "3"});
  CHECK(values_of(text, "CATEGORIES") ==
        std::vector<std::string>{"due soon,biro-hukum", "on track,biro-hukum"});
  // The step's own limit is not named twice; another deadline of the same step is told apart.
  CHECK(
      values_of(text, "SUMMARY") ==
      std::vector<std::string>{"PERGUB-2026-0001 [harmonisasi] Pergub Pendampingan UMKM",
                               "PERGUB-2026-0001 [harmonisasi · target] Pergub Pendampingan UMKM"});
}

TEST_CASE("ics_text describes the legal basis, the holder and how to open the dossier") {
  auto e = entry("PERGUB-2026-0001", "harmonisasi", "2026-03-12", Status::Overdue, -2);
  e.deadline.computed_due = date("2026-03-05");
  e.deadline.basis = "Permendagri 80/2015, Pasal 91; 92";
  e.dossier.escalated_to = "sekda";
  e.dossier.pending_signers = {"dinas-kukm", "sekda"};
  const auto text = ics_text(feed_of({e}));
  CHECK(values_of(text, "DESCRIPTION") ==
        std::vector<std::string>{
            "Deadline: Batas harmonisasi (harmonisasi)\\, due 2026-03-12\\, extended from "
            "2026-03-05\\nLegal basis: Permendagri 80/2015\\, Pasal 91\\; 92\\nStatus on "
            "2026-03-09: overdue\\, 2 hari kerja late\\nDossier: PERGUB-2026-0001 — Pergub "
            "Pendampingan UMKM\\nWorkflow: pergub\\, step: Harmonisasi (harmonisasi)\\nHeld by: "
            "biro-hukum (escalated to sekda)\\nNot signed yet: dinas-kukm\\, sekda\\nDetails: "
            "regflow show PERGUB-2026-0001"});
  CHECK(values_of(text, "CATEGORIES") == std::vector<std::string>{"overdue,biro-hukum,sekda"});
  CHECK(values_of(text, "BEGIN") == std::vector<std::string>{"VCALENDAR", "VEVENT"});
}

TEST_CASE("ics_text rings an alarm on the morning a deadline becomes due soon") {
  auto ahead = entry("PERGUB-2026-0001", "harmonisasi", "2026-03-20", Status::OnTrack, 9);
  ahead.due_soon_from = date("2026-03-17");
  auto on_the_day = entry("PERGUB-2026-0002", "harmonisasi", "2026-03-20", Status::OnTrack, 9);
  on_the_day.due_soon_from = date("2026-03-20");
  auto already = entry("PERGUB-2026-0003", "harmonisasi", "2026-03-10", Status::DueSoon, 1);
  already.due_soon_from = date("2026-03-08");
  const auto text = ics_text(feed_of({ahead, on_the_day, already}));
  // 09:00 three days before the event's midnight start is 2 days and 15 hours before it.
  CHECK(values_of(text, "TRIGGER") == std::vector<std::string>{"-P2DT15H", "PT9H"});
  CHECK(values_of(text, "ACTION") == std::vector<std::string>{"DISPLAY", "DISPLAY"});
}

TEST_CASE("ics_text gives a deadline the same UID on every export") {
  const auto before =
      feed_of({entry("PERGUB-2026-0001", "harmonisasi", "2026-03-12", Status::OnTrack, 3),
               entry("PERGUB-2026-0001", "target", "2026-03-20", Status::OnTrack, 9)});
  auto after = before;
  after.stamp = utc("2026-03-10T02:00:00Z");
  after.today = date("2026-03-10");
  after.entries[0].deadline.due = date("2026-03-19");  // extended: a new event in the history
  after.entries[0].dossier.version = 5;
  after.entries[1].dossier.version = 5;
  const auto uids = values_of(ics_text(before), "UID");
  CHECK(values_of(ics_text(after), "UID") == uids);
  CHECK(std::set<std::string>(uids.begin(), uids.end()).size() == uids.size());
  CHECK(values_of(ics_text(after), "SEQUENCE") == std::vector<std::string>{"4", "4"});
  CHECK(values_of(ics_text(after), "DTSTART;VALUE=DATE") ==
        std::vector<std::string>{"20260319", "20260320"});
}

TEST_CASE("ics_text names a filtered feed after its filters") {
  auto feed = feed_of({});
  feed.agency = "biro-hukum";
  feed.workflow = "perda";
  const auto text = ics_text(feed);
  CHECK(values_of(text, "X-WR-CALNAME") ==
        std::vector<std::string>{"regflow deadlines — babel — biro-hukum — perda"});
  CHECK(values_of(text, "BEGIN") == std::vector<std::string>{"VCALENDAR"});
}
