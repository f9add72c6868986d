// The open deadlines as an RFC 5545 iCalendar feed, for the calendars of the governor's office
// and the agencies. A pure function of the feed rows: no clock, no database, so every detail a
// calendar client depends on (CRLF, folding at 75 octets, TEXT escaping, stable UIDs) is tested
// without running regflow.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/report/deadline_feed.hpp"
#include "engine/time/date.hpp"

namespace regflow::cli::render {

struct IcsFeed {
  std::string installation;  ///< settings.yaml `installation`: the UIDs' domain, the feed's name
  std::string agency;        ///< the --agency filter, "" for every agency
  std::string workflow;      ///< the --workflow filter, "" for every workflow
  time::Instant stamp{};     ///< DTSTAMP of every event: when the feed was made
  time::Date today{};        ///< the date the statuses in the descriptions are as of
  std::vector<report::FeedEntry> entries;
};

/// The whole VCALENDAR: one all-day VEVENT per dated deadline (paused ones have no date and are
/// left out until the dossier is back), CRLF line ends, every content line folded.
std::string ics_text(const IcsFeed& feed);

/// "<dossier>.<deadline>@<installation>": the same on every export, so a client that re-reads
/// the feed replaces the event instead of adding a second one.
std::string ics_uid(std::string_view dossier_id, std::string_view deadline_id,
                    std::string_view installation);

/// A TEXT value (RFC 5545 3.3.11): `\`, `;`, `,` and line ends escaped, other control
/// characters turned into spaces, and invalid UTF-8 replaced by U+FFFD.
std::string ics_escape_text(std::string_view text);

/// One content line, folded (RFC 5545 3.1) so that no physical line exceeds 75 octets before
/// its CRLF, and never inside a UTF-8 character; ends with CRLF.
std::string ics_content_line(std::string_view line);

}  // namespace regflow::cli::render
