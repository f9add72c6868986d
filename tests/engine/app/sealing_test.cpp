// app::seal_chains and app::read_checkpoints against a database file and its trust files: a seal
// is written once per change, never over a chain that left its signed head or a dossier that is
// gone, never with another key than the database was sealed with; what verify is given is what
// the log proves.
#include "engine/app/sealing.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "engine/model/error.hpp"
#include "tests/engine/store/store_builders.hpp"
#include "tests/engine/store/temp_dir.hpp"

using namespace regflow;
using regflow::test::advanced;
using regflow::test::at_minute;
using regflow::test::started;

namespace {

std::string start_one(store::Store& store) {
  return store.start("PERGUB", 2026, [](const std::string& id) { return started(id); });
}

}  // namespace

TEST_CASE("seal writes a checkpoint when a chain moved, and only then", "[app][seal]") {
  test::TempDir dir;
  const auto path = dir.file("regflow.db");
  auto store = store::Store::init(path);
  const auto files = seal::trust_files(path);
  const auto id = start_one(store);

  const auto first = app::seal_chains(store, files, at_minute(1));
  CHECK(first.key_created);
  REQUIRE(first.written);
  CHECK(first.written->number == 1);
  CHECK(store.setting(app::kCheckpointKeySetting) == first.fingerprint);
  CHECK_FALSE(app::seal_chains(store, files, at_minute(2)).written);

  store.append(advanced(store.events(id).back(), "budi", "paraf", "biro-hukum"), 1);
  const auto second = app::seal_chains(store, files, at_minute(3));
  REQUIRE(second.written);
  CHECK(second.written->changed.size() == 1);
  CHECK(second.checkpoints == 2);

  const auto status = app::read_checkpoints(store, files);
  CHECK(status.sealed);
  CHECK(status.problems.empty());
  CHECK(status.log.checkpoints == 2);
  CHECK(status.log.signed_heads.at(id).size() == 2);
  CHECK(store.verify(&status.log.signed_heads).problems.empty());
}

TEST_CASE("seal refuses a dossier that is gone and a key that is not the database's",
          "[app][seal]") {
  test::TempDir dir;
  const auto path = dir.file("regflow.db");
  auto store = store::Store::init(path);
  const auto files = seal::trust_files(path);
  start_one(store);
  const auto kept = start_one(store);
  app::seal_chains(store, files, at_minute(1));
  const auto lines_before = seal::read_log_lines(files.checkpoints)->size();

  SECTION("a dossier deleted in the sqlite3 shell") {
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec("DROP TRIGGER events_no_delete");
      raw.exec("DELETE FROM events WHERE dossier_id = 'PERGUB-2026-0001'");
      raw.exec("DELETE FROM deadlines WHERE dossier_id = 'PERGUB-2026-0001'");
      raw.exec("DELETE FROM dossiers WHERE id = 'PERGUB-2026-0001'");
    }
    auto reopened = store::Store::open(path);
    CHECK_THROWS_WITH(app::seal_chains(reopened, files, at_minute(2)),
                      Catch::Contains("PERGUB-2026-0001: the dossier is gone"));
    const auto status = app::read_checkpoints(reopened, files);
    const auto report = reopened.verify(&status.log.signed_heads);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].dossier_id == "PERGUB-2026-0001");
    CHECK(kept == "PERGUB-2026-0002");
  }
  SECTION("the key lost: no new one is made in its place") {
    std::filesystem::remove(files.private_key);
    std::filesystem::remove(files.public_key);
    CHECK_THROWS_WITH(app::seal_chains(store, files, at_minute(2)),
                      Catch::Contains("its private key") && Catch::Contains("is missing"));
    CHECK_FALSE(std::filesystem::exists(files.private_key));
    const auto status = app::read_checkpoints(store, files);
    REQUIRE(status.problems.size() == 1);
    CHECK_THAT(model::english(status.problems[0]), Catch::Contains("its public key"));
  }
  SECTION("another key put in its place") {
    std::filesystem::remove(files.private_key);
    std::filesystem::remove(files.public_key);
    {
      auto other = store::Store::init(dir.file("other.db"));
      app::seal_chains(other, seal::trust_files(dir.file("other.db")), at_minute(1));
    }
    std::filesystem::copy_file(dir.file("other.db.key"), files.private_key);
    std::filesystem::copy_file(dir.file("other.db.key.pub"), files.public_key);
    CHECK_THROWS_WITH(app::seal_chains(store, files, at_minute(2)),
                      Catch::Contains("this database was sealed with key"));
    const auto status = app::read_checkpoints(store, files);
    REQUIRE(status.problems.size() == 1);
    CHECK_THAT(model::english(status.problems[0]), Catch::Contains("the key was replaced"));
  }
  CHECK(seal::read_log_lines(files.checkpoints)->size() == lines_before);
}

TEST_CASE("an unsealed database is reported as such, not as damaged", "[app][seal]") {
  test::TempDir dir;
  const auto path = dir.file("regflow.db");
  auto store = store::Store::init(path);
  const auto status = app::read_checkpoints(store, seal::trust_files(path));
  CHECK_FALSE(status.sealed);
  CHECK(status.problems.empty());
}
