#include "engine/seal/checkpoint.hpp"

#include <catch2/catch.hpp>

#include "engine/model/digest.hpp"

using namespace regflow;

namespace {

seal::SigningKey fixed_key(char fill) {
  return *seal::SigningKey::from_private(std::string(seal::kKeyBytes, fill));
}

std::string hash_of(const std::string& text) {
  return model::sha256_hex(text);
}

seal::ChainHead head(const std::string& id, std::int64_t sequence) {
  return {id, sequence, hash_of(id + std::to_string(sequence))};
}

// Seals `current` after `lines` and returns the lines with the new one, if any.
std::vector<std::string> sealed(std::vector<std::string> lines,
                                const std::vector<seal::ChainHead>& current,
                                const seal::SigningKey& key, const std::string& at) {
  const auto log = seal::read_log(lines, key.public_key());
  REQUIRE(log.problems.empty());
  if (auto next = seal::next_checkpoint(log, current, at, key)) {
    lines.push_back(seal::format_line(*next));
  }
  return lines;
}

}  // namespace

TEST_CASE("a checkpoint line reads back as written", "[seal]") {
  const auto key = fixed_key('a');
  const auto line = sealed({}, {head("PERDA-2026-0001", 3), head("PERGUB-2026-0002", 1)}, key,
                           "2026-03-02T02:00:00Z");
  REQUIRE(line.size() == 1);
  const auto parsed = seal::parse_line(line[0]);
  REQUIRE(std::holds_alternative<seal::Checkpoint>(parsed));
  const auto& c = std::get<seal::Checkpoint>(parsed);
  CHECK(c.number == 1);
  CHECK(c.dossiers == 2);
  CHECK(c.previous == "-");
  CHECK(c.changed.size() == 2);
  CHECK(c.changed[0] == head("PERDA-2026-0001", 3));
  CHECK(seal::format_line(c) == line[0]);
}

TEST_CASE("seal adds a line only when a chain moved, listing only what moved", "[seal]") {
  const auto key = fixed_key('b');
  auto lines = sealed({}, {head("A-2026-0001", 1), head("A-2026-0002", 1)}, key, "t1");
  lines = sealed(lines, {head("A-2026-0001", 1), head("A-2026-0002", 1)}, key, "t2");
  CHECK(lines.size() == 1);
  lines = sealed(lines, {head("A-2026-0001", 2), head("A-2026-0002", 1), head("A-2026-0003", 1)},
                 key, "t3");
  REQUIRE(lines.size() == 2);
  const auto log = seal::read_log(lines, key.public_key());
  CHECK(log.problems.empty());
  CHECK(log.checkpoints == 2);
  CHECK(log.heads.size() == 3);
  CHECK(log.last_at == "t3");
  const auto second = std::get<seal::Checkpoint>(seal::parse_line(lines[1]));
  CHECK(second.changed.size() == 2);
  CHECK(second.previous == model::sha256_hex(lines[0]));
  REQUIRE(log.signed_heads.at("A-2026-0001").size() == 2);
  CHECK(log.signed_heads.at("A-2026-0001")[0].sequence == 1);
  CHECK(log.signed_heads.at("A-2026-0001")[1].sequence == 2);
  CHECK(log.signed_heads.at("A-2026-0001")[1].checkpoint == 2);
}

TEST_CASE("a first seal over no dossier still writes a checkpoint", "[seal]") {
  const auto key = fixed_key('c');
  const auto lines = sealed({}, {}, key, "t1");
  CHECK(lines.size() == 1);
  CHECK(sealed(lines, {}, key, "t2").size() == 1);
}

