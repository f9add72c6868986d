// A change of calendar is an event in the dossier's chain (docs/legal-basis.md#calendar-moves):
// a 2021 Raperda at fasilitasi (15 hari kerja) when SKB 281/2021 of 22 February 2021 made Friday
// 12 March a working day again. `tick` records the move once, with the decree and both dates;
// the stored deadline (board, queue, feed) follows it; a deadline already met is untouched.
#include "engine/app/definition_acceptance.hpp"
#include "tests/engine/app/bureau_fixture.hpp"

namespace regflow::test {
namespace {

const char* const kSkb281 =
    "SKB Menag, Menaker, MenPANRB No. 281/2021, 1/2021, 1/2021 (22 Feb 2021)";

/// An ordinary Raperda of 2021 (perda v1, 2021 law) sent for fasilitasi on Friday 19 Feb 2021.
std::string perda_at_fasilitasi_19_february_2021(Bureau& b) {
  const auto id = b.start("perda", "2021-01-04T09:00", "biro-hukum", {{"pemrakarsa", "dinas-kukm"}},
                          {{"kategori", "umum"}});
  b.act(id, "2021-01-05T09:00", "dinas-kukm", "ajukan_usulan");
  b.act(id, "2021-01-06T09:00", "biro-hukum", "masuk_propemperda");
  b.act(id, "2021-01-13T09:00", "dinas-kukm", "selesai_disusun");
  b.act(id, "2021-01-13T10:00", "dinas-kukm", "sign");
  b.act(id, "2021-01-13T11:00", "biro-hukum", "sign");
  b.act(id, "2021-01-14T09:00", "biro-hukum", "ajukan");
  b.act(id, "2021-01-20T09:00", "biro-hukum", "selesai_harmonisasi");
  b.act(id, "2021-01-21T09:00", "gubernur", "sampaikan");
  b.act(id, "2021-01-22T09:00", "biro-hukum", "pembahasan_dimulai");
  b.act(id, "2021-02-19T09:00", "biro-hukum", "ajukan_fasilitasi");
  REQUIRE(b.step(id) == "fasilitasi");
  return id;
}

std::vector<runtime::Event> recomputed(const std::vector<runtime::Event>& events) {
  std::vector<runtime::Event> out;
  for (const auto& e : events) {
    if (e.type == runtime::EventType::DeadlineRecomputed) out.push_back(e);
  }
  return out;
}

std::optional<time::Date> stored_due(Bureau& b, const std::string& id, const std::string& clock) {
  for (const auto& row : b.store().open_deadlines()) {
    if (row.dossier_id == id && row.deadline_id == clock) return row.due;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("a 2021 fasilitasi deadline running across SKB 281/2021 is recomputed once, by tick",
          "[app][calendar]") {
  Bureau b;
  const auto id = perda_at_fasilitasi_19_february_2021(b);
  // 15 hari kerja from Friday 19 February under the list then in force: 11 March (Isra Mikraj)
  // and 12 March (cuti bersama) are days off, so the Ministry has until Tuesday 16 March.
  CHECK(b.due(id, "fasilitasi", "2021-02-19") == "2021-03-16");
  CHECK(recomputed(b.tick("2021-02-19T17:00").fired).empty());
  CHECK(stored_due(b, id, "fasilitasi") == date("2021-03-16"));
  // The dossier is looked at again on the day the next decree is signed.
  CHECK(b.store().dossier(id)->next_timer == date("2021-02-22"));

  const auto moved = recomputed(b.tick("2021-02-22T07:00").fired);
  REQUIRE(moved.size() == 1);
  const auto& event = moved.front();
  CHECK(event.actor == "system");
  CHECK(event.data.at("deadline") == "fasilitasi");
  CHECK(event.data.at("decree") == kSkb281);
  CHECK(event.data.at("on") == "2021-02-22");
  CHECK(event.data.at("from") == "2021-03-16");
  CHECK(event.data.at("to") == "2021-03-15");

  // The new date is what the dossier, the board and the feed use; the earlier one stays visible.
  const auto view = b.deadline(id, "fasilitasi", "2021-02-22");
  CHECK(view.due == date("2021-03-15"));
  REQUIRE(view.moves.size() == 1);
  CHECK(view.moves[0].from == date("2021-03-16"));
  CHECK(stored_due(b, id, "fasilitasi") == date("2021-03-15"));

  SECTION("a second tick writes nothing, that day or later") {
    CHECK(b.tick("2021-02-22T08:00").fired.empty());
    CHECK(recomputed(b.tick("2021-03-01T08:00").fired).empty());
  }
  SECTION("the deadlines already met were not touched") {
    for (const auto& clock : b.state(id).clocks) {
      if (clock.id != "fasilitasi") CHECK(clock.calendar_moves.empty());
    }
    const auto paraf = b.deadline(id, "paraf_koordinasi", "2021-02-22");
    CHECK(paraf.status == deadline::Status::Met);
    CHECK(paraf.moves.empty());
  }
  SECTION("the move is in the chain: a replay gives the same state as the saved snapshot") {
    b.check_snapshot(id);
    CHECK(recomputed(b.events(id)).size() == 1);
  }
}

TEST_CASE("a 2021 deadline that a tick first sees after the decree is moved from the decree's day",
          "[app][calendar]") {
  Bureau b;
  const auto id = perda_at_fasilitasi_19_february_2021(b);
  // No tick ran between 19 February and 1 March: the move is still the decree's, on its day.
  const auto moved = recomputed(b.tick("2021-03-01T07:00").fired);
  REQUIRE(moved.size() == 1);
  CHECK(moved.front().data.at("on") == "2021-02-22");
  CHECK(moved.front().data.at("to") == "2021-03-15");
  CHECK(b.tick("2021-03-01T08:00").fired.empty());
}

TEST_CASE("a 2021 dossier stays on the 2021 procedure after the 2022 version takes effect",
          "[app][calendar][workflows]") {
  Bureau b;
  // Both versions govern new dossiers here: the first start would otherwise make the other
  // one a proposal (engine/app/definition_acceptance.hpp).
  app::accept_definitions(b.config(), b.store(), {}, std::nullopt, false);
  const auto id = perda_at_fasilitasi_19_february_2021(b);
  const auto started_on = b.state(id).definition_hash;
  b.act(id, "2022-02-01T09:00", "biro-hukum", "hasil_fasilitasi_diterima");
  CHECK(b.state(id).definition_hash == started_on);
  CHECK(b.store().dossier(id)->definition_hash == started_on);
  // A Raperda started on the same kind of day in 2026 runs on today's version.
  const auto today = b.start("perda", "2026-01-05T09:00", "biro-hukum",
                             {{"pemrakarsa", "dinas-kukm"}}, {{"kategori", "umum"}});
  CHECK(b.state(today).definition_hash != started_on);
}

}  // namespace regflow::test
