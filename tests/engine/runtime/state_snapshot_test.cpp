// The saved state of a dossier reads back as exactly the state written, and damaged bytes are
// refused (so the caller replays the events) rather than read as something else or crashing.
#include "engine/runtime/state_snapshot.hpp"

#include <catch2/catch.hpp>
#include <limits>

#include "tests/support/dates.hpp"

using regflow::test::date;

namespace regflow::runtime {
namespace {

DossierState rich_state() {
  DossierState s;
  s.id = "PERDA-2026-0007";
  s.workflow = "perda";
  s.definition_hash = std::string(64, 'a');
  s.title = "Perda Pemberdayaan UMKM — Kepulauan Bangka Belitung";
  s.step = "evaluasi";
  s.closed = false;
  s.version = 23;
  s.last_hash = std::string(64, 'f');
  s.variables = {{"kategori", model::Value{std::string("apbd")}},
                 {"jumlah_pasal", model::Value{42.5}},
                 {"perlu_dprd", model::Value{true}},
                 {"berlaku_sampai", model::Value{date("2028-12-31")}},
                 {"opd_terkait", model::Value{std::vector<std::string>{"bappeda", "bpkad"}}}};
  s.bindings = {{"pemrakarsa", "dinas-kukm"}, {"asisten", "asisten-perekonomian"}};
  s.reached = {"penyusunan", "harmonisasi", "evaluasi"};
  s.signatures = {{"biro-hukum", "sari"}};
  s.started_at = time::Instant{std::chrono::seconds{1767225600}};
  s.entered_step_at = time::Instant{std::chrono::seconds{1772000000}};
  s.escalated_to = "sekda";
  DeadlineClock clock;
  clock.id = "evaluasi_menteri";
  clock.kind = model::DeadlineKind::Anchored;
  clock.title = "Evaluasi oleh Menteri";
  clock.basis = "Permendagri 80/2015 Pasal 96";
  clock.within = {15, time::DayUnit::Working};
  clock.on_return = model::ReturnPolicy::Pause;
  clock.due_soon = 3;
  clock.started = date("2026-03-02");
  clock.fixed_due = date("2026-04-01");
  clock.rounds = {{date("2026-03-05"), date("2026-03-10"), "evaluasi", "lengkapi naskah akademik"},
                  {date("2026-03-12"), std::nullopt, "evaluasi", "perbaiki pasal 7"}};
  clock.extended_to = date("2026-04-15");
  clock.extension_reason = "menunggu DPRD";
  clock.generation = 2;
  clock.fired = {"1:0", "2:1"};
  s.clocks.push_back(clock);
  DeadlineClock ended;
  ended.id = "target";
  ended.ended = date("2026-02-27");
  s.clocks.push_back(ended);
  s.reminders = 2;
  s.last_actor = "sari";
  s.last_agency = "biro-hukum";
  return s;
}

}  // namespace

TEST_CASE("a snapshot reads back as the state that was saved", "[runtime][snapshot]") {
  const DossierState state = rich_state();
  const auto bytes = encode_snapshot(state);
  const auto read = decode_snapshot(bytes);
  REQUIRE(read.has_value());
  CHECK(*read == state);
  CHECK(encode_snapshot(*read) == bytes);

  const DossierState empty;
  const auto none = decode_snapshot(encode_snapshot(empty));
  REQUIRE(none.has_value());
  CHECK(*none == empty);
}

TEST_CASE("numbers of any size and hashes of any form read back unchanged", "[runtime][snapshot]") {
  DossierState state = rich_state();
  state.version = std::numeric_limits<std::int64_t>::max();
  state.reminders = std::numeric_limits<int>::min();
  state.started_at = time::Instant{std::chrono::seconds{-2208988800}};  // 1900-01-01
  state.clocks.front().started = date("1900-01-01");
  state.clocks.front().generation = std::numeric_limits<int>::max();
  state.last_hash = std::string(64, 'F');        // not lowercase: kept as text
  state.definition_hash = std::string(63, 'a');  // not 64 digits: kept as text
  const auto read = decode_snapshot(encode_snapshot(state));
  REQUIRE(read.has_value());
  CHECK(*read == state);
}

TEST_CASE("damaged snapshot bytes are refused, never read as another state",
          "[runtime][snapshot]") {
  const auto bytes = encode_snapshot(rich_state());
  SECTION("every truncation") {
    for (std::size_t length = 0; length < bytes.size(); ++length) {
      INFO("first " << length << " of " << bytes.size() << " bytes");
      CHECK_FALSE(decode_snapshot(bytes.substr(0, length)).has_value());
    }
  }
  SECTION("bytes after the state") {
    CHECK_FALSE(decode_snapshot(bytes + "x").has_value());
  }
  SECTION("a count far larger than the snapshot") {
    // The first field is the id: its length as a varint, then its bytes. A length of 2^40
    // must be refused before anything is allocated for it.
    const std::string length_2_40{"\x80\x80\x80\x80\x80\x20", 6};
    CHECK_FALSE(decode_snapshot(length_2_40 + bytes.substr(1)).has_value());
  }
  SECTION("a number in more bytes than it needs") {
    // The id's length again, with a redundant continuation byte: one state, one encoding.
    const auto length = static_cast<unsigned char>(bytes[0]);
    REQUIRE(length < 0x80);
    const std::string padded{static_cast<char>(length | 0x80), '\0'};
    CHECK_FALSE(decode_snapshot(padded + bytes.substr(1)).has_value());
  }
  SECTION("any single flipped byte decodes to something or to nothing, without crashing") {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      std::string flipped = bytes;
      flipped[i] = static_cast<char>(flipped[i] ^ 0x5a);
      (void)decode_snapshot(flipped);
    }
    SUCCEED("no crash, no sanitizer report");
  }
}

}  // namespace regflow::runtime
