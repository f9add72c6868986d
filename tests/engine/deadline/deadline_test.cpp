// Due dates, statuses and timers. Expected dates are counted by hand on the 2026 calendar of
// tests/data/valid/config: weekends, plus 18–24 March (Nyepi and Idulfitri: cuti bersama on
// 18, 20, 23, 24; national holidays on 19, 21, 22) and 3 April (Wafat Yesus Kristus).
#include <catch2/catch.hpp>

#include "engine/deadline/status.hpp"
#include "engine/deadline/timers.hpp"
#include "tests/engine/runtime/mini_fixture.hpp"
#include "tests/support/dates.hpp"

using regflow::test::date;

using namespace regflow;
using deadline::Status;
using runtime::EventType;
using test::Mini;

namespace {

runtime::DeadlineClock clock_of(int amount, time::DayUnit unit, model::ReturnPolicy policy) {
  runtime::DeadlineClock clock;
  clock.id = "c";
  clock.kind = model::DeadlineKind::Anchored;
  clock.within = {amount, unit};
  clock.on_return = policy;
  clock.started = date("2026-03-02");
  return clock;
}

const std::string kTotalPolicy = "basis: \"UU contoh Pasal 1\"\n    on_return: pause";

/// mini with the `total` deadline's policy replaced; dossier started and submitted on Monday
/// 2 March (total starts then: 30 hari → due 1 April), returned on Wednesday 4 March and
/// resubmitted on Tuesday 10 March.
Mini returned_and_back(const std::string& policy) {
  Mini m(policy == "pause"
             ? std::string{}
             : test::mini_with(kTotalPolicy,
                               "basis: \"UU contoh Pasal 1\"\n    on_return: " + policy));
  m.start("2026-03-02T09:00");
  m.advance("2026-03-02T10:00", m.ani, "ajukan");
  m.advance("2026-03-04T10:00", m.budi, "kembalikan", "pasal 2 bertentangan");
  return m;
}

}  // namespace

TEST_CASE("a paused working-day clock resumes with the working days that were left",
          "[deadline][status][pause]") {
  const Mini mini;  // the calendar lives in the fixture; a temporary would dangle
  const time::HolidayCalendar& cal = mini.calendar();
  auto clock = clock_of(10, time::DayUnit::Working, model::ReturnPolicy::Pause);
  // 10 working days after Mon 2 March: 3,4,5,6,9,10,11,12,13,16 → 16 March.
  CHECK(deadline::evaluate(clock, cal, date("2026-03-03")).due == date("2026-03-16"));

  clock.rounds.push_back({date("2026-03-04"), std::nullopt, "x", "revisi"});
  SECTION("while away it is paused with the 8 working days left on 4 March (5..16)") {
    const auto view = deadline::evaluate(clock, cal, date("2026-03-06"));
    CHECK(view.status == Status::Paused);
    CHECK(view.days_left == 8);
    CHECK_FALSE(view.due.has_value());
    CHECK(view.paused_days == 2);  // 5 and 6 March
  }
  SECTION("back on 10 March, the 8 days count on from there, over Nyepi and Idulfitri") {
    clock.rounds.back().back = date("2026-03-10");
    const auto view = deadline::evaluate(clock, cal, date("2026-03-11"));
    // 11,12,13,16,17 (18–24 closed) 25,26,27 → 27 March; 4 working days paused (5,6,9,10).
    CHECK(view.due == date("2026-03-27"));
    CHECK(view.computed_due == date("2026-03-27"));
    CHECK(view.paused_days == 4);
    CHECK(view.status == Status::OnTrack);
    CHECK(view.days_left == 7);  // 12,13,16,17,25,26,27
  }
}

