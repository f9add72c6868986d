#include "engine/report/board.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/model/error.hpp"

namespace regflow::report {
namespace {

// Dossiers without a running deadline come after every status.
constexpr int kNoDeadlineRank = 9;

struct Ranked {
  int rank = kNoDeadlineRank;
  int days_left = 0;
  std::size_t index = 0;  ///< position in the id-ordered scan: ties go to the lower id
};

bool more_urgent_key(const Ranked& a, const Ranked& b) {
  if (a.rank != b.rank) return a.rank < b.rank;
  if (a.days_left != b.days_left) return a.days_left < b.days_left;
  return a.index < b.index;
}

// For std::*_heap over slots: the least urgent kept entry is on top.
auto heap_order(const std::vector<Ranked>& keys) {
  return [&keys](std::size_t a, std::size_t b) { return more_urgent_key(keys[a], keys[b]); };
}

// Puts entries[source[i]] at i for every i, one cycle of the permutation at a time, so that no
// second copy of 100k entries is ever held.
void permute(std::vector<BoardEntry>& entries, std::vector<std::size_t> source) {
  for (std::size_t start = 0; start < source.size(); ++start) {
    if (source[start] == start) continue;
    BoardEntry held = std::move(entries[start]);
    std::size_t at = start;
    while (source[at] != start) {
      const std::size_t next = source[at];
      entries[at] = std::move(entries[next]);
      source[at] = at;
      at = next;
    }
    entries[at] = std::move(held);
    source[at] = at;
  }
}

}  // namespace

bool contains_ignoring_case(const std::string& haystack, const std::string& needle) {
  const auto fold = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                     [&](char a, char b) { return fold(a) == fold(b); }) != haystack.end();
}

deadline::Status row_status(const store::DeadlineTiming& row, const time::HolidayCalendar& calendar,
                            time::Date today, int& days_left) {
  if (!row.due) {
    days_left = row.paused_remaining;
    return deadline::Status::Paused;
  }
  const auto unit = row.working_days ? time::DayUnit::Working : time::DayUnit::Calendar;
  days_left = calendar.days_between(today, *row.due, unit);
  if (today > *row.due) return deadline::Status::Overdue;
  if (days_left <= row.due_soon) return deadline::Status::DueSoon;
  return deadline::Status::OnTrack;
}

Board build_board(const store::Store& store, const BoardFilter& filter, time::Date today,
                  const time::HolidayCalendar& calendar) {
  Board board;
  board.today = today;
  store::ListFilter list;
  if (!filter.agency.empty()) list.agency = filter.agency;
  if (!filter.workflow.empty()) list.workflow = filter.workflow;

  // With a limit, the kept entries are a max-heap on urgency (the least urgent kept one on
  // top): a dossier is copied only if it is more urgent than that one, so a board of the 1,000
  // most urgent of 100k dossiers holds 1,000 entries, never 100k. Without one, every entry is
  // kept and sorted by its key.
  std::vector<BoardEntry> kept;
  std::vector<Ranked> keys;
  if (filter.limit == 0) {
    // Room up front: never copied while growing, and pages never used are never touched.
    const auto open = static_cast<std::size_t>(store.count_open_dossiers());
    kept.reserve(open);
    keys.reserve(open);
  } else {
    kept.reserve(filter.limit);
    keys.reserve(filter.limit);
  }
  std::vector<std::size_t> heap;  // indexes into kept/keys, ordered as a heap by key
  std::size_t seen = 0;
  store.visit_open_dossiers(list, [&](const store::OpenDossierRow& row) {
    if (!filter.text.empty() && !contains_ignoring_case(row.id, filter.text) &&
        !contains_ignoring_case(row.title, filter.text)) {
      return;
    }
    Ranked key;
    key.index = seen++;
    std::optional<std::size_t> chosen;
    deadline::Status chosen_status = deadline::Status::OnTrack;
    for (std::size_t i = 0; i < row.deadlines.size(); ++i) {
      int days = 0;
      const auto status = row_status(row.deadlines[i], calendar, today, days);
      const bool more_urgent =
          !chosen || deadline::urgency_rank(status) < deadline::urgency_rank(chosen_status) ||
          (status == chosen_status && days < key.days_left);
      if (more_urgent) {
        chosen = i;
        chosen_status = status;
        key.days_left = days;
      }
    }
    if (chosen) key.rank = deadline::urgency_rank(chosen_status);
    const std::string status = chosen ? deadline::status_name(chosen_status) : "no deadline";
    if (!filter.status.empty() && status != filter.status) return;
    ++board.matching;
    board.totals_by_status[status] += 1;
    if (chosen && chosen_status == deadline::Status::Overdue) {
      board.late_by_agency[row.escalated_to.empty() ? row.owner_agency : row.escalated_to] += 1;
    }

    std::size_t slot = kept.size();
    if (filter.limit != 0 && kept.size() == filter.limit) {
      if (!more_urgent_key(key, keys[heap.front()])) return;
      std::pop_heap(heap.begin(), heap.end(), heap_order(keys));
      slot = heap.back();
      heap.pop_back();
    } else {
      kept.emplace_back();
      keys.emplace_back();
    }
    BoardEntry& entry = kept[slot];
    keys[slot] = key;
    entry.deadline = chosen ? std::optional(row.deadlines[*chosen]) : std::nullopt;
    entry.status = chosen_status;
    entry.days_left = key.days_left;
    // Every field but the deadlines: the chosen one is kept, the rest would only take room.
    auto& d = entry.dossier;
    d.id = row.id;
    d.workflow = row.workflow;
    d.title = row.title;
    d.step = row.step;
    d.owner_agency = row.owner_agency;
    d.escalated_to = row.escalated_to;
    if (filter.limit != 0) {
      heap.push_back(slot);
      std::push_heap(heap.begin(), heap.end(), heap_order(keys));
    }
  });

  // Sort the small keys, then move each entry once into place.
  std::vector<std::size_t> order(kept.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return more_urgent_key(keys[a], keys[b]); });
  permute(kept, std::move(order));
  board.entries = std::move(kept);
  // Few dossiers have a kendala: one scan of their partial index, not a column in the board's.
  const auto kendala = store.open_kendala();
  if (!kendala.empty()) {
    for (auto& entry : board.entries) {
      if (auto it = kendala.find(entry.dossier.id); it != kendala.end()) entry.kendala = it->second;
    }
  }
  return board;
}

std::vector<BoardEntryDetail> board_details(const store::Store& store, const Board& board) {
  std::vector<BoardEntryDetail> details;
  details.reserve(board.entries.size());
  for (const BoardEntry& e : board.entries) {
    BoardEntryDetail detail;
    auto row = store.dossier(e.dossier.id);
    if (!row) {
      throw StoreError(model::say(
          "dossier '{}' left the database while the board was being read; run the command again",
          e.dossier.id));
    }
    detail.dossier = std::move(*row);
    if (e.deadline) detail.deadline = store.open_deadline(e.dossier.id, e.deadline->deadline_id);
    details.push_back(std::move(detail));
  }
  return details;
}

}  // namespace regflow::report
