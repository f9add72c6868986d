// The canonical encoding of an event is the text every stored hash was computed over: the
// direct encoder must write exactly what nlohmann::json::dump() wrote for the event as an object,
// on every kind of character, and refuse what it refused.
#include "engine/runtime/event.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace regflow::runtime {
namespace {

// The encoding as it was first written, through a JSON object (kept here as the reference).
std::string reference_encoding(const Event& e) {
  nlohmann::json j;
  j["dossier"] = e.dossier_id;
  j["seq"] = e.sequence;
  j["type"] = event_type_name(e.type);
  j["at"] = time::format_instant(e.at);
  j["actor"] = e.actor;
  j["agency"] = e.agency;
  j["action"] = e.action;
  j["from"] = e.from_step;
  j["to"] = e.to_step;
  j["note"] = e.note;
  j["changes"] = e.changes;
  j["data"] = e.data;
  j["prev"] = e.prev_hash;
  return j.dump();
}

// Pieces of text: plain letters, every control character, DEL, the characters JSON escapes,
// and multi-byte UTF-8 of two, three and four bytes.
std::vector<std::string> valid_pieces() {
  std::vector<std::string> pieces{"a",  "Z", " ",       "/", "\"", "\\", "\x7f", "é",
                                  "中", "😀", "Pasal 5", "{", "}",  ":",  ","};
  for (int c = 0; c < 0x20; ++c) pieces.emplace_back(1, static_cast<char>(c));
  return pieces;
}

std::string random_text(std::mt19937& random, const std::vector<std::string>& pieces) {
  std::uniform_int_distribution<std::size_t> length(0, 12);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::string text;
  for (std::size_t n = length(random); n > 0; --n) text += pieces[pick(random)];
  return text;
}

Event random_event(std::mt19937& random, const std::vector<std::string>& pieces) {
  Event e;
  e.dossier_id = random_text(random, pieces);
  e.sequence = std::uniform_int_distribution<std::int64_t>(0, 1'000'000'000'000)(random);
  e.type = static_cast<EventType>(std::uniform_int_distribution<int>(0, 7)(random));
  e.at = time::Instant{std::chrono::seconds{
      std::uniform_int_distribution<std::int64_t>(-2'000'000'000, 4'000'000'000)(random)}};
  e.actor = random_text(random, pieces);
  e.agency = random_text(random, pieces);
  e.action = random_text(random, pieces);
  e.from_step = random_text(random, pieces);
  e.to_step = random_text(random, pieces);
  e.note = random_text(random, pieces);
  for (int n = std::uniform_int_distribution<int>(0, 3)(random); n > 0; --n) {
    e.changes[random_text(random, pieces)] = random_text(random, pieces);
    e.data[random_text(random, pieces)] = random_text(random, pieces);
  }
  e.prev_hash = random_text(random, pieces);
  return e;
}

}  // namespace

TEST_CASE("the canonical encoding is the JSON text every stored hash was computed over",
          "[runtime][event]") {
  SECTION("an ordinary event") {
    Event e;
    e.dossier_id = "PERDA-2026-0001";
    e.sequence = 3;
    e.type = EventType::ActionTaken;
    e.at = time::Instant{std::chrono::seconds{1772000000}};
    e.actor = "sari";
    e.agency = "biro-hukum";
    e.action = "kembalikan";
    e.from_step = "harmonisasi";
    e.to_step = "perbaikan";
    e.note = "pasal 5 belum sesuai";
    e.changes = {{"nomor_surat", "100/3"}};
    e.prev_hash = std::string(64, 'a');
    CHECK(canonical_encoding(e) ==
          "{\"action\":\"kembalikan\",\"actor\":\"sari\",\"agency\":\"biro-hukum\","
          "\"at\":\"2026-02-25T06:13:20Z\",\"changes\":{\"nomor_surat\":\"100/3\"},\"data\":{},"
          "\"dossier\":\"PERDA-2026-0001\",\"from\":\"harmonisasi\",\"note\":\"pasal 5 belum "
          "sesuai\",\"prev\":\"" +
              std::string(64, 'a') + "\",\"seq\":3,\"to\":\"perbaikan\",\"type\":\"action\"}");
    CHECK(canonical_encoding(e) == reference_encoding(e));
  }

  SECTION("3,000 events of every kind of character") {
    std::mt19937 random(20261130);
    const auto pieces = valid_pieces();
    for (int i = 0; i < 3000; ++i) {
      const Event e = random_event(random, pieces);
      const auto expected = reference_encoding(e);
      INFO(expected);
      CHECK(canonical_encoding(e) == expected);
    }
  }

  SECTION("text that is not UTF-8 is refused with the same JSON error as before") {
    for (const std::string bad :
         {"\xff", "\xc0\x80", "\xed\xa0\x80", "\xe4\xb8", "ok\xf4\x90\x80\x80", "\x80"}) {
      Event e;
      e.note = "catatan " + bad;
      CHECK_THROWS_AS(reference_encoding(e), nlohmann::json::exception);
      CHECK_THROWS_AS(canonical_encoding(e), nlohmann::json::exception);
      Event in_key;
      in_key.data[bad] = "x";
      CHECK_THROWS_AS(canonical_encoding(in_key), nlohmann::json::exception);
    }
  }
}

}  // namespace regflow::runtime