TEST_CASE("the pause policy of mini's total deadline moves its due date by the days away",
          "[deadline][status][pause]") {
  Mini m = returned_and_back("pause");
  const auto* total = m.state.find_clock("total");
  REQUIRE(total != nullptr);
  CHECK(total->away());
  auto view = deadline::evaluate(*total, m.calendar(), date("2026-03-05"));
  CHECK(view.status == Status::Paused);
  CHECK(view.days_left == 28);  // 4 March → 1 April
  m.advance("2026-03-10T10:00", m.ani, "ajukan");
  total = m.state.find_clock("total");
  CHECK_FALSE(total->away());
  CHECK(total->rounds.size() == 1);
  CHECK(total->rounds[0].back == date("2026-03-10"));
  CHECK(total->rounds[0].note == "pasal 2 bertentangan");
  view = deadline::evaluate(*total, m.calendar(), date("2026-03-10"));
  CHECK(view.due == date("2026-04-07"));  // 10 March + 28 days
  CHECK(view.paused_days == 6);
}

TEST_CASE("the restart policy gives a fresh period when the dossier comes back",
          "[deadline][status][restart]") {
  Mini m = returned_and_back("restart");
  const auto* total = m.state.find_clock("total");
  auto view = deadline::evaluate(*total, m.calendar(), date("2026-03-05"));
  CHECK(view.status == Status::Paused);
  CHECK(view.days_left == 30);
  m.advance("2026-03-10T10:00", m.ani, "ajukan");
  total = m.state.find_clock("total");
  CHECK(total->started == date("2026-03-10"));
  CHECK(total->generation == 2);
  view = deadline::evaluate(*total, m.calendar(), date("2026-03-10"));
  CHECK(view.due == date("2026-04-09"));  // 10 March + 30 days

  SECTION("a working-day clock restarted on 10 March") {
    auto clock = clock_of(10, time::DayUnit::Working, model::ReturnPolicy::Restart);
    clock.rounds.push_back({date("2026-03-04"), date("2026-03-10"), "x", ""});
    clock.started = date("2026-03-10");
    // 11,12,13,16,17,25,26,27,30,31 → 31 March.
    CHECK(deadline::evaluate(clock, m.calendar(), date("2026-03-11")).due == date("2026-03-31"));
  }
}

TEST_CASE("the continue policy keeps the clock running while the dossier is away",
          "[deadline][status][continue]") {
  Mini m = returned_and_back("continue");
  const auto* total = m.state.find_clock("total");
  auto view = deadline::evaluate(*total, m.calendar(), date("2026-03-05"));
  CHECK(view.status == Status::OnTrack);
  CHECK(view.due == date("2026-04-01"));
  CHECK(view.days_left == 27);
  m.advance("2026-03-10T10:00", m.ani, "ajukan");
  view = deadline::evaluate(*m.state.find_clock("total"), m.calendar(), date("2026-03-10"));
  CHECK(view.due == date("2026-04-01"));
  CHECK(view.paused_days == 0);
}

