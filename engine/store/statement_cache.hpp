// Prepared statements kept for the life of a connection. A command runs the same few short
// statements on one dossier (read it, append, rewrite its projections), and compiling their SQL
// cost more than running them: half of an `advance` (bench/README.md). Internal to engine/store.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <utility>

namespace regflow::store {

/// The statement for `sql` on `db`, compiled on first use and then reused; it is reset and its
/// bindings cleared when this handle goes out of scope, so a half-read SELECT never keeps a
/// read transaction open. Statements are not shared between handles that are alive at once.
class CachedStatement {
 public:
  CachedStatement(SQLite::Database& db, const std::string& sql);
  ~CachedStatement();
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;

  operator SQLite::Statement&() { return statement_; }
  template <typename... Args>
  void bind(Args&&... args) {
    statement_.bind(std::forward<Args>(args)...);
  }
  /// Binds `text` without copying it: SQLite reads it in place, so it must stay alive and
  /// unchanged until the statement has run. Copying each bound text was 6% of an action (W1).
  void bind_in_place(int index, const std::string& text) { statement_.bindNoCopy(index, text); }
  bool executeStep() { return statement_.executeStep(); }
  int exec() { return statement_.exec(); }
  void reset() { statement_.reset(); }
  SQLite::Column getColumn(int index) const { return statement_.getColumn(index); }

  struct Entry;

 private:
  Entry& entry_;
  SQLite::Statement& statement_;
};

/// Finalises every cached statement of `db`; the store calls it before closing the connection.
void forget_statements(SQLite::Database& db);

}  // namespace regflow::store
