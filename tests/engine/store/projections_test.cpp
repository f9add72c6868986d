#include <catch2/catch.hpp>

#include "engine/store/store.hpp"
#include "tests/engine/store/store_builders.hpp"

using regflow::store::DeadlineRow;
using regflow::store::DossierRow;
using regflow::store::ListFilter;
using regflow::store::Store;
using regflow::store::Write;
using regflow::test::started;

namespace {

DeadlineRow deadline(const std::string& id, const char* due) {
  DeadlineRow row;
  row.deadline_id = id;
  row.title = "Batas " + id;
  row.basis = "UU 12/2011 Pasal 79(1)";
  if (due != nullptr) {
    row.due = regflow::time::parse_date(due);
    row.computed_due = row.due;
  } else {
    row.paused_remaining = 4;
  }
  return row;
}

// Starts a dossier directly in the given shape.
std::string start(Store& store, const std::string& prefix, const std::string& step,
                  const std::string& owner, std::vector<DeadlineRow> deadlines = {},
                  std::vector<std::string> signers = {}, const std::string& escalated_to = "",
                  bool closed = false) {
  return store.start(prefix, 2026, [&](const std::string& id) {
    Write write = started(id, owner);
    write.dossier.workflow = prefix == "PERDA" ? "perda" : "pergub";
    write.dossier.step = step;
    write.dossier.pending_signers = signers;
    write.dossier.escalated_to = escalated_to;
    write.dossier.closed = closed;
    write.deadlines = deadlines;
    return write;
  });
}

std::vector<std::string> ids(const std::vector<DossierRow>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.id);
  return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("list filters by workflow, agency, step and closed, ordered by id", "[store]") {
  Store store = Store::in_memory();
  start(store, "PERGUB", "penyusunan", "dinas-kukm");                            // PERGUB-2026-0001
  start(store, "PERGUB", "paraf", "biro-hukum", {}, {"dinas-kukm", "bappeda"});  // 0002
  start(store, "PERDA", "penyusunan", "biro-hukum", {}, {}, "sekda");            // PERDA-2026-0001
  start(store, "PERGUB", "selesai", "dinas-kukm", {}, {}, "", true);             // PERGUB-2026-0003

  CHECK(ids(store.list({})) ==
        Ids{"PERDA-2026-0001", "PERGUB-2026-0001", "PERGUB-2026-0002", "PERGUB-2026-0003"});

  ListFilter pergub;
  pergub.workflow = "pergub";
  CHECK(ids(store.list(pergub)) == Ids{"PERGUB-2026-0001", "PERGUB-2026-0002", "PERGUB-2026-0003"});

  ListFilter kukm;
  kukm.agency = "dinas-kukm";  // owner of 0001 and 0003, pending signer of 0002
  CHECK(ids(store.list(kukm)) == Ids{"PERGUB-2026-0001", "PERGUB-2026-0002", "PERGUB-2026-0003"});
  kukm.closed = false;
  CHECK(ids(store.list(kukm)) == Ids{"PERGUB-2026-0001", "PERGUB-2026-0002"});
  kukm.closed = true;
  CHECK(ids(store.list(kukm)) == Ids{"PERGUB-2026-0003"});

  ListFilter sekda;
  sekda.agency = "sekda";  // escalated to
  CHECK(ids(store.list(sekda)) == Ids{"PERDA-2026-0001"});

  ListFilter bappeda;
  bappeda.agency = "bappeda";
  CHECK(ids(store.list(bappeda)) == Ids{"PERGUB-2026-0002"});
  const auto row = store.list(bappeda).front();
  CHECK(row.pending_signers == Ids{"dinas-kukm", "bappeda"});

  ListFilter step;
  step.step = "penyusunan";
  step.workflow = "perda";
  CHECK(ids(store.list(step)) == Ids{"PERDA-2026-0001"});

  ListFilter nobody;
  nobody.agency = "dinas-pariwisata";
  CHECK(store.list(nobody).empty());

  CHECK(store.open_dossier_ids() == Ids{"PERDA-2026-0001", "PERGUB-2026-0001", "PERGUB-2026-0002"});
}

TEST_CASE("open deadlines come earliest first, paused last, closed dossiers left out", "[store]") {
  Store store = Store::in_memory();
  start(store, "PERGUB", "penyusunan", "dinas-kukm",
        {deadline("langkah", "2026-03-20"), deadline("target", "2026-03-10")});
  start(store, "PERGUB", "paraf", "biro-hukum", {deadline("paraf", "2026-03-12")}, {"dinas-kukm"});
  start(store, "PERGUB", "revisi", "biro-hukum", {deadline("langkah", nullptr)});
  start(store, "PERGUB", "selesai", "dinas-kukm", {deadline("langkah", "2026-03-01")}, {}, "",
        true);

  const auto all = store.open_deadlines();
  std::vector<std::string> order;
  for (const auto& row : all) order.push_back(row.dossier_id + "/" + row.deadline_id);
  CHECK(order == Ids{"PERGUB-2026-0001/target", "PERGUB-2026-0002/paraf",
                     "PERGUB-2026-0001/langkah", "PERGUB-2026-0003/langkah"});
  CHECK_FALSE(all[3].due.has_value());
  CHECK(all[3].paused_remaining == 4);
  CHECK(all[0].basis == "UU 12/2011 Pasal 79(1)");

  const auto kukm = store.open_deadlines(std::string("dinas-kukm"));
  order.clear();
  for (const auto& row : kukm) order.push_back(row.dossier_id + "/" + row.deadline_id);
  CHECK(order ==
        Ids{"PERGUB-2026-0001/target", "PERGUB-2026-0002/paraf", "PERGUB-2026-0001/langkah"});
}

namespace {

// "<id>: deadline ids" for each open dossier visited.
std::vector<std::string> visited(const Store& store, const ListFilter& filter) {
  std::vector<std::string> out;
  store.visit_open_dossiers(filter, [&](const regflow::store::OpenDossierRow& row) {
    std::string line = row.id + ":";
    for (const auto& d : row.deadlines) line += " " + d.deadline_id;
    out.push_back(line);
  });
  return out;
}

}  // namespace

TEST_CASE("visiting open dossiers pairs each with its running deadlines and filters as list does",
          "[store]") {
  Store store = Store::in_memory();
  start(store, "PERGUB", "penyusunan", "dinas-kukm",
        {deadline("target", "2026-03-10"), deadline("langkah", "2026-03-20")});  // 0001
  start(store, "PERGUB", "paraf", "biro-hukum", {}, {"dinas-kukm", "bappeda"});  // 0002
  start(store, "PERDA", "penyusunan", "biro-hukum", {deadline("langkah", nullptr)}, {},
        "sekda");                                                                  // PERDA 0001
  start(store, "PERGUB", "selesai", "dinas-kukm", {}, {}, "", true);              // 0003, closed
  start(store, "PERGUB", "telaah", "biro-hukum", {deadline("langkah", "2026-04-01")});  // 0004

  CHECK(visited(store, {}) == Ids{"PERDA-2026-0001: langkah", "PERGUB-2026-0001: langkah target",
                                  "PERGUB-2026-0002:", "PERGUB-2026-0004: langkah"});

  // Every agency and workflow filter visits exactly the open dossiers list() gives.
  for (const char* agency : {"dinas-kukm", "biro-hukum", "bappeda", "sekda", "dinas-pariwisata"}) {
    for (const char* workflow : {"", "pergub", "perda"}) {
      ListFilter filter;
      filter.agency = std::string(agency);
      if (*workflow != '\0') filter.workflow = std::string(workflow);
      std::vector<std::string> seen;
      store.visit_open_dossiers(filter, [&](const regflow::store::OpenDossierRow& row) {
        seen.push_back(row.id);
      });
      filter.closed = false;
      INFO(agency << " " << workflow);
      CHECK(seen == ids(store.list(filter)));
    }
  }

  // The timing the board ranks by, as written.
  store.visit_open_dossiers({}, [&](const regflow::store::OpenDossierRow& row) {
    if (row.id == "PERDA-2026-0001") {
      REQUIRE(row.deadlines.size() == 1);
      CHECK_FALSE(row.deadlines[0].due.has_value());
      CHECK(row.deadlines[0].paused_remaining == 4);
      CHECK(row.escalated_to == "sekda");
    }
  });
  CHECK(store.count_open_dossiers() == 4);

  const auto texts = store.open_deadline("PERGUB-2026-0001", "target");
  REQUIRE(texts);
  CHECK(texts->title == "Batas target");
  CHECK(texts->basis == "UU 12/2011 Pasal 79(1)");
  CHECK_FALSE(store.open_deadline("PERGUB-2026-0003", "langkah"));
}