TEST_CASE("an extension moves the due date and keeps the computed one",
          "[deadline][status][extend]") {
  Mini m;
  m.start("2026-03-02T09:00");
  m.advance("2026-03-02T10:00", m.ani, "ajukan");
  const runtime::ExtendCommand extend{"total", date("2026-04-30"),
                                      "menunggu fasilitasi Kemendagri", std::nullopt};
  m.apply(Mini::accepted(runtime::decide_extend(m.at("2026-03-20"), m.state, extend, m.budi)));
  const auto& e = m.log.back();
  CHECK(e.type == EventType::DeadlineExtended);
  CHECK(e.data.at("deadline") == "total");
  CHECK(e.data.at("to") == "2026-04-30");
  CHECK(e.note == "menunggu fasilitasi Kemendagri");
  CHECK(e.from_step == "paraf");
  CHECK(e.to_step.empty());
  CHECK(m.state.step == "paraf");
  const auto view =
      deadline::evaluate(*m.state.find_clock("total"), m.calendar(), date("2026-04-02"));
  CHECK(view.computed_due == date("2026-04-01"));
  CHECK(view.due == date("2026-04-30"));
  CHECK(view.status == Status::OnTrack);
  CHECK(m.state.find_clock("total")->extension_reason == "menunggu fasilitasi Kemendagri");

  SECTION("refusals: unknown deadline, no reason, a date before today, an ended deadline") {
    using runtime::RefusalKind;
    auto r = Mini::refused(runtime::decide_extend(m.at("2026-03-20"), m.state,
                                                  {"totl", date("2026-05-01"), "x", std::nullopt}, m.budi));
    CHECK(r.kind == RefusalKind::UnknownDeadline);
    CHECK(r.options == std::vector<std::string>{"penyusunan", "total"});
    r = Mini::refused(runtime::decide_extend(m.at("2026-03-20"), m.state,
                                             {"total", date("2026-05-01"), " ", std::nullopt}, m.budi));
    CHECK(r.kind == RefusalKind::NoteRequired);
    CHECK(r.subject == "extend");
    r = Mini::refused(runtime::decide_extend(m.at("2026-03-20"), m.state,
                                             {"total", date("2026-03-19"), "x", std::nullopt}, m.budi));
    CHECK(r.kind == RefusalKind::BadExtension);
    CHECK(r.found == "2026-03-19");
    CHECK(r.detail == "2026-03-20");
    r = Mini::refused(runtime::decide_extend(m.at("2026-03-20"), m.state,
                                             {"penyusunan", date("2026-05-01"), "x", std::nullopt}, m.budi));
    CHECK(r.kind == RefusalKind::DeadlineEnded);
  }
}

TEST_CASE("a deadline is on track, due soon, overdue, met or missed", "[deadline][status]") {
  const Mini mini;  // the calendar lives in the fixture; a temporary would dangle
  const time::HolidayCalendar& cal = mini.calendar();
  auto clock = clock_of(10, time::DayUnit::Calendar, model::ReturnPolicy::Continue);
  clock.due_soon = 2;  // due 12 March
  auto at = [&](const char* day) { return deadline::evaluate(clock, cal, date(day)); };
  CHECK(at("2026-03-09").status == Status::OnTrack);
  CHECK(at("2026-03-09").days_left == 3);
  CHECK(at("2026-03-10").status == Status::DueSoon);
  CHECK(at("2026-03-12").status == Status::DueSoon);
  CHECK(at("2026-03-12").days_left == 0);
  CHECK(at("2026-03-13").status == Status::Overdue);
  CHECK(at("2026-03-13").days_left == -1);
  clock.ended = date("2026-03-12");
  CHECK(at("2026-03-30").status == Status::Met);
  clock.ended = date("2026-03-13");
  CHECK(at("2026-03-30").status == Status::Missed);
  CHECK(deadline::status_name(Status::OnTrack) == "on track");
  CHECK(deadline::status_name(Status::DueSoon) == "due soon");
  CHECK(deadline::status_name(Status::Overdue) == "overdue");
  CHECK(deadline::status_name(Status::Met) == "met");
  CHECK(deadline::status_name(Status::Missed) == "missed");

  SECTION("working days left skip the holidays") {
    auto wd = clock_of(10, time::DayUnit::Working, model::ReturnPolicy::Continue);
    wd.started = date("2026-03-13");
    // 16,17,25,26,27,30,31,1 Apr,2 Apr,6 Apr (3 April is Good Friday) → 6 April.
    const auto view = deadline::evaluate(wd, cal, date("2026-03-17"));
    CHECK(view.due == date("2026-04-06"));
    CHECK(view.days_left == 8);
    CHECK(view.status == Status::OnTrack);
  }
}

