// What the store, the seal and the archive say to a person is a message id with values (a
// model::Message that render::words translates), never a whole English sentence kept verbatim.
// Each case below is a bad input of the store, seal or archive tests; a message written the old
// way (fmt::format into Error(std::string)) makes its case fail here.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "engine/archive/codec.hpp"
#include "engine/archive/records.hpp"
#include "engine/model/digest.hpp"
#include "engine/model/error.hpp"
#include "engine/seal/checkpoint.hpp"
#include "engine/seal/key_files.hpp"
#include "engine/seal/signing_key.hpp"
#include "engine/seal/trust_list.hpp"
#include "engine/store/store.hpp"
#include "tests/engine/store/store_builders.hpp"
#include "tests/engine/store/temp_dir.hpp"

using namespace regflow;
using regflow::store::Store;
using regflow::test::advanced;
using regflow::test::started;
using regflow::test::TempDir;
namespace fs = std::filesystem;

namespace {

/// Whether `said` is worded through the catalog: a message id (with values), not a whole English
/// text kept verbatim. Its verbatim values are names, numbers, paths and the system's own words.
void check_said(const model::Message& said) {
  INFO("said: " << model::english(said));
  CHECK_FALSE(said.verbatim);
  CHECK_FALSE(said.format.empty());
}

/// What the `E` that `work` throws says; the case fails when nothing is thrown.
template <typename E, typename Work>
void check_thrown(Work&& work) {
  try {
    work();
  } catch (const E& e) {
    check_said(e.said());
    CHECK(model::english(e.said()) == e.what());
    return;
  }
  FAIL("nothing was thrown");
}

std::string make_history(const std::string& path) {
  Store store = Store::init(path);
  const auto id = store.start("PERGUB", 2026, [](const std::string& i) { return started(i); });
  store.append(advanced(store.events(id).back(), "budi", "paraf", "biro-hukum"), 1);
  store.start("PERGUB", 2026, [](const std::string& i) { return started(i); });
  return id;
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("the store's refusals to open a file are said, not written in English", "[store][lang]") {
  TempDir dir;
  check_thrown<StoreError>([&] { Store::open(dir.file("missing.db")); });
  check_thrown<StoreError>([&] { Store::init(dir.file("no-such-folder/regflow.db")); });

  const auto notes = dir.file("notes.db");
  write_text(notes, std::string(4096, 'x'));
  check_thrown<StoreError>([&] { Store::open(notes); });

  const auto empty = dir.file("empty.db");
  write_text(empty, "");
  check_thrown<StoreError>([&] { Store::open(empty); });

  const auto other = dir.file("other.db");
  {
    SQLite::Database raw(other, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE inventory(item TEXT)");
  }
  check_thrown<StoreError>([&] { Store::open(other); });
  check_thrown<StoreError>([&] { Store::init(other); });

  const auto newer = dir.file("newer.db");
  Store::init(newer);
  {
    SQLite::Database raw(newer, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  }
  check_thrown<StoreError>([&] { Store::open(newer); });

  const auto garbled = dir.file("garbled.db");
  Store::init(garbled);
  {
    SQLite::Database raw(garbled, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE meta SET value = 'ten' WHERE key = 'schema_version'");
  }
  check_thrown<StoreError>([&] { Store::open(garbled); });
}

TEST_CASE("the store's refusals of users and writes are said", "[store][lang]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  const auto id = make_history(path);
  Store store = Store::open(path);
  store.add_user({"sari", {"biro-hukum"}, "staf", "sari"});
  check_thrown<InputError>([&] { store.add_user({"sari", {"biro-hukum"}, "staf", {}}); });
  check_thrown<InputError>([&] { store.add_user({"budi", {}, "staf", {}}); });
  check_thrown<InputError>([&] { store.add_user({"budi", {"bpkad"}, "staf", "sari"}); });
  check_thrown<InputError>([&] { store.deactivate_user("sary", test::at_minute(5)); });
  store.deactivate_user("sari", test::at_minute(5));
  check_thrown<InputError>([&] { store.deactivate_user("sari", test::at_minute(6)); });
  check_thrown<InputError>([&] { store.set_user_language("sary", "en"); });
  check_thrown<InputError>([&] { store.set_password_hash("sary", "x"); });
  // Read at version 1, while it is at 2 now.
  const auto stale = store.events(id).front();
  check_thrown<ConflictError>(
      [&] { store.append(advanced(stale, "budi", "paraf", "biro-hukum"), 1); });
}

TEST_CASE("a failure of SQLite names what the store was doing, in words of the catalog",
          "[store][lang]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  const auto id = make_history(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("DROP TRIGGER events_no_update");
    raw.exec("UPDATE events SET type = 'vanished' WHERE dossier_id = '" + id + "' AND seq = 2");
    raw.exec("DROP TABLE user_agencies");
  }
  Store store = Store::open(path);
  check_thrown<StoreError>([&] { store.users(); });
  check_thrown<StoreError>([&] { store.events(id); });
}

TEST_CASE("every reason verify gives is said", "[store][lang]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  const auto id = make_history(path);
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete");
    SECTION("an edited event") {
      raw.exec("UPDATE events SET note = 'x' WHERE dossier_id = '" + id + "' AND seq = 2");
    }
    SECTION("a removed event") {
      raw.exec("DELETE FROM events WHERE dossier_id = '" + id + "' AND seq = 1");
    }
    SECTION("an unreadable time") {
      raw.exec("UPDATE events SET at = 'yesterday' WHERE dossier_id = '" + id + "' AND seq = 1");
    }
    SECTION("an unknown event type") {
      raw.exec("UPDATE events SET type = 'vanished' WHERE dossier_id = '" + id + "' AND seq = 1");
    }
    SECTION("a row ahead of its events") {
      raw.exec("UPDATE dossiers SET version = 7 WHERE id = '" + id + "'");
    }
    SECTION("a dossier without events") {
      raw.exec("DELETE FROM events WHERE dossier_id = '" + id + "'");
    }
  }
  Store store = Store::open(path);
  const auto report = store.verify();
  REQUIRE_FALSE(report.problems.empty());
  for (const auto& problem : report.problems) {
    check_said(problem.said);
    CHECK(problem.reason == model::english(problem.said));
  }
  const auto broken = store.chain_break_after(id, 0, {});
  if (broken) check_said(*broken);
}

TEST_CASE("the seal's refusals of key files and trust lists are said", "[seal][lang]") {
  TempDir dir;
  const auto files = seal::trust_files((dir.path() / "db").string());
  bool created = false;
  check_thrown<InputError>([&] { seal::load_signing_key(files, false, created); });
  const auto key = seal::load_signing_key(files, true, created);

  ::chmod(files.private_key.c_str(), 0644);
  check_thrown<InputError>([&] { seal::load_signing_key(files, false, created); });
  ::chmod(files.private_key.c_str(), 0600);

  const auto other = seal::SigningKey::generate();
  write_text(files.public_key, seal::public_key_text(other.public_key()) + "\n");
  check_thrown<InputError>([&] { seal::load_signing_key(files, false, created); });
  write_text(files.public_key, "not a key\n");
  check_thrown<InputError>([&] { seal::load_public_key(files); });
  write_text(files.private_key, "regflow-ed25519-private-key\nzz\n");
  check_thrown<InputError>([&] { seal::load_signing_key(files, false, created); });

  const auto linked = seal::trust_files((dir.path() / "linked").string());
  fs::create_symlink(dir.path() / "elsewhere", linked.private_key);
  check_thrown<InputError>([&] { seal::load_signing_key(linked, true, created); });

  fs::create_directory(dir.path() / "a-folder");
  check_thrown<InputError>([&] { seal::append_log_line(dir.path() / "a-folder", "line"); });

  seal::add_trusted(files.trusted, {"pemkab-bangka", other.public_key()});
  check_thrown<InputError>([&] {
    seal::add_trusted(files.trusted, {"pemkab-bangka", key.public_key()});
  });
  check_thrown<InputError>([&] {
    seal::add_trusted(files.trusted, {"bangka", other.public_key()});
  });
  check_thrown<InputError>([&] {
    seal::add_trusted(files.trusted, {"two words", key.public_key()});
  });
  check_thrown<InputError>([&] { seal::add_trusted(files.trusted, {"short", "abc"}); });
  write_text(files.trusted, "regflow-ed25519-public-key 00\n");
  check_thrown<InputError>([&] { seal::read_trusted(files.trusted); });
}

TEST_CASE("every reason a checkpoint log is not trusted is said", "[seal][lang]") {
  const auto key = seal::SigningKey::generate();
  const auto first = seal::next_checkpoint({}, {{"PERGUB-2026-0001", 1, std::string(64, 'a')}},
                                           "2026-03-02T02:00:00Z", key);
  REQUIRE(first);
  const std::string line = seal::format_line(*first);
  const auto other = seal::SigningKey::generate();
  const auto foreign = seal::next_checkpoint({}, {{"PERGUB-2026-0001", 1, std::string(64, 'a')}},
                                             "2026-03-02T02:00:00Z", other);
  std::string edited = line;
  edited.replace(edited.find("dossiers=1"), 10, "dossiers=2");
  const std::vector<std::vector<std::string>> logs{
      {"garbage"},
      {line, line},
      {seal::format_line(*foreign)},
      {edited},
      {"checkpoint 0 x dossiers=1 heads=h prev=- key=k changed= sig=s"},
      {"checkpoint 1 x dossiers=1 heads=h prev=- key=k changed=a:b sig=s"},
  };
  for (const auto& lines : logs) {
    const auto log = seal::read_log(lines, key.public_key());
    REQUIRE(log.problems.size() == 1);
    check_said(log.problems[0].said);
    CHECK(log.problems[0].reason == model::english(log.problems[0].said));
  }
}

TEST_CASE("an archived event that cannot be read says which field", "[archive][lang]") {
  archive::ArchivedEvent event;
  event.sequence = 1;
  event.type = "vanished";
  event.at = "2026-03-02T02:00:00Z";
  model::Message problem;
  CHECK_FALSE(archive::to_event(event, "PERGUB-2026-0001", problem));
  check_said(problem);
  event.type = "started";
  event.at = "yesterday";
  CHECK_FALSE(archive::to_event(event, "PERGUB-2026-0001", problem));
  check_said(problem);
}

TEST_CASE("an archive whose header contradicts its first line says how", "[archive][lang]") {
  archive::Archive written;
  written.header.format_version = archive::kFormatVersion;
  std::string bytes = archive::encode(written);
  // The first line says an older format; the checksum is made again, as a forger would.
  bytes.replace(0, bytes.find('\n'), "regflow-archive 2");
  const auto digest_line = bytes.rfind("sha256 ");
  bytes.resize(digest_line);
  bytes += "sha256 " + model::sha256_hex(bytes) + "\n";
  const auto decoded = archive::decode(bytes);
  const auto* defect = std::get_if<archive::ArchiveDefect>(&decoded);
  REQUIRE(defect != nullptr);
  CHECK(defect->kind == archive::DefectKind::Unreadable);
  check_said(defect->said);
  CHECK(defect->detail == model::english(defect->said));
}
