#include "engine/store/clocks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "engine/model/error.hpp"

namespace regflow::store {
namespace {

constexpr int kFirstDay = -25567;  // 1900-01-01
constexpr int kLastDay = 2932896;  // 9999-12-31

// The next field of a record: up to the next ' ' (the last one runs to the end).
std::string_view take_field(std::string_view& record) {
  const auto space = record.find(' ');
  const std::string_view field = record.substr(0, space);
  record = space == std::string_view::npos ? std::string_view{} : record.substr(space + 1);
  return field;
}

bool parse_int(std::string_view field, int& out) {
  if (field.empty()) return false;
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), out);
  return error == std::errc{} && end == field.data() + field.size();
}

bool decode_record(std::string_view record, DeadlineTiming& t) {
  const std::string_view id = take_field(record);
  const std::string_view due = take_field(record);
  const std::string_view unit = take_field(record);
  const std::string_view due_soon = take_field(record);
  const std::string_view paused = take_field(record);
  const std::string_view provisional = take_field(record);
  if (id.empty() || !record.empty()) return false;
  t.deadline_id.assign(id);
  if (due == "-") {
    t.due.reset();
  } else {
    int days = 0;
    // Years 1900 to 9999: the calendar's arithmetic is never asked about a date it cannot hold.
    if (!parse_int(due, days) || days < kFirstDay || days > kLastDay) return false;
    t.due = time::Date{std::chrono::days{days}};
  }
  if (unit != "W" && unit != "C") return false;
  t.working_days = unit == "W";
  if (!parse_int(due_soon, t.due_soon) || !parse_int(paused, t.paused_remaining)) return false;
  if (provisional != "P" && provisional != "-") return false;
  t.provisional = provisional == "P";
  return true;
}

}  // namespace

std::string encode_clocks(const std::vector<DeadlineRow>& deadlines) {
  std::vector<const DeadlineRow*> sorted;
  sorted.reserve(deadlines.size());
  for (const auto& d : deadlines) {
    if (d.deadline_id.empty() || d.deadline_id.find_first_of(" ;") != std::string::npos) {
      throw StoreError(fmt::format(
          "deadline id '{}' of '{}' cannot be stored (a bug in regflow; nothing was written)",
          d.deadline_id, d.dossier_id));
    }
    sorted.push_back(&d);
  }
  // In id order, as the deadlines table's key: ties on the board go the same way either way.
  std::sort(sorted.begin(), sorted.end(), [](const DeadlineRow* a, const DeadlineRow* b) {
    return a->deadline_id < b->deadline_id;
  });
  std::string text;
  for (const DeadlineRow* d : sorted) {
    if (!text.empty()) text += ';';
    fmt::format_to(std::back_inserter(text), "{} {} {} {} {} {}", d->deadline_id,
                   d->due ? std::to_string(d->due->time_since_epoch().count()) : "-",
                   d->working_days ? 'W' : 'C', d->due_soon, d->paused_remaining,
                   d->provisional ? 'P' : '-');
  }
  return text;
}

bool decode_clocks(std::string_view text, std::vector<DeadlineTiming>& out) {
  std::size_t count = 0;
  while (!text.empty()) {
    const auto end = text.find(';');
    const std::string_view record = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (out.size() == count) out.emplace_back();
    if (!decode_record(record, out[count++])) return false;
    if (end != std::string_view::npos && text.empty()) return false;  // a trailing ';'
  }
  out.resize(count);
  return true;
}

}  // namespace regflow::store
