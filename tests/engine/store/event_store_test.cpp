#include <catch2/catch.hpp>
#include <stdexcept>

#include "engine/model/error.hpp"
#include "engine/store/store.hpp"
#include "tests/engine/store/store_builders.hpp"
#include "tests/engine/store/temp_dir.hpp"
#include "tests/support/dates.hpp"

using regflow::ConflictError;
using regflow::StoreError;
using regflow::store::DeadlineRow;
using regflow::store::Store;
using regflow::store::Write;
using regflow::test::advanced;
using regflow::test::date;
using regflow::test::message_of;
using regflow::test::started;
using regflow::test::TempDir;

namespace {

std::string start_one(Store& store, const std::string& prefix = "PERGUB", int year = 2026) {
  return store.start(prefix, year, [](const std::string& id) { return started(id); });
}

}  // namespace

TEST_CASE("start numbers dossiers without gaps, per prefix and year", "[store]") {
  Store store = Store::in_memory();
  CHECK(start_one(store) == "PERGUB-2026-0001");
  CHECK(start_one(store) == "PERGUB-2026-0002");
  CHECK(start_one(store, "PERDA") == "PERDA-2026-0001");
  CHECK(start_one(store, "PERGUB", 2027) == "PERGUB-2027-0001");
  CHECK(start_one(store) == "PERGUB-2026-0003");

  const auto row = store.dossier("PERGUB-2026-0002");
  REQUIRE(row.has_value());
  CHECK(row->version == 1);
  CHECK(row->step == "penyusunan");
  CHECK(store.events("PERGUB-2026-0002").size() == 1);
}

TEST_CASE("a start whose make throws writes nothing and uses no number", "[store]") {
  Store store = Store::in_memory();
  CHECK(start_one(store) == "PERGUB-2026-0001");
  CHECK_THROWS_AS(
      store.start("PERGUB", 2026,
                  [](const std::string&) -> Write { throw std::runtime_error("guard false"); }),
      std::runtime_error);
  CHECK_FALSE(store.dossier("PERGUB-2026-0002").has_value());
  CHECK(store.events("PERGUB-2026-0002").empty());
  CHECK(store.open_dossier_ids() == std::vector<std::string>{"PERGUB-2026-0001"});
  CHECK(start_one(store) == "PERGUB-2026-0002");
}

TEST_CASE("a start whose events are not a sealed chain from 1 is refused", "[store]") {
  Store store = Store::in_memory();
  const auto message = message_of<StoreError>([&] {
    store.start("PERGUB", 2026, [](const std::string& id) {
      Write write = started(id);
      write.events.front().note = "edited after sealing";
      return write;
    });
  });
  CHECK(message ==
        "refusing to append events of 'PERGUB-2026-0001': event 1 is not sealed (its hash does "
        "not match its content) (a bug in regflow; nothing was written)");
  CHECK(start_one(store) == "PERGUB-2026-0001");
}

TEST_CASE("append writes events, the dossier row and its deadlines together", "[store]") {
  Store store = Store::in_memory();
  const auto id = start_one(store);
  const auto first = store.events(id).back();

  Write write = advanced(first, "budi", "paraf", "biro-hukum", "draf terlampir");
  DeadlineRow deadline;
  deadline.deadline_id = "paraf";
  deadline.title = "Paraf koordinasi";
  deadline.basis = "Pergub 12/2020 Pasal 5";
  deadline.due = regflow::time::parse_date("2026-03-09");
  deadline.computed_due = deadline.due;
  deadline.working_days = true;
  write.deadlines.push_back(deadline);
  store.append(write, 1);

  const auto events = store.events(id);
  REQUIRE(events.size() == 2);
  CHECK(regflow::runtime::compute_hash(events[1]) == write.events[0].hash);
  CHECK(events[1].hash == write.events[0].hash);
  CHECK(events[1].note == "draf terlampir");
  CHECK(events[1].changes.at("nomor_surat") == "100/2");
  CHECK(events[1].at == write.events[0].at);

  const auto row = store.dossier(id);
  REQUIRE(row.has_value());
  CHECK(row->version == 2);
  CHECK(row->step == "paraf");
  CHECK(row->owner_agency == "biro-hukum");
  const auto deadlines = store.open_deadlines();
  REQUIRE(deadlines.size() == 1);
  CHECK(deadlines[0].dossier_id == id);
  CHECK(deadlines[0].basis == "Pergub 12/2020 Pasal 5");
  CHECK(deadlines[0].working_days);

  // The next command replaces the running deadlines.
  store.append(advanced(events[1], "sari", "penetapan", "biro-hukum"), 2);
  CHECK(store.open_deadlines().empty());
  CHECK(store.dossier(id)->version == 3);
}

