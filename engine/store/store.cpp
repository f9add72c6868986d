#include "engine/store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <type_traits>

#include "engine/model/error.hpp"
#include "engine/store/clocks.hpp"
#include "engine/store/counters.hpp"
#include "engine/store/credentials.hpp"
#include "engine/store/database.hpp"
#include "engine/store/definitions.hpp"
#include "engine/store/event_store.hpp"
#include "engine/store/projections.hpp"
#include "engine/store/statement_cache.hpp"
#include "engine/store/statistics_facts.hpp"
#include "engine/store/user_language.hpp"
#include "engine/store/user_status.hpp"
#include "engine/store/users.hpp"
#include "engine/store/documents.hpp"
#include "engine/store/verify.hpp"

namespace regflow::store {

struct Store::Impl {
  std::string path;
  std::unique_ptr<SQLite::Database> db;
  /// Store operations running inside the open write transaction (0: none is open).
  int write_depth = 0;
  /// A store operation joined to the open transaction threw after it had written rows: the
  /// transaction must never commit, even if the caller caught the exception.
  bool write_failed = false;

  // The outermost call takes the write lock (BEGIN IMMEDIATE) and commits; a call made while one
  // is open joins it, so that a caller can read, decide and write as one unit. Whatever escapes
  // rolls the whole transaction back: a refused command changes nothing. (A savepoint per
  // joined operation would let one be undone alone, but it cost an action a third more time.)
  template <typename Work>
  auto writing(Work&& work) -> decltype(work()) {
    struct Depth {
      int& depth;
      explicit Depth(int& d) : depth(++d) {}
      ~Depth() { --depth; }
      Depth(const Depth&) = delete;
      Depth& operator=(const Depth&) = delete;
    };
    if (write_depth > 0) {
      Depth inner(write_depth);
      const auto changes_before = sqlite3_total_changes64(db->getHandle());
      try {
        return work();
      } catch (...) {
        // Refused before it wrote anything (a check, a decision): the caller may go on.
        if (sqlite3_total_changes64(db->getHandle()) != changes_before) write_failed = true;
        throw;
      }
    }
    run("BEGIN IMMEDIATE");
    write_failed = false;
    try {
      Depth outer(write_depth);
      if constexpr (std::is_void_v<decltype(work())>) {
        work();
        commit();
      } else {
        auto result = work();
        commit();
        return result;
      }
    } catch (...) {
      rollback();
      throw;
    }
  }

  void commit() {
    if (write_failed) {
      throw StoreError(fmt::format(
          "a write to '{}' failed half done inside a transaction and its error was caught; "
          "nothing of the transaction was written (a bug in regflow)",
          path));
    }
    run("COMMIT");
  }

  // Transaction control runs on every action: prepared once per connection.
  void run(const char* sql) {
    CachedStatement statement(*db, sql);
    statement.exec();
  }

  void rollback() noexcept {
    try {
      // SQLite may already have rolled back (a full disk, an interrupted statement).
      if (!db->getHandle() || sqlite3_get_autocommit(db->getHandle()) != 0) return;
      db->exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
      // Nothing more can be done; the connection is closed with the store.
    }
  }

