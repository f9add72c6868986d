#include "engine/time/date.hpp"

#include <fmt/format.h>

#include <charconv>

namespace regflow::time {
namespace {

bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && ptr == text.data() + text.size();
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  int m = 0;
  int d = 0;
  if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(5, 2), m) ||
      !parse_int(text.substr(8, 2), d)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

std::string accepted_range_text() {
  return model::english(accepted_range());
}

model::Message accepted_range() {
  return model::say("{} to {}", fmt::format("{}-01-01", kFirstAcceptedYear),
                    fmt::format("{}-12-31", kLastAcceptedYear));
}

bool is_accepted(Date date) {
  const int year = year_of(date);
  return year >= kFirstAcceptedYear && year <= kLastAcceptedYear;
}

bool is_accepted(Instant instant) {
  return is_accepted(std::chrono::floor<std::chrono::days>(instant));
}

int year_of(Date date) {
  return static_cast<int>(std::chrono::year_month_day{date}.year());
}

std::optional<Instant> parse_instant(std::string_view text, UtcOffset offset) {
  using namespace std::chrono;
  auto date = parse_date(text.substr(0, std::min<std::size_t>(text.size(), 10)));
  if (!date) return std::nullopt;
  if (text.size() == 10) {
    return Instant{*date + hours{9} - offset.minutes};
  }
  if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
  std::string_view rest = text.substr(11);
  std::chrono::minutes zone = offset.minutes;
  if (!rest.empty() && (rest.back() == 'Z' || rest.back() == 'z')) {
    zone = minutes{0};
    rest.remove_suffix(1);
  } else if (rest.size() > 6 && (rest[rest.size() - 6] == '+' || rest[rest.size() - 6] == '-') &&
             rest[rest.size() - 3] == ':') {
    int zh = 0;
    int zm = 0;
    if (!parse_int(rest.substr(rest.size() - 5, 2), zh) ||
        !parse_int(rest.substr(rest.size() - 2, 2), zm) || zh > 14 || zm > 59) {
      return std::nullopt;
    }
    zone = hours{zh} + minutes{zm};
    if (rest[rest.size() - 6] == '-') zone = -zone;
    rest.remove_suffix(6);
  }
  int hh = 0;
  int mm = 0;
  int ss = 0;
  if (rest.size() != 5 && rest.size() != 8) return std::nullopt;
  if (rest[2] != ':' || !parse_int(rest.substr(0, 2), hh) || !parse_int(rest.substr(3, 2), mm)) {
    return std::nullopt;
  }
  if (rest.size() == 8 && (rest[5] != ':' || !parse_int(rest.substr(6, 2), ss))) {
    return std::nullopt;
  }
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  return Instant{*date + hours{hh} + minutes{mm} + seconds{ss} - zone};
}

namespace {

// The digits are placed by hand: every action formats several times (its event's time, twice in
// the canonical encoding, the dossier row), and fmt's parsing of the pattern was 4% of an
// action's instructions (W1). Years outside 0–9999 keep fmt's form.
void put_digits(char* at, unsigned value, int count) {
  for (int i = count - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

std::string format_date(Date date) {
  const std::chrono::year_month_day ymd{date};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    return fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
  }
  std::string text = "0000-00-00";
  put_digits(text.data(), static_cast<unsigned>(year), 4);
  put_digits(text.data() + 5, static_cast<unsigned>(ymd.month()), 2);
  put_digits(text.data() + 8, static_cast<unsigned>(ymd.day()), 2);
  return text;
}

std::string format_instant(Instant instant) {
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::hh_mm_ss hms{instant - day};
  std::string text = format_date(day);
  const std::size_t at = text.size();
  text += "T00:00:00Z";
  put_digits(text.data() + at + 1, static_cast<unsigned>(hms.hours().count()), 2);
  put_digits(text.data() + at + 4, static_cast<unsigned>(hms.minutes().count()), 2);
  put_digits(text.data() + at + 7, static_cast<unsigned>(hms.seconds().count()), 2);
  return text;
}

Date local_date(Instant instant, UtcOffset offset) {
  return std::chrono::floor<std::chrono::days>(instant + offset.minutes);
}

Instant end_of_local_day(Date date, UtcOffset offset) {
  return Instant{date + std::chrono::days{1} - offset.minutes - std::chrono::seconds{1}};
}

}  // namespace regflow::time
