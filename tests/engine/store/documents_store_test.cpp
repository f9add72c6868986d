// Documents in the store: stored once per SHA-256, written and read in chunks, and found out by
// verify when their bytes are altered or removed behind regflow's back.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "engine/model/digest.hpp"
#include "engine/model/error.hpp"
#include "engine/store/store.hpp"
#include "tests/engine/store/store_builders.hpp"
#include "tests/engine/store/temp_dir.hpp"

using regflow::store::Store;
using regflow::test::started;
using regflow::test::TempDir;

namespace {

/// Gives `bytes` to the store in pieces of at most `piece` bytes, counting the calls.
struct Pieces {
  std::string bytes;
  std::size_t piece = 1000;
  std::size_t at = 0;
  int calls = 0;
  std::size_t operator()(char* buffer, std::size_t capacity) {
    ++calls;
    const std::size_t n = std::min({capacity, piece, bytes.size() - at});
    std::copy_n(bytes.data() + at, n, buffer);
    at += n;
    return n;
  }
};

std::string patterned(std::size_t size) {
  std::string out(size, '\0');
  for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<char>((i * 7919) % 251);
  return out;
}

std::string read_back(const Store& store, const std::string& sha256, int* chunks = nullptr) {
  std::string out;
  store.read_document(sha256, [&](std::string_view piece) {
    out.append(piece);
    if (chunks != nullptr) ++*chunks;
  });
  return out;
}

/// An `attached` event for document `sha256` after the dossier's first event.
regflow::store::Write attached(const regflow::runtime::Event& previous, const std::string& sha256) {
  regflow::runtime::Event e;
  e.dossier_id = previous.dossier_id;
  e.sequence = previous.sequence + 1;
  e.type = regflow::runtime::EventType::DocumentAttached;
  e.at = regflow::test::at_minute(5);
  e.actor = "sari";
  e.agency = "biro-hukum";
  e.action = "attach";
  e.from_step = previous.to_step;
  e.to_step = previous.to_step;
  e.data = {{"kind", "naskah"}, {"version", "1"},      {"sha256", sha256},
            {"size", "3"},      {"name", "naskah.md"}, {"media_type", "text/markdown"}};
  regflow::runtime::seal(e, previous.hash);
  regflow::store::Write write;
  write.events.push_back(e);
  write.dossier = regflow::test::dossier_row(e.dossier_id, "penyusunan", "dinas-kukm");
  write.dossier.version = e.sequence;
  return write;
}

}  // namespace

TEST_CASE("a document is stored once per SHA-256 and read back byte for byte",
          "[store][documents]") {
  Store store = Store::in_memory();
  // Three pieces of the store's 256 KiB chunks and a ragged end, every byte value.
  const std::string bytes = patterned(3 * 256 * 1024 + 17);
  const std::string sha = regflow::model::sha256_hex(bytes);
  Pieces first{bytes, 100000};
  CHECK(store.store_document(sha, static_cast<std::int64_t>(bytes.size()), std::ref(first)));
  CHECK(store.has_document(sha));
  int chunks = 0;
  CHECK(read_back(store, sha, &chunks) == bytes);
  CHECK(chunks == 4);  // streamed, not handed over whole

  SECTION("the same bytes again are not read, let alone stored twice") {
    Pieces again{bytes};
    CHECK_FALSE(
        store.store_document(sha, static_cast<std::int64_t>(bytes.size()), std::ref(again)));
    CHECK(again.calls == 0);
  }
}

TEST_CASE("bytes that do not match the hash they were announced with are refused",
          "[store][documents]") {
  Store store = Store::in_memory();
  const std::string bytes = "isi naskah";
  SECTION("other bytes of the same length") {
    Pieces other{"isi NASKAH"};
    CHECK_THROWS_WITH(store.store_document(regflow::model::sha256_hex(bytes), 10, std::ref(other)),
                      Catch::Contains("the file changed while it was being attached"));
  }
  SECTION("more bytes than announced") {
    Pieces longer{bytes + "!"};
    CHECK_THROWS_WITH(store.store_document(regflow::model::sha256_hex(bytes), 10, std::ref(longer)),
                      Catch::Contains("the file grew while it was being attached"));
  }
  SECTION("inside a transaction, nothing of it stays") {
    Pieces other{"isi NASKAH"};
    CHECK_THROWS(store.write_transaction(
        [&] { store.store_document(regflow::model::sha256_hex(bytes), 10, std::ref(other)); }));
  }
  CHECK_FALSE(store.has_document(regflow::model::sha256_hex(bytes)));
}

TEST_CASE("reading a document that is not stored names it", "[store][documents]") {
  Store store = Store::in_memory();
  CHECK_THROWS_WITH(
      read_back(store, std::string(64, 'a')),
      Catch::Contains("document " + std::string(64, 'a') + " is not in the database"));
}

TEST_CASE("verify finds a document altered or removed outside regflow", "[store][documents]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  const std::string bytes = "abc";
  const std::string sha = regflow::model::sha256_hex(bytes);
  {
    Store store = Store::init(path);
    const auto id = store.start("PERGUB", 2026, [](const std::string& i) { return started(i); });
    store.write_transaction([&] {
      Pieces piece{bytes};
      store.store_document(sha, 3, std::ref(piece));
      store.append(attached(store.events(id).back(), sha), 1);
    });
    const auto report = store.verify();
    CHECK(report.documents == 1);
    CHECK(report.document_problems.empty());
    CHECK(report.problems.empty());
  }
  SECTION("its bytes were changed") {
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec("UPDATE documents SET content = X'616263FF', size = 4");
    }
    const auto report = Store::open(path).verify();
    REQUIRE(report.document_problems.size() == 1);
    CHECK(report.document_problems[0].dossier_id == "PERGUB-2026-0001");
    CHECK(report.document_problems[0].sequence == 2);
    CHECK(report.document_problems[0].reason ==
          "document 'naskah.md' (" + sha.substr(0, 12) +
              "…) was altered: its stored bytes no longer match its SHA-256");
    CHECK(report.problems.empty());  // the chain itself is intact: only the document is false
  }
  SECTION("it was deleted") {
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec("DELETE FROM documents");
    }
    const auto report = Store::open(path).verify();
    REQUIRE(report.document_problems.size() == 1);
    CHECK(report.document_problems[0].reason ==
          "document 'naskah.md' (" + sha.substr(0, 12) + "…) is missing from the database");
  }
}