  // Every SQLite (or JSON column) failure leaves the store as a StoreError that says what regflow
  // was doing and on which file; regflow's own errors (conflicts, bad input) pass through
  // unchanged. `operation` is a function that says it: it runs only when the work fails, since
  // formatting it for every call was 2.6% of an action (bench/README.md, W1).
  template <typename Operation, typename Work>
  auto guarded(const Operation& operation, Work&& work) const -> decltype(work()) {
    static_assert(std::is_invocable_r_v<model::Message, const Operation&>,
                  "a store operation is said by a function returning model::say(...)");
    try {
      return work();
    } catch (const SQLite::Exception& e) {
      // The two conditions a clerk can do something about get words of their own.
      if ((e.getErrorCode() & 0xff) == SQLITE_READONLY) {
        throw StoreError(model::say(
            "while {}: database '{}' is read-only for this account; nothing was written; "
            "reading (board, show, history, verify) works, writing needs write permission on the "
            "file and its folder",
            operation(), path));
      }
      if ((e.getErrorCode() & 0xff) == SQLITE_FULL) {
        throw StoreError(model::say(
            "while {}: the disk holding '{}' is full; nothing was written; free some space and "
            "run the command again",
            operation(), path));
      }
      throw StoreError(model::say("while {} in '{}': {}", operation(), path, e.what()));
    } catch (const nlohmann::json::exception& e) {
      // changes, data and signers are JSON columns; text that is not UTF-8 cannot be encoded.
      throw StoreError(model::say("while {} in '{}': {}", operation(), path, e.what()));
    }
  }
};

namespace {

// The projection's version is the last event's sequence, whatever the caller put in the row:
// the optimistic check compares against it, so it must never drift from the chain.
enum class Existing { Insert, Update };

void write_projections(SQLite::Database& db, const Write& write,
                       Existing existing = Existing::Insert) {
  DossierRow row = write.dossier;
  row.version = write.events.back().sequence;
  const std::string clocks = encode_clocks(write.deadlines);
  if (existing == Existing::Update) {
    update_dossier(db, row, clocks, write.snapshot);
  } else {
    write_dossier(db, row, clocks, write.snapshot);
  }
  replace_deadlines(db, row.id, write.deadlines);
  write_statistics_facts(db, row, write.facts);
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;

// The cached statements of a connection must be finalised before it closes (else SQLite keeps
// it open), so both ways of dropping an Impl go through here.
void Store::close() noexcept {
  if (impl_ && impl_->db) forget_statements(*impl_->db);
  impl_.reset();
}

Store& Store::operator=(Store&& other) noexcept {
  if (this != &other) {
    close();
    impl_ = std::move(other.impl_);
  }
  return *this;
}

Store::~Store() {
  close();
}

Store Store::open(const std::string& path) {
  return Store(std::make_unique<Impl>(Impl{path, open_database(path, OpenMode::Existing)}));
}

Store Store::init(const std::string& path) {
  return Store(std::make_unique<Impl>(Impl{path, open_database(path, OpenMode::Create)}));
}

Store Store::in_memory() {
  return Store(
      std::make_unique<Impl>(Impl{":memory:", open_database(":memory:", OpenMode::Memory)}));
}

int Store::schema_version() const {
  return impl_->guarded([] { return model::say("reading the schema version"); },
                        [&] { return stored_schema_version(*impl_->db); });
}

std::int64_t Store::data_version() const {
  return impl_->guarded([] { return model::say("reading the data version"); },
                        [&] { return impl_->db->execAndGet("PRAGMA data_version").getInt64(); });
}

void Store::add_user(const UserRecord& user) {
  impl_->guarded([&] { return model::say("adding user '{}'", user.name); },
                 [&] { impl_->writing([&] { insert_user(*impl_->db, user); }); });
}

std::optional<UserRecord> Store::find_user(const std::string& name) const {
  return impl_->guarded([&] { return model::say("reading user '{}'", name); },
                        [&] { return find_user_record(*impl_->db, name); });
}

std::vector<UserRecord> Store::users() const {
  return impl_->guarded([] { return model::say("listing users"); },
                        [&] { return all_users(*impl_->db); });
}

std::optional<UserRecord> Store::find_user_by_login(const std::string& login) const {
  return impl_->guarded([&] { return model::say("reading the user of login '{}'", login); },
                        [&] { return find_user_by_login_record(*impl_->db, login); });
}

void Store::deactivate_user(const std::string& name, time::Instant at) {
  impl_->guarded([&] { return model::say("deactivating user '{}'", name); },
                 [&] { impl_->writing([&] { write_deactivation(*impl_->db, name, at); }); });
}

std::optional<time::Instant> Store::deactivated_at(const std::string& name) const {
  return impl_->guarded([&] { return model::say("reading whether '{}' is active", name); },
                        [&] { return read_deactivation(*impl_->db, name); });
}

void Store::set_user_language(const std::string& name, const std::string& code) {
  impl_->guarded([&] { return model::say("keeping the language of user '{}'", name); },
                 [&] { impl_->writing([&] { write_user_language(*impl_->db, name, code); }); });
}

std::optional<std::string> Store::user_language(const std::string& name) const {
  return impl_->guarded([&] { return model::say("reading the language of user '{}'", name); },
                        [&] { return read_user_language(*impl_->db, name); });
}

std::map<std::string, std::string> Store::open_kendala() const {
  return impl_->guarded([] { return model::say("reading the kendala of open dossiers"); },
                        [&] { return read_open_kendala(*impl_->db); });
}

void Store::set_password_hash(const std::string& user, const std::string& hash) {
  impl_->guarded([&] { return model::say("setting the password of '{}'", user); },
                 [&] { impl_->writing([&] { write_password_hash(*impl_->db, user, hash); }); });
}

std::optional<std::string> Store::password_hash(const std::string& user) const {
  return impl_->guarded([&] { return model::say("reading the password of '{}'", user); },
                        [&] { return read_password_hash(*impl_->db, user); });
}

void Store::add_session(const SessionRecord& session, time::Instant expired_before) {
  impl_->guarded(
      [] { return model::say("recording a session"); },
      [&] { impl_->writing([&] { insert_session(*impl_->db, session, expired_before); }); });
}

std::optional<SessionRecord> Store::session(const std::string& token_hash) const {
  return impl_->guarded([] { return model::say("reading a session"); },
                        [&] { return read_session(*impl_->db, token_hash); });
}

void Store::touch_session(const std::string& token_hash, time::Instant at) {
  impl_->guarded([] { return model::say("recording a session's use"); },
                 [&] { impl_->writing([&] { write_session_seen(*impl_->db, token_hash, at); }); });
}

void Store::revoke_session(const std::string& token_hash) {
  impl_->guarded([] { return model::say("ending a session"); },
                 [&] { impl_->writing([&] { write_session_revoked(*impl_->db, token_hash); }); });
}

void Store::set_user_token(const std::string& user, const std::string& kind,
                           const std::string& token_hash, time::Instant at) {
  impl_->guarded(
      [&] { return model::say("replacing the {} token of '{}'", kind, user); },
      [&] { impl_->writing([&] { write_user_token(*impl_->db, user, kind, token_hash, at); }); });
}

std::optional<std::string> Store::token_user(const std::string& kind,
                                             const std::string& token_hash) const {
  return impl_->guarded([&] { return model::say("reading a {} token", kind); },
                        [&] { return read_token_user(*impl_->db, kind, token_hash); });
}

FailureRecord Store::sign_in_failures(const std::string& key) const {
  return impl_->guarded([] { return model::say("reading failed sign-ins"); },
                        [&] { return read_failures(*impl_->db, key); });
}

void Store::set_sign_in_failures(const std::string& key, const FailureRecord& failures) {
  impl_->guarded([] { return model::say("recording a failed sign-in"); },
                 [&] { impl_->writing([&] { write_failures(*impl_->db, key, failures); }); });
}

void Store::clear_sign_in_failures(const std::string& key) {
  impl_->guarded([] { return model::say("clearing failed sign-ins"); },
                 [&] { impl_->writing([&] { delete_failures(*impl_->db, key); }); });
}

void Store::save_definition(const std::string& hash, const std::string& name, int version,
                            const std::string& source_path, const std::string& text) {
  impl_->guarded([&] { return model::say("storing definition '{}' version {}", name, version); },
                 [&] { insert_definition(*impl_->db, hash, name, version, source_path, text); });
}

std::optional<StoredDefinition> Store::definition(const std::string& hash) const {
  return impl_->guarded([&] { return model::say("reading definition '{}'", hash); },
                        [&] { return find_definition(*impl_->db, hash); });
}

std::optional<std::string> Store::definition_text(const std::string& hash) const {
  return impl_->guarded([&] { return model::say("reading definition '{}'", hash); },
                        [&] { return find_definition_text(*impl_->db, hash); });
}

std::optional<std::string> Store::latest_definition_hash(const std::string& workflow) const {
  return impl_->guarded([&] { return model::say("reading the definitions of '{}'", workflow); },
                        [&] { return find_latest_definition(*impl_->db, workflow); });
}

std::vector<std::pair<int, std::string>> Store::definition_versions(
    const std::string& workflow) const {
  return impl_->guarded([&] { return model::say("reading the definitions of '{}'", workflow); },
                        [&] { return find_definition_versions(*impl_->db, workflow); });
}

std::string Store::start(const std::string& prefix, int year,
                         const std::function<Write(const std::string& id)>& make) {
  return impl_->guarded([&] { return model::say("starting a {} dossier of {}", prefix, year); },
                        [&] {
                          // The number is taken under the write lock and committed with the
                          // dossier: a failed or concurrent start can neither skip nor reuse it.
                          return impl_->writing([&] {
                            SQLite::Database& db = *impl_->db;
                            const std::int64_t number = peek_counter(db, prefix, year);
                            const std::string id = format_dossier_id(prefix, year, number);
                            const Write write = make(id);
                            if (write.dossier.id != id) {
                              throw StoreError(
                                  fmt::format("refusing to start '{}': the dossier row is for '{}' "
                                              "(a bug in regflow; nothing was "
                                              "written)",
                                              id, write.dossier.id));
                            }
                            check_continues(id, write.events, ChainEnd{});
                            write_projections(db, write);
                            insert_events(db, write.events);
                            advance_counter(db, prefix, year, number);
                            return id;
                          });
                        });
}

void Store::append(const Write& write, std::int64_t expected_version) {
  const std::string& id = write.dossier.id;
  impl_->guarded(
      [&] { return model::say("appending events of '{}'", id); },
      [&] {
        // Read under the write lock (BEGIN IMMEDIATE), so no other writer can move the dossier
        // between the check and the insert.
        impl_->writing([&] {
          SQLite::Database& db = *impl_->db;
          const auto head = chain_head(db, id);
          if (!head) {
            throw StoreError(fmt::format(
                "refusing to append events of '{}': no such dossier in '{}' (a bug in regflow; "
                "nothing was written)",
                id, impl_->path));
          }
          if (head->version != expected_version) {
            throw ConflictError(model::say(
                "dossier '{}' was changed by '{}' (now at step '{}', version {}) after you read it "
                "at version {}; nothing was written — look again with 'regflow show {}' and retry",
                id, head->end ? head->end->actor : chain_end(db, id).actor, head->step,
                head->version, expected_version, id));
          }
          if (!head->end) {
            throw StoreError(model::say(
                "dossier '{}' is at version {} but its events end at sequence {}; nothing was "
                "written — run 'regflow verify'",
                id, head->version, chain_end(db, id).sequence));
          }
          check_continues(id, write.events, *head->end);
          insert_events(db, write.events);
          write_projections(db, write, Existing::Update);
        });
      });
}

void Store::import(const ImportBatch& batch) {
  impl_->guarded(
      [] { return model::say("importing dossiers"); },
      [&] {
        impl_->writing([&] {
          SQLite::Database& db = *impl_->db;
          for (const auto& d : batch.definitions) {
            insert_definition(db, d.hash, d.name, d.version, d.source_path, d.text);
          }
          for (const auto& [sha256, bytes] : batch.documents) {
            std::size_t at = 0;
            regflow::store::store_document(db, sha256, static_cast<std::int64_t>(bytes.size()),
                                           [&](char* buffer, std::size_t capacity) {
                                             const std::size_t n =
                                                 std::min(capacity, bytes.size() - at);
                                             std::copy_n(bytes.data() + at, n, buffer);
                                             at += n;
                                             return n;
                                           });
          }
          for (const Write& write : batch.dossiers) {
            const std::string& id = write.dossier.id;
            if (read_dossier(db, id)) {
              throw ConflictError(model::say(
                  "dossier '{}' was started in '{}' while the archive was being checked; nothing "
                  "was written — run the import again",
                  id, impl_->path));
            }
            check_continues(id, write.events, ChainEnd{});
            write_projections(db, write);
            insert_events(db, write.events);
          }
          // Kept numbers first, so that a renumbered dossier never takes a number an imported one
          // already uses.
          for (const CounterUse& use : batch.counters) {
            if (!use.allocated) {
              raise_counter(db, use.prefix, use.year, use.number);
              continue;
            }
            if (peek_counter(db, use.prefix, use.year) != use.number) {
              throw ConflictError(model::say(
                  "number {} was taken by another command while the archive was being checked; "
                  "nothing was written — run the import again",
                  format_dossier_id(use.prefix, use.year, use.number)));
            }
            advance_counter(db, use.prefix, use.year, use.number);
          }
        });
      });
}

void Store::refresh_deadlines(const std::string& id, std::int64_t expected_version,
                              const std::vector<DeadlineRow>& deadlines,
                              std::optional<time::Date> next_timer) {
  impl_->guarded(
      [&] { return model::say("recomputing the deadlines of '{}'", id); },
      [&] {
        impl_->writing([&] {
          SQLite::Database& db = *impl_->db;
          const auto head = chain_head(db, id);
          if (!head || head->version != expected_version) {
            throw ConflictError(model::say(
                "dossier '{}' moved on while its deadlines were being recomputed; nothing was "
                "written — the next tick recomputes them",
                id));
          }
          update_timing(db, id, encode_clocks(deadlines), next_timer);
          replace_deadlines(db, id, deadlines);
        });
      });
}

std::vector<std::string> Store::dossiers_with_timer_due(time::Date day) const {
  return impl_->guarded([] { return model::say("listing dossiers with a timer due"); },
                        [&] { return list_timer_due_ids(*impl_->db, day); });
}

namespace {

void refuse_store_key(const std::string& key) {
  if (key == "application" || key == "schema_version") {
    throw StoreError(fmt::format(
        "the setting '{}' belongs to the store itself (a bug in regflow; nothing was written)",
        key));
  }
}

}  // namespace

std::optional<std::string> Store::setting(const std::string& key) const {
  return impl_->guarded([&] { return model::say("reading the setting '{}'", key); },
                        [&] { return read_meta(*impl_->db, key); });
}

void Store::set_setting(const std::string& key, const std::string& value) {
  refuse_store_key(key);
  impl_->guarded([&] { return model::say("writing the setting '{}'", key); },
                 [&] { impl_->writing([&] { write_meta(*impl_->db, key, value); }); });
}

void Store::write_transaction(const std::function<void()>& work) {
  impl_->guarded([] { return model::say("writing"); }, [&] { impl_->writing(work); });
}

std::int64_t Store::next_number(const std::string& prefix, int year) const {
  return impl_->guarded([] { return model::say("reading the dossier counters"); },
                        [&] { return peek_counter(*impl_->db, prefix, year); });
}

std::map<std::string, std::string> Store::renumbered_imports() const {
  return impl_->guarded([] { return model::say("reading the imported dossiers"); },
                        [&] { return find_renumbered_imports(*impl_->db); });
}

std::vector<runtime::Event> Store::events(const std::string& dossier_id) const {
  return impl_->guarded([&] { return model::say("reading events of '{}'", dossier_id); },
                        [&] { return read_events(*impl_->db, dossier_id); });
}

std::optional<Snapshot> Store::snapshot(const std::string& dossier_id) const {
  auto head = dossier_head(dossier_id);
  return head ? std::move(head->snapshot) : std::nullopt;
}

std::optional<DossierHead> Store::dossier_head(const std::string& dossier_id) const {
  return impl_->guarded([&] { return model::say("reading dossier '{}'", dossier_id); },
                        [&] { return read_dossier_head(*impl_->db, dossier_id); });
}

void Store::drop_snapshot(const std::string& dossier_id) {
  impl_->guarded([&] { return model::say("dropping the saved state of '{}'", dossier_id); },
                 [&] { impl_->writing([&] { drop_snapshot_of(*impl_->db, dossier_id); }); });
}

std::optional<DossierRow> Store::dossier(const std::string& id) const {
  return impl_->guarded([&] { return model::say("reading dossier '{}'", id); },
                        [&] { return read_dossier(*impl_->db, id); });
}

std::vector<DossierRow> Store::list(const ListFilter& filter) const {
  return impl_->guarded([] { return model::say("listing dossiers"); },
                        [&] { return list_dossiers(*impl_->db, filter); });
}

std::vector<DeadlineRow> Store::open_deadlines(const std::optional<std::string>& agency) const {
  return impl_->guarded([] { return model::say("listing open deadlines"); },
                        [&] { return list_open_deadlines(*impl_->db, agency); });
}

void Store::visit_open_dossiers(const ListFilter& filter,
                                const std::function<void(const OpenDossierRow&)>& visit) const {
  impl_->guarded([] { return model::say("listing open dossiers"); },
                 [&] { visit_open_rows(*impl_->db, filter, visit); });
}

std::int64_t Store::count_open_dossiers() const {
  return impl_->guarded(
      [] { return model::say("counting open dossiers"); },
      [&] {
        return impl_->db
            ->execAndGet(
                "SELECT count(*) FROM dossiers INDEXED BY dossiers_open_board WHERE closed = 0")
            .getInt64();
      });
}

std::optional<DeadlineRow> Store::open_deadline(const std::string& dossier_id,
                                                const std::string& deadline_id) const {
  return impl_->guarded(
      [&] { return model::say("reading deadline '{}' of '{}'", deadline_id, dossier_id); },
      [&] { return read_open_deadline(*impl_->db, dossier_id, deadline_id); });
}

std::vector<std::string> Store::open_dossier_ids() const {
  return impl_->guarded([] { return model::say("listing open dossiers"); },
                        [&] { return list_open_dossier_ids(*impl_->db); });
}

void Store::visit_statistics_facts(const std::string& workflow,
                                   const std::function<void(const StatisticsFacts&)>& visit) const {
  impl_->guarded([] { return model::say("reading the statistics facts"); },
                 [&] {
                   // One read transaction: a dossier replayed during the visit is read as of the
                   // same moment.
                   SQLite::Transaction snapshot(*impl_->db);
                   visit_statistics_rows(*impl_->db, workflow, visit);
                   snapshot.commit();
                 });
}

std::optional<StatisticsFacts> Store::statistics_facts(const std::string& dossier_id) const {
  return impl_->guarded(
      [&] { return model::say("reading the statistics facts of '{}'", dossier_id); },
      [&] { return read_statistics_facts(*impl_->db, dossier_id); });
}

std::vector<std::string> Store::dossiers_without_statistics_facts(const std::string& basis) const {
  return impl_->guarded(
      [] { return model::say("listing the dossiers whose statistics facts are not saved"); },
      [&] { return list_without_statistics_facts(*impl_->db, basis); });
}

void Store::save_statistics_facts(const StatisticsFacts& facts) {
  impl_->guarded(
      [&] { return model::say("saving the statistics facts of '{}'", facts.dossier_id); },
      [&] {
        impl_->writing([&] {
          SQLite::Database& db = *impl_->db;
          const auto row = read_dossier(db, facts.dossier_id);
          if (!row || row->version != facts.version) {
            throw ConflictError(model::say(
                "dossier '{}' moved while its statistics facts were folded; nothing was written",
                facts.dossier_id));
          }
          write_statistics_facts(db, *row, facts);
        });
      });
}

void Store::visit_histories(
    const std::string& workflow,
    const std::function<void(std::span<const runtime::Event>)>& visit) const {
  impl_->guarded([] { return model::say("reading the events of every dossier"); },
                 [&] { store::visit_histories(*impl_->db, workflow, visit); });
}

bool Store::has_document(const std::string& sha256) const {
  return impl_->guarded([] { return model::say("reading the documents"); },
                        [&] { return document_stored(*impl_->db, sha256); });
}

bool Store::store_document(const std::string& sha256, std::int64_t size, const ChunkSource& read) {
  return impl_->guarded([&] { return model::say("storing document {}", sha256); },
                        [&] {
                          return impl_->writing([&] {
                            return regflow::store::store_document(*impl_->db, sha256, size, read);
                          });
                        });
}

void Store::read_document(const std::string& sha256, const ChunkSink& write) const {
  impl_->guarded([&] { return model::say("reading document {}", sha256); },
                 [&] { regflow::store::read_document(*impl_->db, sha256, write); });
}

VerifyReport Store::verify(const seal::SignedHeads* signed_heads) const {
  auto report = impl_->guarded([] { return model::say("verifying the event chains"); },
                               [&] { return verify_chains(*impl_->db, signed_heads); });
  report.document_problems = impl_->guarded([] { return model::say("verifying the documents"); },
                                            [&] { return verify_documents(*impl_->db); });
  report.documents = impl_->guarded(
      [] { return model::say("counting the documents"); },
      [&] { return impl_->db->execAndGet("SELECT count(*) FROM documents").getInt64(); });
  return report;
}

std::vector<ActorMismatch> Store::actor_mismatches() const {
  return impl_->guarded([] { return model::say("checking who took each action"); },
                        [&] { return read_actor_mismatches(*impl_->db); });
}

std::vector<seal::ChainHead> Store::chain_heads() const {
  return impl_->guarded([] { return model::say("reading where each chain ends"); },
                        [&] { return read_chain_heads(*impl_->db); });
}

std::optional<model::Message> Store::chain_break_after(const std::string& dossier_id,
                                                       std::int64_t sequence,
                                                       const std::string& hash) const {
  return impl_->guarded(
      [&] { return model::say("checking the chain of '{}'", dossier_id); },
      [&] { return store::chain_break_after(*impl_->db, dossier_id, sequence, hash); });
}

}  // namespace regflow::store
