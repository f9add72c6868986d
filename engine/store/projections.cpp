#include "engine/store/projections.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "engine/model/error.hpp"
#include "engine/store/clocks.hpp"
#include "engine/store/statement_cache.hpp"

namespace regflow::store {
namespace {

constexpr const char* kDossierColumns =
    "d.id, d.workflow, d.definition_hash, d.title, d.step, d.step_title, d.owner_agency, "
    "d.escalated_to, d.pending_signers, d.closed, d.version, d.started_at, d.updated_at, "
    "d.next_timer, d.kendala, d.cancelled";

constexpr const char* kDeadlineColumns =
    "l.dossier_id, l.deadline_id, l.title, l.basis, l.due, l.computed_due, l.working_days, "
    "l.due_soon, l.provisional, l.paused_remaining";

// The dossiers an agency has to look at: it holds them, they were escalated to it, or it has
// not signed yet. Written as a union so that each branch uses its own index (the OR form makes
// SQLite scan the table); `closed IN (0, 1)` lets the owner branch seek on (closed, owner).
constexpr const char* kAgencyDossiers =
    "SELECT id FROM dossiers WHERE closed IN (0, 1) AND owner_agency = :agency "
    "UNION SELECT id FROM dossiers WHERE escalated_to <> '' AND escalated_to = :agency "
    "UNION SELECT s.id FROM dossiers s, json_each(s.pending_signers) j "
    "WHERE s.pending_signers <> '[]' AND j.value = :agency";

time::Instant parse_stored_instant(const std::string& text, const std::string& id) {
  const auto instant = time::parse_instant(text, time::UtcOffset{std::chrono::minutes{0}});
  if (!instant) {
    throw StoreError(model::say("dossier '{}' has an unreadable time '{}'", id, text));
  }
  return *instant;
}

std::optional<time::Date> parse_stored_date(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return time::parse_date(column.getString());
}

// Whole days since 1970-01-01, as the clocks text and next_timer store them.
std::optional<time::Date> stored_day(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return time::Date{std::chrono::days{column.getInt()}};
}

void bind_day(SQLite::Statement& statement, int index, const std::optional<time::Date>& day) {
  if (day) {
    statement.bind(index, day->time_since_epoch().count());
  } else {
    statement.bind(index);
  }
}

void bind_date(SQLite::Statement& statement, int index, const std::optional<time::Date>& date) {
  if (date) {
    statement.bind(index, time::format_date(*date));
  } else {
    statement.bind(index);
  }
}

std::vector<std::string> parse_signers(const std::string& signers, const std::string& id) {
  // Most dossiers are not in a sign-off step; skipping the parser for them halves list time.
  if (signers == "[]") return {};
  try {
    return nlohmann::json::parse(signers).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception&) {
    throw StoreError(model::say("dossier '{}' has unreadable pending signers '{}'", id, signers));
  }
}

std::string format_signers(const std::vector<std::string>& signers) {
  if (signers.empty()) return "[]";
  return nlohmann::json(signers).dump();
}

DossierRow dossier_from_row(SQLite::Statement& row) {
  DossierRow d;
  d.id = row.getColumn(0).getString();
  d.workflow = row.getColumn(1).getString();
  d.definition_hash = row.getColumn(2).getString();
  d.title = row.getColumn(3).getString();
  d.step = row.getColumn(4).getString();
  d.step_title = row.getColumn(5).getString();
  d.owner_agency = row.getColumn(6).getString();
  d.escalated_to = row.getColumn(7).getString();
  d.pending_signers = parse_signers(row.getColumn(8).getString(), d.id);
  d.closed = row.getColumn(9).getInt() != 0;
  d.version = row.getColumn(10).getInt64();
  d.started_at = parse_stored_instant(row.getColumn(11).getString(), d.id);
  d.updated_at = parse_stored_instant(row.getColumn(12).getString(), d.id);
  d.next_timer = stored_day(row.getColumn(13));
  d.kendala = row.getColumn(14).getString();
  d.cancelled = row.getColumn(15).getInt() != 0;
  return d;
}

DeadlineRow deadline_from_row(SQLite::Statement& row) {
  DeadlineRow l;
  l.dossier_id = row.getColumn(0).getString();
  l.deadline_id = row.getColumn(1).getString();
  l.title = row.getColumn(2).getString();
  l.basis = row.getColumn(3).getString();
  l.due = parse_stored_date(row.getColumn(4));
  l.computed_due = parse_stored_date(row.getColumn(5));
  l.working_days = row.getColumn(6).getInt() != 0;
  l.due_soon = row.getColumn(7).getInt();
  l.provisional = row.getColumn(8).getInt() != 0;
  l.paused_remaining = row.getColumn(9).getInt();
  return l;
}

}  // namespace

namespace {

// The columns an action can change, in this order in both statements below, so that one binder
// serves both: workflow, definition_hash, title, step, step_title, owner_agency, escalated_to,
// pending_signers, closed, version, updated_at, clocks, next_timer, snapshot_format, snapshot,
// kendala, cancelled.
constexpr int kChangingColumns = 17;

// The texts bound in place must outlive the statement's run: the caller's row, clocks and
// snapshot, and `owned`, which the caller keeps until then.
struct OwnedTexts {
  std::string signers;
  std::string updated_at;
};

void bind_changing(CachedStatement& statement, int first, const DossierRow& row,
                   const std::string& clocks, const Snapshot& snapshot, OwnedTexts& owned) {
  owned.signers = format_signers(row.pending_signers);
  owned.updated_at = time::format_instant(row.updated_at);
  statement.bind_in_place(first, row.workflow);
  statement.bind_in_place(first + 1, row.definition_hash);
  statement.bind_in_place(first + 2, row.title);
  statement.bind_in_place(first + 3, row.step);
  statement.bind_in_place(first + 4, row.step_title);
  statement.bind_in_place(first + 5, row.owner_agency);
  statement.bind_in_place(first + 6, row.escalated_to);
  statement.bind_in_place(first + 7, owned.signers);
  statement.bind(first + 8, row.closed ? 1 : 0);
  statement.bind(first + 9, row.version);
  statement.bind_in_place(first + 10, owned.updated_at);
  statement.bind_in_place(first + 11, clocks);
  bind_day(statement, first + 12, row.next_timer);
  if (snapshot.state.empty()) {
    statement.bind(first + 13);
    statement.bind(first + 14);
  } else {
    statement.bind(first + 13, snapshot.format);
    static_cast<SQLite::Statement&>(statement).bindNoCopy(first + 14, snapshot.state.data(),
                                                          static_cast<int>(snapshot.state.size()));
  }
  statement.bind_in_place(first + 15, row.kendala);
  statement.bind(first + 16, row.cancelled ? 1 : 0);
}

}  // namespace

void write_dossier(SQLite::Database& db, const DossierRow& row, const std::string& clocks,
                   const Snapshot& snapshot) {
  CachedStatement upsert(
      db,
      "INSERT INTO dossiers(id, workflow, definition_hash, title, step, step_title, owner_agency, "
      "escalated_to, pending_signers, closed, version, updated_at, clocks, next_timer, "
      "snapshot_format, snapshot, kendala, cancelled, started_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT(id) DO UPDATE SET workflow = excluded.workflow, "
      "definition_hash = excluded.definition_hash, title = excluded.title, "
      "step = excluded.step, step_title = excluded.step_title, "
      "owner_agency = excluded.owner_agency, escalated_to = excluded.escalated_to, "
      "pending_signers = excluded.pending_signers, closed = excluded.closed, "
      "version = excluded.version, updated_at = excluded.updated_at, clocks = excluded.clocks, "
      "next_timer = excluded.next_timer, snapshot_format = excluded.snapshot_format, "
      "snapshot = excluded.snapshot, kendala = excluded.kendala, "
      "cancelled = excluded.cancelled, started_at = excluded.started_at");
  OwnedTexts owned;
  upsert.bind(1, row.id);
  bind_changing(upsert, 2, row, clocks, snapshot, owned);
  upsert.bind(2 + kChangingColumns, time::format_instant(row.started_at));
  upsert.exec();
}

void update_dossier(SQLite::Database& db, const DossierRow& row, const std::string& clocks,
                    const Snapshot& snapshot) {
  // Not the upsert of write_dossier: on every action that would first try an insert, find the
  // key taken and then update. `id` and `started_at` never change.
  CachedStatement update(
      db,
      "UPDATE dossiers SET workflow = ?, definition_hash = ?, title = ?, step = ?, "
      "step_title = ?, owner_agency = ?, escalated_to = ?, pending_signers = ?, closed = ?, "
      "version = ?, updated_at = ?, clocks = ?, next_timer = ?, snapshot_format = ?, "
      "snapshot = ?, kendala = ?, cancelled = ? WHERE id = ?");
  OwnedTexts owned;
  bind_changing(update, 1, row, clocks, snapshot, owned);
  update.bind(1 + kChangingColumns, row.id);
  if (update.exec() != 1) {
    throw StoreError(model::say("dossier '{}' vanished while its events were appended", row.id));
  }
}

void update_timing(SQLite::Database& db, const std::string& id, const std::string& clocks,
                   std::optional<time::Date> next_timer) {
  CachedStatement update(db, "UPDATE dossiers SET clocks = ?, next_timer = ? WHERE id = ?");
  update.bind(1, clocks);
  bind_day(update, 2, next_timer);
  update.bind(3, id);
  update.exec();
}

void replace_deadlines(SQLite::Database& db, const std::string& dossier_id,
                       const std::vector<DeadlineRow>& rows) {
  CachedStatement remove(db, "DELETE FROM deadlines WHERE dossier_id = ?");
  remove.bind(1, dossier_id);
  remove.exec();
  CachedStatement insert(
      db,
      "INSERT INTO deadlines(dossier_id, deadline_id, title, basis, due, computed_due, "
      "working_days, due_soon, provisional, paused_remaining) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const DeadlineRow& l : rows) {
    insert.bind_in_place(1, dossier_id);
    insert.bind_in_place(2, l.deadline_id);
    insert.bind_in_place(3, l.title);
    insert.bind_in_place(4, l.basis);
    bind_date(insert, 5, l.due);
    bind_date(insert, 6, l.computed_due);
    insert.bind(7, l.working_days ? 1 : 0);
    insert.bind(8, l.due_soon);
    insert.bind(9, l.provisional ? 1 : 0);
    insert.bind(10, l.paused_remaining);
    insert.exec();
    insert.reset();
  }
}

std::optional<DossierRow> read_dossier(SQLite::Database& db, const std::string& id) {
  CachedStatement query(db,
                        fmt::format("SELECT {} FROM dossiers d WHERE d.id = ?", kDossierColumns));
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return dossier_from_row(query);
}

void drop_snapshot_of(SQLite::Database& db, const std::string& dossier_id) {
  CachedStatement drop(db,
                       "UPDATE dossiers SET snapshot_format = NULL, snapshot = NULL WHERE id = ?");
  drop.bind(1, dossier_id);
  drop.exec();
}

std::optional<DossierHead> read_dossier_head(SQLite::Database& db, const std::string& dossier_id) {
  CachedStatement query(db,
                        "SELECT workflow, definition_hash, version, snapshot_format, snapshot "
                        "FROM dossiers WHERE id = ?");
  query.bind(1, dossier_id);
  if (!query.executeStep()) return std::nullopt;
  DossierHead head;
  head.workflow = query.getColumn(0).getString();
  head.definition_hash = query.getColumn(1).getString();
  head.version = query.getColumn(2).getInt64();
  if (!query.getColumn(3).isNull() && !query.getColumn(4).isNull()) {
    Snapshot snapshot;
    snapshot.format = query.getColumn(3).getInt();
    const SQLite::Column state = query.getColumn(4);
    snapshot.state.assign(static_cast<const char*>(state.getBlob()),
                          static_cast<std::size_t>(state.getBytes()));
    head.snapshot = std::move(snapshot);
  }
  return head;
}

std::vector<DossierRow> list_dossiers(SQLite::Database& db, const ListFilter& filter) {
  std::string sql = fmt::format("SELECT {} FROM dossiers d WHERE 1", kDossierColumns);
  if (filter.workflow) sql += " AND d.workflow = :workflow";
  if (filter.step) sql += " AND d.step = :step";
  // `+` keeps SQLite off the (closed, owner) index here: two values select a third of the
  // table or more, and walking the primary key instead returns rows already in id order.
  if (filter.closed) sql += " AND +d.closed = :closed";
  if (filter.agency) sql += fmt::format(" AND d.id IN ({})", kAgencyDossiers);
  sql += " ORDER BY d.id";

  SQLite::Statement query(db, sql);
  if (filter.workflow) query.bind(":workflow", *filter.workflow);
  if (filter.step) query.bind(":step", *filter.step);
  if (filter.closed) query.bind(":closed", *filter.closed ? 1 : 0);
  if (filter.agency) query.bind(":agency", *filter.agency);
  std::vector<DossierRow> rows;
  while (query.executeStep()) rows.push_back(dossier_from_row(query));
  return rows;
}

std::vector<DeadlineRow> list_open_deadlines(SQLite::Database& db,
                                             const std::optional<std::string>& agency) {
  // With an agency, its (few) dossiers drive the join; without, the open ones do.
  std::string sql = fmt::format(
      "SELECT {} FROM deadlines l JOIN dossiers d ON d.id = l.dossier_id WHERE {}d.closed = 0",
      kDeadlineColumns, agency ? "+" : "");
  if (agency) sql += fmt::format(" AND d.id IN ({})", kAgencyDossiers);
  // Paused deadlines have no due date: they come after every dated one.
  sql += " ORDER BY l.due IS NULL, l.due, l.dossier_id, l.deadline_id";

  SQLite::Statement query(db, sql);
  if (agency) query.bind(":agency", *agency);
  std::vector<DeadlineRow> rows;
  while (query.executeStep()) rows.push_back(deadline_from_row(query));
  return rows;
}

namespace {

// Text into a string that keeps its storage from the previous row, without measuring it again.
void assign_text(std::string& out, const SQLite::Column& column) {
  const char* text = column.getText();
  out.assign(text, static_cast<std::size_t>(column.getBytes()));
}

}  // namespace

void visit_open_rows(SQLite::Database& db, const ListFilter& filter,
                     const std::function<void(const OpenDossierRow&)>& visit) {
  // INDEXED BY names the covering index of schema version 3: left to itself the planner takes
  // the (closed, owner) index and reads the wide rows, and if the index ever went missing the
  // query fails with an error instead of silently becoming a table scan.
  std::string sql =
      "SELECT id, workflow, title, step, owner_agency, escalated_to, clocks "
      "FROM dossiers INDEXED BY dossiers_open_board WHERE closed = 0";
  if (filter.workflow) sql += " AND workflow = :workflow";
  if (filter.step) sql += " AND step = :step";
  // Every column the agency test needs is in the covering index, so it is a predicate on the
  // scan.
  if (filter.agency) {
    sql +=
        " AND (owner_agency = :agency OR escalated_to = :agency OR (pending_signers <> '[]' AND "
        "EXISTS (SELECT 1 FROM json_each(pending_signers) WHERE value = :agency)))";
  }
  sql += " ORDER BY id";

  SQLite::Statement query(db, sql);
  if (filter.workflow) query.bind(":workflow", *filter.workflow);
  if (filter.step) query.bind(":step", *filter.step);
  if (filter.agency) query.bind(":agency", *filter.agency);

  OpenDossierRow d;
  while (query.executeStep()) {
    // Assigning into the same strings and vectors reuses their storage from the previous row.
    assign_text(d.id, query.getColumn(0));
    assign_text(d.workflow, query.getColumn(1));
    assign_text(d.title, query.getColumn(2));
    assign_text(d.step, query.getColumn(3));
    assign_text(d.owner_agency, query.getColumn(4));
    assign_text(d.escalated_to, query.getColumn(5));
    const SQLite::Column clocks = query.getColumn(6);
    if (!decode_clocks({clocks.getText(), static_cast<std::size_t>(clocks.getBytes())},
                       d.deadlines)) {
      throw StoreError(
          model::say("dossier '{}' has unreadable deadline clocks '{}'; run 'regflow verify'", d.id,
                     clocks.getText()));
    }
    visit(d);
  }
}

std::optional<DeadlineRow> read_open_deadline(SQLite::Database& db, const std::string& dossier_id,
                                              const std::string& deadline_id) {
  CachedStatement query(
      db, fmt::format("SELECT {} FROM deadlines l WHERE l.dossier_id = ? AND l.deadline_id = ?",
                      kDeadlineColumns));
  query.bind(1, dossier_id);
  query.bind(2, deadline_id);
  if (!query.executeStep()) return std::nullopt;
  return deadline_from_row(query);
}

std::vector<std::string> list_timer_due_ids(SQLite::Database& db, time::Date day) {
  CachedStatement query(db,
                        "SELECT id FROM dossiers INDEXED BY dossiers_timers WHERE closed = 0 AND "
                        "next_timer IS NOT NULL AND next_timer <= ? ORDER BY id");
  query.bind(1, day.time_since_epoch().count());
  std::vector<std::string> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getString());
  return ids;
}

std::vector<std::string> list_open_dossier_ids(SQLite::Database& db) {
  SQLite::Statement query(db, "SELECT id FROM dossiers WHERE closed = 0 ORDER BY id");
  std::vector<std::string> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getString());
  return ids;
}

}  // namespace regflow::store