TEST_CASE("an edited, removed, reordered or foreign line is reported with its line", "[seal]") {
  const auto key = fixed_key('d');
  auto lines = sealed({}, {head("A-2026-0001", 1)}, key, "t1");
  lines = sealed(lines, {head("A-2026-0001", 2)}, key, "t2");
  lines = sealed(lines, {head("A-2026-0001", 3)}, key, "t3");
  REQUIRE(lines.size() == 3);

  SECTION("a head edited in the text breaks the signature") {
    auto edited = lines;
    const auto at = edited[1].find("A-2026-0001:2:");
    edited[1].replace(at, 14, "A-2026-0001:1:");
    const auto log = seal::read_log(edited, key.public_key());
    REQUIRE(log.problems.size() == 1);
    CHECK(log.problems[0].line == 2);
    CHECK(log.checkpoints == 1);
  }
  SECTION("a line removed from the middle breaks the chain of lines") {
    auto removed = lines;
    removed.erase(removed.begin() + 1);
    const auto log = seal::read_log(removed, key.public_key());
    REQUIRE(log.problems.size() == 1);
    CHECK(log.problems[0].line == 2);
    CHECK_THAT(log.problems[0].reason, Catch::Contains("checkpoint 3 where checkpoint 2 belongs"));
  }
  SECTION("a log signed by another key is not this installation's") {
    const auto log = seal::read_log(lines, fixed_key('e').public_key());
    REQUIRE(log.problems.size() == 1);
    CHECK(log.problems[0].line == 1);
    CHECK_THAT(log.problems[0].reason, Catch::Contains("not by this installation's key"));
  }
  SECTION("a line re-signed with another key and spliced in is refused") {
    const auto other = fixed_key('f');
    const auto forged = sealed({}, {head("A-2026-0001", 9)}, other, "t1");
    auto spliced = lines;
    spliced[0] = forged[0];
    CHECK(seal::read_log(spliced, key.public_key()).problems.at(0).line == 1);
  }
  SECTION("garbage is reported, not crashed on") {
    for (const std::string bad :
         {"", "checkpoint", "checkpoint 1 x dossiers=a heads= prev= key= changed= sig=",
          "checkpoint 01 t dossiers=0 heads=x prev=- key=k changed= sig=s",
          "checkpoint 1 t dossiers=1 heads=x prev=- key=k changed=A:1:x sig=s"}) {
      const auto log = seal::read_log({bad}, key.public_key());
      CHECK(log.problems.size() == 1);
      CHECK(log.checkpoints == 0);
    }
  }
}

TEST_CASE("what moved and what vanished since the last checkpoint", "[seal]") {
  const auto key = fixed_key('g');
  const auto lines = sealed({}, {head("A-2026-0001", 1), head("A-2026-0002", 4)}, key, "t1");
  const auto log = seal::read_log(lines, key.public_key());
  const std::vector<seal::ChainHead> now{head("A-2026-0001", 2), head("A-2026-0003", 1)};
  const auto moved = seal::changed_heads(log, now);
  REQUIRE(moved.size() == 2);
  CHECK(moved[0].dossier_id == "A-2026-0001");
  CHECK(moved[1].dossier_id == "A-2026-0003");
  CHECK(seal::vanished(log, now) == std::vector<std::string>{"A-2026-0002"});
}

TEST_CASE("a dossier id of any shape stays one word of its line", "[seal]") {
  const auto key = fixed_key('h');
  const std::string odd = "IMPOR T:2021,7%\n";
  const auto lines = sealed({}, {head(odd, 2), head("A-2026-0001", 1)}, key, "t1");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find('\n') == std::string::npos);
  CHECK_THAT(lines[0], Catch::Contains("IMPOR%20T%3A2021%2C7%25%0A:2:"));
  const auto log = seal::read_log(lines, key.public_key());
  CHECK(log.problems.empty());
  REQUIRE(log.heads.count(odd) == 1);
  CHECK(log.heads.at(odd).sequence == 2);
  // Only the canonical spelling is read: a lower-case escape is another line.
  auto lower = lines[0];
  lower.replace(lower.find("%3A"), 3, "%3a");
  CHECK(std::holds_alternative<model::Message>(seal::parse_line(lower)));
}
