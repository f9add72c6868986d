#include "cli/render/ics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "cli/render/dates.hpp"
#include "cli/render/status_words.hpp"
#include "cli/render/translate.hpp"
#include "engine/model/utf8.hpp"

namespace regflow::cli::render {
namespace {

constexpr std::size_t kMaxLineOctets = 75;
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";
// Alarms ring when the office day starts (a bare --now date means 09:00 too).
constexpr int kAlarmHour = 9;

std::string ics_date(time::Date date) {
  const std::chrono::year_month_day ymd{date};
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string ics_utc(time::Instant instant) {
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::hh_mm_ss hms{instant - day};
  return fmt::format("{}T{:02}{:02}{:02}Z", ics_date(day), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

std::string unit_name(const store::DeadlineRow& row) {
  return time::unit_name(row.working_days ? time::DayUnit::Working : time::DayUnit::Calendar);
}

std::string status_text(const report::FeedEntry& e) {
  const std::string status = status_words(deadline::status_name(e.status));
  switch (e.status) {
    case deadline::Status::Overdue:
      return trf("{}, {} {} late", status, -e.days_left, unit_name(e.deadline));
    case deadline::Status::DueSoon:
    case deadline::Status::OnTrack:
      if (e.days_left == 0) return trf("{}, due today", status);
      return trf("{}, {} {} left", status, e.days_left, unit_name(e.deadline));
    case deadline::Status::Paused:
    case deadline::Status::Met:
    case deadline::Status::Missed:
      break;
  }
  return status;
}

// The agency that has to act now: an escalation takes the dossier to the parent agency.
std::string holder_text(const store::DossierRow& d) {
  std::string text = d.owner_agency;
  if (!d.escalated_to.empty()) text += trf(" (escalated to {})", d.escalated_to);
  return text;
}

// Short enough for a month view to show the dossier and where it stands; step and deadline go
// by id because their titles are whole sentences (they are in the description). A step's own
// limit usually bears the step's id, and is not named twice.
std::string summary(const report::FeedEntry& e) {
  const auto& d = e.dossier;
  const auto& deadline_id = e.deadline.deadline_id;
  if (deadline_id == d.step) return fmt::format("{} [{}] {}", d.id, d.step, d.title);
  return fmt::format("{} [{} · {}] {}", d.id, d.step, deadline_id, d.title);
}

std::string description(const report::FeedEntry& e, time::Date today) {
  const auto& d = e.dossier;
  const auto& l = e.deadline;
  std::string text = l.title == l.deadline_id ? trf("Deadline: {}", l.title)
                                              : trf("Deadline: {} ({})", l.title, l.deadline_id);
  text += trf(", due {}", date_text(*l.due));
  if (l.computed_due && *l.computed_due != *l.due) {
    text += trf(", extended from {}", date_text(*l.computed_due));
  }
  text += "\n";
  text += trf("Legal basis: {}", l.basis.empty() ? tr("none recorded") : l.basis) + "\n";
  text += trf("Status on {}: {}", date_text(today), status_text(e)) + "\n";
  if (l.provisional) {
    text +=
        tr("Provisional: the holiday list of a year it counts over is not confirmed yet") + "\n";
  }
  text += trf("Dossier: {} — {}", d.id, d.title) + "\n";
  text += trf("Workflow: {}, step: {} ({})", d.workflow, d.step_title, d.step) + "\n";
  text += trf("Held by: {}", holder_text(d)) + "\n";
  if (!d.pending_signers.empty()) {
    text += trf("Not signed yet: {}", fmt::format("{}", fmt::join(d.pending_signers, ", "))) + "\n";
  }
  text += trf("Details: regflow show {}", d.id);
  return text;
}

std::string categories(const report::FeedEntry& e) {
  // One fmt call rather than string '+': GCC 12 at -O3 warns of a false overlap (-Wrestrict).
  std::string line = fmt::format("{},{}", ics_escape_text(deadline::status_name(e.status)),
                                 ics_escape_text(e.dossier.owner_agency));
  if (!e.dossier.escalated_to.empty()) {
    line += fmt::format(",{}", ics_escape_text(e.dossier.escalated_to));
  }
  return line;
}

// A reminder at the start of the office day on which the deadline becomes due soon, relative to
// the all-day event's start (local midnight of the due date) so that it needs no time zone.
std::string alarm_trigger(time::Date due, time::Date due_soon_from) {
  const auto days_before = (due - due_soon_from).count();
  if (days_before <= 0) return fmt::format("PT{}H", kAlarmHour);
  return fmt::format("-P{}DT{}H", days_before - 1, 24 - kAlarmHour);
}

void add_line(std::string& out, std::string_view name, std::string_view value) {
  std::string line{name};
  line += ':';
  line += value;
  out += ics_content_line(line);
}

void add_event(std::string& out, const report::FeedEntry& e, const IcsFeed& feed) {
  const auto due = *e.deadline.due;
  add_line(out, "BEGIN", "VEVENT");
  add_line(out, "UID",
           ics_escape_text(ics_uid(e.dossier.id, e.deadline.deadline_id, feed.installation)));
  add_line(out, "DTSTAMP", ics_utc(feed.stamp));
  add_line(out, "LAST-MODIFIED", ics_utc(e.dossier.updated_at));
  // Every change to a dossier (an extension, a restart, a step taken) is one more event in its
  // history, so its version only grows: the version is the SEQUENCE that tells a client which
  // copy of the event is newer.
  add_line(out, "SEQUENCE", std::to_string(std::max<std::int64_t>(e.dossier.version - 1, 0)));
  add_line(out, "DTSTART;VALUE=DATE", ics_date(due));
  add_line(out, "DTEND;VALUE=DATE", ics_date(due + std::chrono::days{1}));
  add_line(out, "SUMMARY", ics_escape_text(summary(e)));
  add_line(out, "DESCRIPTION", ics_escape_text(description(e, feed.today)));
  add_line(out, "CATEGORIES", categories(e));
  // A deadline is a date to meet, not time spent: it must not show the day as busy.
  add_line(out, "TRANSP", "TRANSPARENT");
  // Only an alarm still ahead: a client that reads a past one shows it as missed on every refresh.
  if (e.status == deadline::Status::OnTrack && e.due_soon_from && *e.due_soon_from > feed.today) {
    add_line(out, "BEGIN", "VALARM");
    add_line(out, "ACTION", "DISPLAY");
    add_line(out, "TRIGGER", alarm_trigger(due, *e.due_soon_from));
    add_line(out, "DESCRIPTION",
             ics_escape_text(
                 trf("Due soon: {} — {}, due {}", e.dossier.id, e.deadline.title, date_text(due))));
    add_line(out, "END", "VALARM");
  }
  add_line(out, "END", "VEVENT");
}

std::string calendar_name(const IcsFeed& feed) {
  std::string name = trf("regflow deadlines — {}", feed.installation);
  if (!feed.agency.empty()) name += fmt::format(" — {}", feed.agency);
  if (!feed.workflow.empty()) name += fmt::format(" — {}", feed.workflow);
  return name;
}

}  // namespace

std::string ics_uid(std::string_view dossier_id, std::string_view deadline_id,
                    std::string_view installation) {
  return fmt::format("{}.{}@{}", dossier_id, deadline_id, installation);
}

std::string ics_escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\\n";
    } else if ((byte < 0x20 && c != '\t') || byte == 0x7F) {
      out += ' ';  // TEXT admits no control character but the tab
    } else if (byte >= 0x80) {
      const std::size_t length = model::utf8_sequence_length(text, i);
      if (length == 0) {
        out += kReplacementCharacter;
      } else {
        out.append(text.substr(i, length));
        i += length;
        continue;
      }
    } else {
      out += c;
    }
    ++i;
  }
  return out;
}

std::string ics_content_line(std::string_view line) {
  std::string out;
  bool first = true;
  while (true) {
    // A continuation line starts with the space that marks it, and that space counts too.
    const std::size_t room = first ? kMaxLineOctets : kMaxLineOctets - 1;
    if (!first) out += ' ';
    if (line.size() <= room) {
      out.append(line);
      break;
    }
    std::size_t cut = room;
    while (cut > 0 && model::is_utf8_continuation(line[cut])) --cut;
    if (cut == 0) cut = room;  // not UTF-8 at all: a cut anywhere is as good as any
    out.append(line.substr(0, cut));
    out += "\r\n";
    line.remove_prefix(cut);
    first = false;
  }
  out += "\r\n";
  return out;
}

std::string ics_text(const IcsFeed& feed) {
  std::string out;
  add_line(out, "BEGIN", "VCALENDAR");
  add_line(out, "VERSION", "2.0");
  add_line(out, "PRODID", "-//regflow//regflow deadlines//EN");
  add_line(out, "CALSCALE", "GREGORIAN");
  add_line(out, "METHOD", "PUBLISH");
  add_line(out, "X-WR-CALNAME", ics_escape_text(calendar_name(feed)));
  add_line(out, "X-WR-CALDESC",
           ics_escape_text(
               trf("Open deadlines as of {}, exported by regflow ics", date_text(feed.today))));
  // Subscribers should look again about as often as a cron job re-exports the feed.
  add_line(out, "REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
  add_line(out, "X-PUBLISHED-TTL", "PT1H");
  for (const auto& entry : feed.entries) {
    if (entry.deadline.due) add_event(out, entry, feed);
  }
  add_line(out, "END", "VCALENDAR");
  return out;
}

}  // namespace regflow::cli::render