TEST_CASE("a reminder and an escalation fire once after the step limit passes",
          "[deadline][timers]") {
  Mini m;
  m.start("2026-03-02T09:00");
  // penyusunan: 5 hari kerja from Mon 2 March → due Mon 9 March; fires once that day has passed.
  CHECK(m.tick("2026-03-09T16:00").empty());
  const auto fired = m.tick("2026-03-10T08:00");
  REQUIRE(fired.size() == 2);
  CHECK(fired[0].type == EventType::ReminderSent);
  CHECK(fired[0].actor == "system");
  CHECK(fired[0].agency == "dinas-kukm");
  CHECK(fired[0].data.at("deadline") == "penyusunan");
  CHECK(fired[0].data.at("due") == "2026-03-09");
  CHECK(fired[1].type == EventType::Escalated);
  CHECK(fired[1].data.at("to_agency") == "sekda");  // dinas-kukm's parent
  CHECK(m.state.escalated_to == "sekda");
  CHECK(m.state.reminders == 1);
  CHECK(m.state.step == "penyusunan");
  SECTION("a second tick at the same now writes nothing") {
    CHECK(runtime::decide_tick(m.at("2026-03-10T08:00"), m.state).empty());
    CHECK(runtime::decide_tick(m.at("2026-03-20T08:00"), m.state).empty());
  }
  SECTION("the fired timers survive a replay") {
    const auto replayed = runtime::replay(m.def(), m.log, m.offset());
    CHECK(runtime::decide_tick(m.at("2026-03-10T08:00"), replayed).empty());
  }
}

TEST_CASE("an automatic transition moves the dossier as the declared legal outcome",
          "[deadline][timers]") {
  Mini m;
  m.start("2026-03-02T09:00");
  m.advance("2026-03-02T10:00", m.ani, "ajukan");
  m.sign_all("2026-03-03T09:00");
  REQUIRE(m.state.step == "harmonisasi");
  // 10 hari kerja from Tue 3 March: 4,5,6,9,10,11,12,13,16,17 → due 17 March.
  const auto due = deadline::due_timers(m.def(), m.state, m.calendar(), date("2026-03-18"));
  REQUIRE(due.size() == 1);
  CHECK(due[0].due == date("2026-03-17"));
  CHECK(m.tick("2026-03-17T20:00").empty());
  const auto fired = m.tick("2026-03-18T07:00");
  REQUIRE(fired.size() == 1);
  CHECK(fired[0].type == EventType::AutoTransition);
  CHECK(fired[0].from_step == "harmonisasi");
  CHECK(fired[0].to_step == "penetapan");
  CHECK(fired[0].note == "dianggap selesai");
  CHECK(m.state.step == "penetapan");
  CHECK(m.tick("2026-03-18T07:00").empty());
}

TEST_CASE("a timer with 'before' fires ahead of the due date", "[deadline][timers]") {
  Mini m(test::mini_with("on_miss: [remind, escalate]",
                         "on_miss: [{remind: {before: 2 hari kerja, note: \"H-2\"}}]"));
  m.start("2026-03-02T09:00");  // due Mon 9 March; two working days before: Thu 5 March
  CHECK(m.tick("2026-03-04T23:00").empty());
  const auto fired = m.tick("2026-03-05T08:00");
  REQUIRE(fired.size() == 1);
  CHECK(fired[0].type == EventType::ReminderSent);
  CHECK(fired[0].note == "H-2");
  CHECK(fired[0].data.at("due") == "2026-03-09");
  CHECK(m.tick("2026-03-06T08:00").empty());
}

