#include "cli/render/dates.hpp"

#include <algorithm>
#include <chrono>

#include "cli/render/translate.hpp"

namespace regflow::cli::render {
namespace {

// Spelt out one by one, so that the catalog check finds every name in the source.
std::string weekday_name(unsigned days_since_sunday) {
  switch (days_since_sunday) {
    case 0:
      return tr("Sunday");
    case 1:
      return tr("Monday");
    case 2:
      return tr("Tuesday");
    case 3:
      return tr("Wednesday");
    case 4:
      return tr("Thursday");
    case 5:
      return tr("Friday");
    default:
      return tr("Saturday");
  }
}

std::string month_name(unsigned month) {
  switch (month) {
    case 1:
      return tr("January");
    case 2:
      return tr("February");
    case 3:
      return tr("March");
    case 4:
      return tr("April");
    case 5:
      return tr("May");
    case 6:
      return tr("June");
    case 7:
      return tr("July");
    case 8:
      return tr("August");
    case 9:
      return tr("September");
    case 10:
      return tr("October");
    case 11:
      return tr("November");
    default:
      return tr("December");
  }
}

}  // namespace

std::string date_text(time::Date date) {
  if (current_language() == Language::English) return time::format_date(date);
  const std::chrono::year_month_day ymd{date};
  return fmt::format("{:02}/{:02}/{:04}", static_cast<unsigned>(ymd.day()),
                     static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
}

std::string long_date_text(time::Date date) {
  if (current_language() == Language::English) return time::format_date(date);
  const std::chrono::year_month_day ymd{date};
  const std::chrono::weekday weekday{date};
  return trf("{weekday}, {day} {month} {year}",
             fmt::arg("weekday", weekday_name(weekday.c_encoding())),
             fmt::arg("day", static_cast<unsigned>(ymd.day())),
             fmt::arg("month", month_name(static_cast<unsigned>(ymd.month()))),
             fmt::arg("year", static_cast<int>(ymd.year())));
}

std::string date_time_text(time::Instant at, time::UtcOffset offset) {
  const auto local = at + offset.minutes;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss hms{local - day};
  return fmt::format("{} {:02}:{:02}", date_text(day), hms.hours().count(), hms.minutes().count());
}

std::string month_text(const std::string& iso_month, bool short_name) {
  if (current_language() == Language::English) return iso_month;
  const bool iso = iso_month.size() == 7 && iso_month[4] == '-' &&
                   std::all_of(iso_month.begin(), iso_month.end(),
                               [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  if (!iso) return iso_month;
  const int month = std::stoi(iso_month.substr(5, 2));
  if (month < 1 || month > 12) return iso_month;
  std::string name = month_name(static_cast<unsigned>(month));
  // Indonesian short month names are the first three letters (Jan … Agu … Des).
  if (short_name) name = name.substr(0, 3);
  return name + " " + iso_month.substr(0, 4);
}

}  // namespace regflow::cli::render