TEST_CASE("append at a stale version is a conflict that names who moved the dossier", "[store]") {
  Store store = Store::in_memory();
  const auto id = start_one(store);
  const auto first = store.events(id).back();
  store.append(advanced(first, "budi", "paraf", "biro-hukum"), 1);

  const auto message = message_of<ConflictError>(
      [&] { store.append(advanced(first, "rina", "revisi", "dinas-kukm"), 1); });
  CHECK(message ==
        "dossier 'PERGUB-2026-0001' was changed by 'budi' (now at step 'paraf', version 2) after "
        "you read it at version 1; nothing was written — look again with 'regflow show "
        "PERGUB-2026-0001' and retry");
  CHECK(store.events(id).size() == 2);
  CHECK(store.events(id).back().actor == "budi");
  CHECK(store.dossier(id)->step == "paraf");
}

TEST_CASE("append refuses events that do not continue the stored chain", "[store]") {
  Store store = Store::in_memory();
  const auto id = start_one(store);
  const auto first = store.events(id).back();

  SECTION("wrong previous hash") {
    auto stray = first;
    stray.hash = std::string(64, '0');
    const auto message =
        message_of<StoreError>([&] { store.append(advanced(stray, "budi", "paraf", "x"), 1); });
    CHECK(message ==
          "refusing to append events of 'PERGUB-2026-0001': event 2 is not linked to the "
          "previous event's hash (a bug in regflow; nothing was written)");
  }
  SECTION("a gap in the sequence") {
    auto ahead = first;
    ahead.sequence = 2;
    const auto message =
        message_of<StoreError>([&] { store.append(advanced(ahead, "budi", "paraf", "x"), 1); });
    CHECK(message ==
          "refusing to append events of 'PERGUB-2026-0001': event 3 does not follow sequence 1 "
          "(a bug in regflow; nothing was written)");
  }
  CHECK(store.events(id).size() == 1);
  CHECK(store.dossier(id)->version == 1);
}

TEST_CASE("two writers that read the same version: exactly one append succeeds", "[store]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  Store first_process = Store::init(path);
  Store second_process = Store::open(path);
  const auto id = start_one(first_process);

  // Both read the dossier at version 1 and decide on their own.
  const auto seen_by_first = first_process.events(id).back();
  const auto seen_by_second = second_process.events(id).back();
  REQUIRE(second_process.dossier(id)->version == 1);

  int succeeded = 0;
  int conflicts = 0;
  for (auto* process : {&first_process, &second_process}) {
    const auto& seen = process == &first_process ? seen_by_first : seen_by_second;
    try {
      process->append(
          advanced(seen, process == &first_process ? "budi" : "rina", "paraf", "biro-hukum"), 1);
      ++succeeded;
    } catch (const ConflictError&) {
      ++conflicts;
    }
  }
  CHECK(succeeded == 1);
  CHECK(conflicts == 1);
  const auto events = second_process.events(id);
  REQUIRE(events.size() == 2);
  CHECK(events[1].actor == "budi");
  CHECK(second_process.verify().problems.empty());
}

TEST_CASE("dossier numbers from two writers on one file never collide", "[store]") {
  TempDir dir;
  const auto path = dir.file("regflow.db");
  Store a = Store::init(path);
  Store b = Store::open(path);
  CHECK(start_one(a) == "PERGUB-2026-0001");
  CHECK(start_one(b) == "PERGUB-2026-0002");
  CHECK(start_one(a) == "PERGUB-2026-0003");
}

TEST_CASE("operations inside write_transaction commit together or not at all", "[store]") {
  Store store = Store::in_memory();
  const auto id = start_one(store);
  const auto first = store.events(id).back();

  SECTION("a throw after an append and a start rolls both back, and the number is free") {
    CHECK_THROWS_AS(store.write_transaction([&] {
      store.append(advanced(first, "budi", "paraf", "biro-hukum"), 1);
      CHECK(start_one(store) == "PERGUB-2026-0002");
      CHECK(store.dossier(id)->version == 2);  // seen inside the transaction
      throw std::runtime_error("the decision failed after writing");
    }),
                    std::runtime_error);
    CHECK(store.events(id).size() == 1);
    CHECK(store.dossier(id)->step == "penyusunan");
    CHECK_FALSE(store.dossier("PERGUB-2026-0002").has_value());
    CHECK(start_one(store) == "PERGUB-2026-0002");
  }
  SECTION("a refused append inside rolls back what came before it in the same transaction") {
    const auto message = message_of<ConflictError>([&] {
      store.write_transaction([&] {
        store.append(advanced(first, "budi", "paraf", "biro-hukum"), 1);
        store.append(advanced(first, "rina", "revisi", "dinas-kukm"), 1);
      });
    });
    CHECK(message.find("was changed by 'budi'") != std::string::npos);
    CHECK(store.events(id).size() == 1);
  }
  SECTION("nested transactions join the outermost, which commits once") {
    store.write_transaction([&] {
      store.write_transaction(
          [&] { store.append(advanced(first, "budi", "paraf", "biro-hukum"), 1); });
    });
    CHECK(store.events(id).size() == 2);
    CHECK(store.verify().problems.empty());
  }
}

