#include "engine/report/facts_fold.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "engine/runtime/decide.hpp"
#include "engine/runtime/evolve.hpp"
#include "engine/runtime/state_snapshot.hpp"

namespace regflow::report {
namespace {

std::string holder(const model::WorkflowDefinition& def, const runtime::DossierState& state) {
  const auto* step = def.find_step(state.step);
  if (step == nullptr || step->kind == model::StepKind::Final) return {};
  return runtime::resolve_party(def, state, step->owner);
}

bool is_step_limit(const model::WorkflowDefinition& def, const runtime::DeadlineClock& clock) {
  const auto* step = def.find_step(clock.id);
  return clock.kind == model::DeadlineKind::StepLimit && step != nullptr && step->limit;
}

// Whether a date-variable deadline counts on the as-of day (as deadline::evaluate_all decides
// for `show`): only in its `active_in` steps, and not once the dossier is closed.
bool watched(const model::WorkflowDefinition& def, const runtime::DossierState& state,
             const runtime::DeadlineClock& clock) {
  if (clock.kind != model::DeadlineKind::DateVariable || clock.id == "target") return true;
  if (state.closed) return false;
  const auto* spec = def.find_deadline(clock.id);
  return spec == nullptr || spec->active_in.empty() ||
         std::find(spec->active_in.begin(), spec->active_in.end(), state.step) !=
             spec->active_in.end();
}

// The saved bytes: varints (zigzag for numbers that may be negative) and length-prefixed texts.
// A cache of the events, so the layout only has to be stable within kFactsFormat.
class Bytes {
 public:
  explicit Bytes(std::string& out) : out_(out) {}
  void number(std::uint64_t v) {
    while (v >= 0x80U) {
      out_.push_back(static_cast<char>((v & 0x7fU) | 0x80U));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void integer(std::int64_t v) {
    number((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void text(const std::string& s) {
    number(s.size());
    out_.append(s);
  }
  void flag(bool b) { number(b ? 1 : 0); }
  void day(time::Date d) { integer(d.time_since_epoch().count()); }
  void day(const std::optional<time::Date>& d) {
    flag(d.has_value());
    if (d) day(*d);
  }

 private:
  std::string& out_;
};

struct Unreadable {};

class Reading {
 public:
  explicit Reading(std::string_view in) : in_(in) {}
  std::uint64_t number() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) throw Unreadable{};
      const auto byte = static_cast<unsigned char>(in_.front());
      in_.remove_prefix(1);
      v |= static_cast<std::uint64_t>(byte & 0x7fU) << shift;
      if ((byte & 0x80U) == 0) return v;
    }
    throw Unreadable{};
  }
  std::int64_t integer() {
    const std::uint64_t z = number();
    return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1U);
  }
  int small() { return static_cast<int>(integer()); }
  std::string text() {
    const std::uint64_t size = number();
    if (size > in_.size()) throw Unreadable{};
    std::string s(in_.substr(0, size));
    in_.remove_prefix(size);
    return s;
  }
  bool flag() {
    const auto v = number();
    if (v > 1) throw Unreadable{};
    return v == 1;
  }
  time::Date day() { return time::Date{time::Date::duration{integer()}}; }
  std::optional<time::Date> maybe_day() {
    if (!flag()) return std::nullopt;
    return day();
  }
  std::size_t count() {
    const auto n = number();
    if (n > in_.size()) throw Unreadable{};  // every element takes at least one byte
    return n;
  }
  std::string_view rest() const { return in_; }

 private:
  std::string_view in_;
};

template <typename Enum>
Enum enumerator(Reading& in, Enum last) {
  const auto v = in.number();
  if (v > static_cast<std::uint64_t>(last)) throw Unreadable{};
  return static_cast<Enum>(v);
}

void put(Bytes& out, const StepStay& s) {
  out.text(s.step);
  out.text(s.agency);
  out.number(static_cast<std::uint64_t>(s.unit));
  out.integer(s.days);
  out.flag(s.running);
  out.day(s.day);
}

StepStay get_stay(Reading& in) {
  StepStay s;
  s.step = in.text();
  s.agency = in.text();
  s.unit = enumerator(in, time::DayUnit::Working);
  s.days = in.small();
  s.running = in.flag();
  s.day = in.day();
  return s;
}

void put(Bytes& out, const DeadlineOutcome& o) {
  out.text(o.deadline);
  out.text(o.title);
  out.flag(o.step_limit);
  out.text(o.agency);
  out.number(static_cast<std::uint64_t>(o.status));
  out.number(static_cast<std::uint64_t>(o.unit));
  out.day(o.due);
  out.integer(o.margin);
  out.flag(o.extended);
  out.day(o.day);
}

DeadlineOutcome get_outcome(Reading& in) {
  DeadlineOutcome o;
  o.deadline = in.text();
  o.title = in.text();
  o.step_limit = in.flag();
  o.agency = in.text();
  o.status = enumerator(in, deadline::Status::Missed);
  o.unit = enumerator(in, time::DayUnit::Working);
  o.due = in.maybe_day();
  o.margin = in.small();
  o.extended = in.flag();
  o.day = in.day();
  return o;
}

void put(Bytes& out, const Extension& e) {
  out.text(e.deadline);
  out.text(e.actor);
  out.text(e.agency);
  out.day(e.on);
  out.day(e.to);
  out.integer(e.days);
}

Extension get_extension(Reading& in) {
  Extension e;
  e.deadline = in.text();
  e.actor = in.text();
  e.agency = in.text();
  e.on = in.day();
  e.to = in.day();
  e.days = in.small();
  return e;
}

}  // namespace

FactsFold::FactsFold(const model::WorkflowDefinition& def, const time::HolidayCalendar& calendar,
                     time::UtcOffset offset)
    : def_(def), calendar_(calendar), offset_(offset) {}

void FactsFold::apply(const runtime::Event& event) {
  const time::Date day = time::local_date(event.at, offset_);
  last_day_ = day;
  // Clocks are only ever appended or replaced in place, so a clock is known by its index: one
  // that was running before the event (at that generation) and is ended after it ended now.
  running_.clear();
  for (const auto& clock : state_.clocks)
    running_.push_back(clock.running() ? clock.generation : 0);
  const std::string from = state_.step;
  if (event.type == runtime::EventType::DeadlineExtended) record_extension(event, day);
  runtime::evolve(def_, state_, event, offset_);
  facts_.title = state_.title;  // as corrected, if it was
  if (event.type == runtime::EventType::Cancelled) {
    // Cancelling removes the running clocks, so the indices below no longer hold; nothing
    // after a cancellation is a fact about the procedure.
    facts_.cancelled = true;
    return;
  }

  if (event.type == runtime::EventType::Started) {
    facts_.id = state_.id;
    facts_.workflow = state_.workflow;
    facts_.title = state_.title;
    facts_.started = day;
  }
  for (std::size_t i = 0; i < running_.size(); ++i) {
    const auto& clock = state_.clocks[i];
    if (clock.ended && running_[i] == clock.generation) {
      keep(outcome(clock, *clock.ended, holder_));
    }
  }
  if (state_.step != from) {
    move(from, event.data.count("return") > 0, day);
    holder_ = holder(def_, state_);
  }
}

DossierFacts FactsFold::finish(time::Date as_of) {
  if (!state_.closed) {
    if (auto it = open_.find(state_.step); it != open_.end() && !it->second.away_since) {
      const OpenStay& stay = it->second;
      facts_.stays.push_back({state_.step, stay.agency, stay.unit,
                              stay.days + calendar_.days_between(stay.segment, as_of, stay.unit),
                              true, as_of});
    }
  }
  for (const auto& clock : state_.clocks) {
    if (clock.running() && watched(def_, state_, clock)) {
      keep(outcome(clock, as_of, holder_));
    }
  }
  std::sort(agencies_.begin(), agencies_.end());
  agencies_.erase(std::unique(agencies_.begin(), agencies_.end()), agencies_.end());
  facts_.agencies = std::move(agencies_);
  return std::move(facts_);
}

deadline::DeadlineView FactsFold::view_of(const runtime::DeadlineClock& clock,
                                          time::Date day) const {
  if (cuts_ == nullptr) return deadline::evaluate(clock, calendar_, day);
  // deadline::evaluate with the cut calendar taken from the shared cache.
  auto view = deadline::evaluate_under(clock, cuts_->of(clock), day);
  view.moves = clock.calendar_moves;
  return view;
}

DeadlineOutcome FactsFold::outcome(const runtime::DeadlineClock& clock, time::Date day,
                                   std::string agency) const {
  const auto view = view_of(clock, day);
  DeadlineOutcome out;
  out.deadline = clock.id;
  out.title = clock.title;
  out.step_limit = is_step_limit(def_, clock);
  out.agency = std::move(agency);
  out.status = view.status;
  out.unit = view.unit;
  out.due = view.due;
  out.margin = view.days_left;
  out.extended = clock.extended_to.has_value();
  out.day = clock.ended ? *clock.ended : day;
  return out;
}

void FactsFold::keep(DeadlineOutcome out) {
  if (out.deadline == "target") {
    facts_.target = std::move(out);
  } else {
    facts_.deadlines.push_back(std::move(out));
  }
}

// Before the event is folded: how far it moves the due date that applied until then.
void FactsFold::record_extension(const runtime::Event& event, time::Date day) {
  auto field = [&](const char* key) {
    auto it = event.data.find(key);
    return it == event.data.end() ? std::string{} : it->second;
  };
  const auto to = time::parse_date(field("to"));
  if (!to) return;
  Extension ext;
  ext.deadline = field("deadline");
  ext.actor = event.actor;
  ext.agency = event.agency;
  ext.on = day;
  ext.to = *to;
  if (const auto* clock = state_.find_clock(ext.deadline)) {
    const auto view = view_of(*clock, day);
    // The date the extension moved, as the event recorded it (the earlier extension, else
    // the computed date); events written before the event kept it are recomputed here.
    auto moved = time::parse_date(field("replaces"));
    if (!moved) moved = time::parse_date(field("computed"));
    if (!moved) moved = view.due;
    if (moved) ext.days = calendar_.days_between(*moved, *to, view.unit);
  }
  facts_.extensions.push_back(std::move(ext));
}

void FactsFold::move(const std::string& from, bool is_return, time::Date day) {
  if (auto it = open_.find(from); !from.empty() && it != open_.end()) {
    OpenStay& stay = it->second;
    stay.days += calendar_.days_between(stay.segment, day, stay.unit);
    if (is_return) {
      stay.away_since = day;
    } else {
      facts_.stays.push_back({from, stay.agency, stay.unit, stay.days, false, day});
      open_.erase(it);
    }
  }
  const auto* step = def_.find_step(state_.step);
  if (step != nullptr && step->kind == model::StepKind::Final) {
    facts_.closed_on = day;
    facts_.completed = step->completes;
    return;
  }
  if (auto it = open_.find(state_.step); it != open_.end() && it->second.away_since) {
    back_from_revision(it->second, day);
    return;
  }
  OpenStay stay;
  stay.agency = holder(def_, state_);
  stay.segment = day;
  if (step != nullptr && step->limit) {
    const auto* clock = state_.find_clock(step->id);
    stay.unit = clock != nullptr ? clock->within.unit : step->limit->within.unit;
    stay.on_return = step->limit->on_return;
  }
  if (!stay.agency.empty()) agencies_.push_back(stay.agency);
  open_.insert_or_assign(state_.step, std::move(stay));
}

void FactsFold::back_from_revision(OpenStay& stay, time::Date day) {
  switch (stay.on_return) {
    case model::ReturnPolicy::Continue:
      stay.days += calendar_.days_between(*stay.away_since, day, stay.unit);
      break;
    case model::ReturnPolicy::Restart:
      stay.days = 0;
      break;
    case model::ReturnPolicy::Pause:
      break;
  }
  stay.segment = day;
  stay.away_since.reset();
}

std::string FactsFold::encode() const {
  std::string bytes;
  bytes.reserve(512);
  Bytes out(bytes);
  const DossierFacts& f = facts_;
  out.text(f.id);
  out.text(f.workflow);
  out.text(f.title);
  out.day(f.started);
  out.day(f.closed_on);
  out.flag(f.completed);
  out.flag(f.cancelled);
  out.number(f.stays.size());
  for (const auto& s : f.stays) put(out, s);
  out.number(f.deadlines.size());
  for (const auto& d : f.deadlines) put(out, d);
  out.flag(f.target.has_value());
  if (f.target) put(out, *f.target);
  out.number(f.extensions.size());
  for (const auto& e : f.extensions) put(out, e);
  out.text(holder_);
  out.number(open_.size());
  for (const auto& [step, stay] : open_) {
    out.text(step);
    out.text(stay.agency);
    out.number(static_cast<std::uint64_t>(stay.unit));
    out.number(static_cast<std::uint64_t>(stay.on_return));
    out.integer(stay.days);
    out.day(stay.segment);
    out.day(stay.away_since);
  }
  out.number(agencies_.size());
  for (const auto& a : agencies_) out.text(a);
  out.day(last_day_);
  // What finish() reads of the state; the rest of it is the dossier's snapshot's business.
  runtime::DossierState part;
  part.step = state_.step;
  part.closed = state_.closed;
  for (const auto& clock : state_.clocks) {
    if (clock.running()) part.clocks.push_back(clock);
  }
  out.text(runtime::encode_snapshot(part));
  return bytes;
}

bool FactsFold::decode(std::string_view bytes) {
  Reading in(bytes);
  try {
    DossierFacts f;
    f.id = in.text();
    f.workflow = in.text();
    f.title = in.text();
    f.started = in.day();
    f.closed_on = in.maybe_day();
    f.completed = in.flag();
    f.cancelled = in.flag();
    for (auto n = in.count(); n > 0; --n) f.stays.push_back(get_stay(in));
    for (auto n = in.count(); n > 0; --n) f.deadlines.push_back(get_outcome(in));
    if (in.flag()) f.target = get_outcome(in);
    for (auto n = in.count(); n > 0; --n) f.extensions.push_back(get_extension(in));
    holder_ = in.text();
    open_.clear();
    for (auto n = in.count(); n > 0; --n) {
      std::string step = in.text();
      OpenStay stay;
      stay.agency = in.text();
      stay.unit = enumerator(in, time::DayUnit::Working);
      stay.on_return = enumerator(in, model::ReturnPolicy::Restart);
      stay.days = in.small();
      stay.segment = in.day();
      stay.away_since = in.maybe_day();
      open_.insert_or_assign(std::move(step), std::move(stay));
    }
    agencies_.clear();
    for (auto n = in.count(); n > 0; --n) agencies_.push_back(in.text());
    last_day_ = in.day();
    auto part = runtime::decode_snapshot(in.text());
    if (!part || !in.rest().empty()) return false;
    state_ = std::move(*part);
    facts_ = std::move(f);
    return true;
  } catch (const Unreadable&) {
    return false;
  }
}

}  // namespace regflow::report
