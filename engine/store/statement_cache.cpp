#include "engine/store/statement_cache.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace regflow::store {

struct CachedStatement::Entry {
  std::unique_ptr<SQLite::Statement> statement;
  bool in_use = false;
};

namespace {

// Keyed by connection, since the store's SQL helpers receive only the SQLite::Database. Entries
// live in node-based maps, so a handle's reference stays valid until forget_statements.
struct Registry {
  std::mutex mutex;
  std::map<const SQLite::Database*, std::unordered_map<std::string, CachedStatement::Entry>>
      statements;
};

Registry& registry() {
  static Registry instance;
  return instance;
}

CachedStatement::Entry& acquire(SQLite::Database& db, const std::string& sql) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  auto& entry = r.statements[&db][sql];
  if (entry.in_use) {
    throw std::logic_error("a cached SQL statement is used twice at once: " + sql);
  }
  if (!entry.statement) entry.statement = std::make_unique<SQLite::Statement>(db, sql);
  entry.in_use = true;
  return entry;
}

}  // namespace

CachedStatement::CachedStatement(SQLite::Database& db, const std::string& sql)
    : entry_(acquire(db, sql)), statement_(*entry_.statement) {}

CachedStatement::~CachedStatement() {
  statement_.tryReset();
  try {
    statement_.clearBindings();
  } catch (const SQLite::Exception&) {
    // sqlite3_clear_bindings cannot fail; the next use binds every parameter anyway.
  }
  std::lock_guard lock(registry().mutex);
  entry_.in_use = false;
}

void forget_statements(SQLite::Database& db) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  r.statements.erase(&db);
}

}  // namespace regflow::store