TEST_CASE("tick's selection: open dossiers whose next timer day has come", "[store]") {
  Store store = Store::in_memory();
  auto with_timer = [&](const char* when) {
    return store.start("PERGUB", 2026, [&](const std::string& id) {
      auto write = started(id);
      if (when != nullptr) write.dossier.next_timer = date(when);
      return write;
    });
  };
  const auto early = with_timer("2026-03-10");
  const auto late = with_timer("2026-03-20");
  with_timer(nullptr);  // nothing pending: never selected
  CHECK(store.dossiers_with_timer_due(date("2026-03-09")).empty());
  CHECK(store.dossiers_with_timer_due(date("2026-03-10")) == std::vector<std::string>{early});
  CHECK(store.dossiers_with_timer_due(date("2026-12-31")) == std::vector<std::string>{early, late});
  CHECK(store.dossier(early)->next_timer == date("2026-03-10"));

  SECTION("refreshing the deadlines moves the day without an event") {
    DeadlineRow running;
    running.dossier_id = early;
    running.deadline_id = "penyusunan";
    running.title = "Penyusunan";
    running.basis = "Pergub 12/2020";
    running.due = date("2026-03-16");
    running.working_days = true;
    store.refresh_deadlines(early, 1, {running}, date("2026-03-17"));
    CHECK(store.dossiers_with_timer_due(date("2026-03-16")).empty());
    CHECK(store.events(early).size() == 1);
    CHECK(store.dossier(early)->version == 1);
    REQUIRE(store.open_deadlines().size() == 1);
    CHECK(store.open_deadlines()[0].due == date("2026-03-16"));
  }
  SECTION("a refresh computed at an older version is a conflict and writes nothing") {
    auto moved = advanced(store.events(early).back(), "budi", "paraf", "biro-hukum");
    moved.dossier.next_timer = date("2026-03-12");
    store.append(moved, 1);
    CHECK_THROWS_AS(store.refresh_deadlines(early, 1, {}, date("2026-04-01")), ConflictError);
    CHECK(store.dossier(early)->next_timer == date("2026-03-12"));
  }
}

TEST_CASE("a write that failed half done inside write_transaction never commits", "[store]") {
  Store store = Store::in_memory();
  const auto id = start_one(store);
  const auto first = store.events(id).back();
  const auto message = message_of<StoreError>([&] {
    store.write_transaction([&] {
      store.append(advanced(first, "budi", "paraf", "biro-hukum"), 1);
      // A start refused before it wrote anything leaves the transaction fit to go on.
      CHECK_THROWS_AS(
          store.start("PERGUB", 2026,
                      [](const std::string&) -> Write { throw std::runtime_error("refused"); }),
          std::runtime_error);
      // An append writes its events first, then its projections: this one is refused at its
      // deadline rows (an id the clocks text cannot hold), after its events were written.
      auto refused = advanced(store.events(id).back(), "rina", "revisi", "dinas-kukm");
      DeadlineRow bad;
      bad.dossier_id = id;
      bad.deadline_id = "two words";
      refused.deadlines.push_back(bad);
      try {
        store.append(refused, 2);
      } catch (const StoreError&) {
        // swallowed by mistake: the commit must refuse rather than keep half an append
      }
    });
  });
  CHECK(message.find("failed half done inside a transaction") != std::string::npos);
  CHECK(store.events(id).size() == 1);
  CHECK(store.dossier(id)->step == "penyusunan");
  CHECK(store.verify().problems.empty());

  // Without the half-done append, the refused start alone does not stop the commit.
  store.write_transaction([&] {
    CHECK_THROWS_AS(
        store.start("PERGUB", 2026,
                    [](const std::string&) -> Write { throw std::runtime_error("refused"); }),
        std::runtime_error);
    store.append(advanced(first, "budi", "paraf", "biro-hukum"), 1);
  });
  CHECK(store.events(id).size() == 2);
  CHECK(start_one(store) == "PERGUB-2026-0002");
}