TEST_CASE("the next timer day is the first day a tick fires something", "[deadline][timers]") {
  Mini m;
  m.start("2026-03-02T09:00");
  const auto next = [&](const char* day) {
    return deadline::next_timer_day(m.def(), m.state, m.calendar(), date(day));
  };
  // penyusunan is due Mon 9 March; its reminder and escalation fire once that day has passed.
  CHECK(next("2026-03-02") == date("2026-03-10"));
  CHECK(deadline::due_timers(m.def(), m.state, m.calendar(), date("2026-03-09")).empty());
  CHECK(deadline::due_timers(m.def(), m.state, m.calendar(), date("2026-03-10")).size() == 2);
  CHECK(m.tick("2026-03-10T08:00").size() == 2);
  // Both fired: penyusunan has nothing pending, whatever the day.
  CHECK_FALSE(next("2026-03-10").has_value());

  SECTION("a step with an automatic transition: the day after its due date") {
    m.advance("2026-03-10T10:00", m.ani, "ajukan");
    m.sign_all("2026-03-11T09:00");
    REQUIRE(m.state.step == "harmonisasi");
    // Its limit has an automatic transition: the day after the due date, not a day before.
    const auto day = next("2026-03-11");
    REQUIRE(day.has_value());
    CHECK(
        deadline::due_timers(m.def(), m.state, m.calendar(), *day - std::chrono::days{1}).empty());
    CHECK(deadline::due_timers(m.def(), m.state, m.calendar(), *day).size() == 1);
  }
  SECTION("a paused clock has no next day until the dossier comes back") {
    m.advance("2026-03-10T10:00", m.ani, "ajukan");
    m.sign_all("2026-03-11T09:00");
    m.advance("2026-03-12T10:00", m.budi, "kembalikan", "catatan");
    REQUIRE(m.state.step == "penyusunan");
    // Back in penyusunan, whose limit restarted (and whose timers fired in an older generation).
    const auto day = next("2026-03-12");
    REQUIRE(day.has_value());
    CHECK(deadline::due_timers(m.def(), m.state, m.calendar(), *day).size() == 2);
  }
}

TEST_CASE("a reminder ahead of the due date is due on its own day", "[deadline][timers]") {
  Mini m(test::mini_with("on_miss: [remind, escalate]",
                         "on_miss: [{remind: {before: 2 hari kerja, note: \"H-2\"}}]"));
  m.start("2026-03-02T09:00");  // due Mon 9 March; two working days before: Thu 5 March
  CHECK(deadline::next_timer_day(m.def(), m.state, m.calendar(), date("2026-03-02")) ==
        date("2026-03-05"));
}

TEST_CASE("the scheduled timers are what tick will fire, earliest first", "[deadline][timers]") {
  Mini m(test::mini_with("on_miss: [remind, escalate]",
                         "on_miss: [escalate, {remind: {before: 2 hari kerja, note: \"H-2\"}}]"));
  m.start("2026-03-02T09:00");  // due Mon 9 March
  const auto timers =
      deadline::scheduled_timers(m.def(), m.state, m.calendar(), date("2026-03-02"));
  REQUIRE(timers.size() == 2);
  // Declared escalate first, but the reminder two working days ahead comes first.
  CHECK(timers[0].timer.spec.kind == model::TimerKind::Remind);
  CHECK(timers[0].fires_on == date("2026-03-05"));
  CHECK(timers[1].timer.spec.kind == model::TimerKind::Escalate);
  CHECK(timers[1].fires_on == date("2026-03-10"));
  CHECK(deadline::next_timer_day(m.def(), m.state, m.calendar(), date("2026-03-02")) ==
        timers[0].fires_on);
  // Each fires on its day, and then is no longer scheduled.
  CHECK(m.tick("2026-03-05T08:00").size() == 1);
  const auto left = deadline::scheduled_timers(m.def(), m.state, m.calendar(), date("2026-03-05"));
  REQUIRE(left.size() == 1);
  CHECK(left[0].timer.spec.kind == model::TimerKind::Escalate);
  CHECK(m.tick("2026-03-10T08:00").size() == 1);
  CHECK(deadline::scheduled_timers(m.def(), m.state, m.calendar(), date("2026-03-10")).empty());
}

TEST_CASE("no timer fires while its clock is paused for revision", "[deadline][timers]") {
  Mini m;
  m.start("2026-03-02T09:00");
  m.advance("2026-03-02T10:00", m.ani, "ajukan");
  m.sign_all("2026-03-03T09:00");
  m.advance("2026-03-04T10:00", m.budi, "kembalikan", "catatan");
  // Back in penyusunan: its 5-working-day limit restarted on 4 March → due 11 March.
  CHECK(m.tick("2026-03-11T12:00").empty());
  CHECK(m.tick("2026-03-12T08:00").size() == 2);
}
