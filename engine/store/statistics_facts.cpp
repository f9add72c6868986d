#include "engine/store/statistics_facts.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/store/statement_cache.hpp"

namespace regflow::store {
namespace {

time::Date day_of(const SQLite::Column& column) {
  return time::Date{time::Date::duration{column.getInt64()}};
}

std::int64_t number_of(time::Date day) {
  return day.time_since_epoch().count();
}

void read_row(SQLite::Statement& query, StatisticsFacts& out) {
  // Assigning into the one buffer keeps its strings' storage from row to row.
  out.dossier_id.assign(query.getColumn(0).getText());
  out.workflow.assign(query.getColumn(1).getText());
  out.definition_hash.assign(query.getColumn(2).getText());
  out.version = query.getColumn(3).getInt64();
  out.basis.assign(query.getColumn(4).getText());
  out.started = day_of(query.getColumn(5));
  out.last_day = day_of(query.getColumn(6));
  const SQLite::Column record = query.getColumn(7);
  out.record.assign(static_cast<const char*>(record.getBlob()),
                    static_cast<std::size_t>(record.getBytes()));
}

constexpr const char* kColumns =
    "dossier_id, workflow, definition_hash, version, basis, started, last_day, record";

}  // namespace

void write_statistics_facts(SQLite::Database& db, const DossierRow& row,
                            const std::optional<StatisticsFacts>& facts) {
  CachedStatement upsert(db,
                         "INSERT OR REPLACE INTO dossier_facts(dossier_id, workflow, "
                         "definition_hash, version, basis, started, last_day, record) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  upsert.bind_in_place(1, row.id);
  upsert.bind_in_place(2, row.workflow);
  upsert.bind_in_place(3, row.definition_hash);
  upsert.bind(4, static_cast<std::int64_t>(row.version));
  static const std::string kNotSaved;
  upsert.bind_in_place(5, facts ? facts->basis : kNotSaved);
  upsert.bind(6, facts ? number_of(facts->started) : std::int64_t{0});
  upsert.bind(7, facts ? number_of(facts->last_day) : std::int64_t{0});
  if (facts) {
    static_cast<SQLite::Statement&>(upsert).bindNoCopy(8, facts->record.data(),
                                                       static_cast<int>(facts->record.size()));
  } else {
    static_cast<SQLite::Statement&>(upsert).bind(8, "", 0);
  }
  static_cast<SQLite::Statement&>(upsert).exec();
}

void visit_statistics_rows(SQLite::Database& db, const std::string& workflow,
                           const std::function<void(const StatisticsFacts&)>& visit) {
  SQLite::Statement query(
      db, std::string("SELECT ") + kColumns + " FROM dossier_facts ORDER BY dossier_id");
  StatisticsFacts row;
  while (query.executeStep()) {
    // The workflow is compared here rather than in SQL: the scan is in key order either way.
    if (!workflow.empty()) {
      const SQLite::Column wf = query.getColumn(1);
      if (workflow.compare(0, std::string::npos, wf.getText(),
                           static_cast<std::size_t>(wf.getBytes())) != 0) {
        continue;
      }
    }
    read_row(query, row);
    visit(row);
  }
}

std::optional<StatisticsFacts> read_statistics_facts(SQLite::Database& db,
                                                     const std::string& dossier_id) {
  CachedStatement query(
      db, std::string("SELECT ") + kColumns + " FROM dossier_facts WHERE dossier_id = ?");
  query.bind_in_place(1, dossier_id);
  SQLite::Statement& statement = query;
  if (!statement.executeStep()) return std::nullopt;
  StatisticsFacts row;
  read_row(statement, row);
  return row;
}

std::vector<std::string> list_without_statistics_facts(SQLite::Database& db,
                                                       const std::string& basis) {
  SQLite::Statement query(
      db, "SELECT dossier_id FROM dossier_facts WHERE basis <> ? ORDER BY dossier_id");
  query.bind(1, basis);
  std::vector<std::string> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getString());
  return ids;
}

}  // namespace regflow::store
