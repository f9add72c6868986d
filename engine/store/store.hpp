// The store: the only code that touches SQLite. One database file per installation holds the
// definitions (once per content hash), users, every dossier's hash-chained events, and two
// projections kept in the same transaction as the events: one row per dossier and one row per
// running deadline, so the board and queues never replay events.
//
// Writers use BEGIN IMMEDIATE and a busy timeout; the journal is WAL. Appends are optimistic:
// the caller read the dossier at some version, decided, and the append refuses with a
// ConflictError if another writer moved the dossier in between. A caller that reads and decides
// inside write_transaction holds the write lock throughout, so that cannot happen to it. Events
// are never updated or deleted.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/model/message.hpp"
#include "engine/runtime/event.hpp"
#include "engine/seal/chain_head.hpp"
#include "engine/time/date.hpp"

namespace regflow::store {

/// The schema version this build writes; older databases are migrated in place by open().
inline constexpr int kSchemaVersion = 10;

struct UserRecord {
  std::string name;
  std::vector<std::string> agencies;  ///< at least one
  std::string role;
  std::string login;  ///< the operating-system account that acts as this user; "" for none
};

/// The dossier projection: where each dossier stands, for lists and the board.
struct DossierRow {
  std::string id;
  std::string workflow;
  std::string definition_hash;
  std::string title;
  std::string step;
  std::string step_title;
  std::string owner_agency;  ///< the agency holding the dossier now (resolved role)
  std::string escalated_to;
  std::vector<std::string> pending_signers;  ///< sign-off steps: agencies that have not signed
  bool closed = false;
  std::int64_t version = 0;
  time::Instant started_at{};
  time::Instant updated_at{};
  /// The first day a timer of this dossier fires (deadline::next_timer_day), for `tick`; none
  /// when nothing is pending (and on rows no tick has refreshed since schema version 3).
  std::optional<time::Date> next_timer;
  std::string kendala;     ///< why the dossier is stuck in its step; "" for none
  bool cancelled = false;  ///< closed because it was started by mistake
};

/// What a running deadline's status is decided from (on a given day): the board ranks
/// dossiers by this alone, so it is read without the deadline's texts.
struct DeadlineTiming {
  std::string deadline_id;
  std::optional<time::Date> due;  ///< empty while paused for revision
  bool working_days = false;
  int due_soon = 2;
  bool provisional = false;
  int paused_remaining = 0;  ///< when paused: the time left, in the deadline's unit
};

/// The running-deadline projection. Status is derived at query time from `due` and today.
struct DeadlineRow : DeadlineTiming {
  std::string dossier_id;
  std::string title;
  std::string basis;
  std::optional<time::Date> computed_due;
};

/// An open dossier as the board and the queues list it: where it stands, who holds it, and
/// the timing of each of its running deadlines (ordered by deadline id). Pending signers are
/// matched by the agency filter inside the scan but not carried: no board line shows them, and
/// parsing them for every open dossier cost the board 7% of its time.
struct OpenDossierRow {
  std::string id;
  std::string workflow;
  std::string title;
  std::string step;
  std::string owner_agency;
  std::string escalated_to;
  std::vector<DeadlineTiming> deadlines;
};

/// A dossier's state saved with its row (runtime/state_snapshot), opaque to the store. The state
/// names its own version; the store keeps it beside the row's.
struct Snapshot {
  int format = 0;
  std::string state;
};

/// What a decision needs to know of a dossier before it decides: which definition version it
/// runs on, its version, and its saved state if one was written (one indexed read).
struct DossierHead {
  std::string workflow;
  std::string definition_hash;
  std::int64_t version = 0;
  std::optional<Snapshot> snapshot;
};

/// One dossier's statistics facts as saved (schema version 9): the bytes of
/// report::FactsFold after the dossier's events up to `version`, and what they were computed
/// with. An empty `basis` means none are saved yet (a migrated database): `stats` replays.
struct StatisticsFacts {
  std::string dossier_id;
  std::string workflow;
  std::string definition_hash;
  std::int64_t version = 0;  ///< the last event folded
  std::string basis;         ///< the calendar and rules the working days were counted with
  time::Date started{};      ///< the local day it started
  time::Date last_day{};     ///< the local day of its last event
  std::string record;        ///< report::FactsFold::encode
};

/// What one command writes: its events and the dossier's new projections.
struct Write {
  std::vector<runtime::Event> events;
  DossierRow dossier;
  std::vector<DeadlineRow> deadlines;  ///< replaces the dossier's running deadlines
  /// The state after the events; empty `state` drops any older snapshot of the dossier.
  Snapshot snapshot;
  /// The dossier's statistics facts after the events; without them the row is marked as not
  /// saved (empty basis), so that `stats` replays the dossier until a rebuild saves them.
  std::optional<StatisticsFacts> facts;
};

/// A signed-in browser's session, as the store keeps it: the SHA-256 of its token, never the
/// token itself.
struct SessionRecord {
  std::string token_hash;
  std::string user;
  time::Instant created{};
  time::Instant last_seen{};
  bool revoked = false;
};

/// Failed sign-ins under one key ("account:NAME" or "address:IP"), for the throttle.
struct FailureRecord {
  std::int64_t count = 0;
  time::Instant last{};
};

/// A definition version as stored.
struct StoredDefinition {
  std::string hash;
  std::string name;
  int version = 0;
  std::string source_path;
  std::string text;
};

/// A dossier number an import uses: an archived id kept as it was (the counter moves past it),
/// or a new one allocated by --rename (it must still be the next one when the import commits).
struct CounterUse {
  std::string prefix;
  int year = 0;
  std::int64_t number = 0;
  bool allocated = false;
};

/// What one import writes, all or nothing: definitions not stored yet, whole dossiers (every
/// event from sequence 1, sealed) with their projections, and the numbers they use, kept ones
/// before allocated ones.
struct ImportBatch {
  std::vector<StoredDefinition> definitions;
  std::vector<Write> dossiers;
  std::vector<CounterUse> counters;
  /// Documents the dossiers' `attached` events record that this database does not hold yet:
  /// (SHA-256, bytes), each checked against its hash when planned.
  std::vector<std::pair<std::string, std::string>> documents;
};

struct ListFilter {
  std::optional<std::string> workflow;
  std::optional<std::string> agency;  ///< owner, escalated-to, or pending signer
  std::optional<std::string> step;
  std::optional<bool> closed;
};

struct VerifyProblem {
  std::string dossier_id;
  std::int64_t sequence = 0;
  std::string reason;  ///< english(said): "hash does not match its content", … (what --json keeps)
  model::Message said;  ///< the reason, for render::words
};

/// A problem of `dossier_id` at `sequence`, its English reason taken from `said`.
inline VerifyProblem verify_problem(std::string dossier_id, std::int64_t sequence,
                                    model::Message said) {
  std::string reason = model::english(said);
  return {std::move(dossier_id), sequence, std::move(reason), std::move(said)};
}

struct VerifyReport {
  std::int64_t dossiers = 0;
  std::int64_t events = 0;
  std::vector<VerifyProblem> problems;  ///< the first broken event of each broken dossier
  /// `attached` events whose document is missing or no longer matches its SHA-256.
  std::vector<VerifyProblem> document_problems;
  std::int64_t documents = 0;  ///< documents stored
};

/// An event whose actor is not registered here, or not for the agency the event records.
struct ActorMismatch {
  std::string dossier_id;
  std::int64_t sequence = 0;
  std::string actor;
  std::string agency;
  bool registered = false;  ///< the name is registered, for other agencies
};

/// Gives the next bytes of a document into `buffer` (at most `capacity`); 0 at the end.
using ChunkSource = std::function<std::size_t(char* buffer, std::size_t capacity)>;
/// Takes the next bytes of a document being read.
using ChunkSink = std::function<void(std::string_view bytes)>;

/// The parts of a dossier id `<PREFIX>-<YEAR>-<NNNN>`.
struct DossierNumber {
  std::string prefix;
  int year = 0;
  std::int64_t number = 0;
};

/// "PERGUB-2026-0001".
std::string format_dossier_id(const std::string& prefix, int year, std::int64_t number);
/// The inverse of format_dossier_id; nullopt for an id of another shape.
std::optional<DossierNumber> parse_dossier_id(const std::string& id);

class Store {
 public:
  /// Opens an existing regflow database (migrating an older schema). Throws StoreError when the
  /// file is missing, not a regflow database, corrupt, or of a newer schema.
  static Store open(const std::string& path);
  /// Creates the database if needed and brings its schema up to date; idempotent.
  static Store init(const std::string& path);
  /// An in-memory database, initialised (tests).
  static Store in_memory();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  int schema_version() const;
  /// SQLite's `PRAGMA data_version`: it changes when another connection has committed to the
  /// database since this one last asked (for caches of what was read, such as the web's board).
  std::int64_t data_version() const;

  // Users.
  void add_user(const UserRecord& user);  ///< throws InputError if the name exists
  std::optional<UserRecord> find_user(const std::string& name) const;
  std::vector<UserRecord> users() const;
  /// Deactivates a user who left (they keep every event they wrote) and ends their sessions;
  /// throws InputError when unknown or already deactivated. (engine/store/user_status.cpp)
  void deactivate_user(const std::string& name, time::Instant at);
  /// When the user was deactivated; nullopt while active or when unknown.
  std::optional<time::Instant> deactivated_at(const std::string& name) const;
  /// Keeps the language `name` chose on the web ("en", "id"), for every device they sign in
  /// from; throws InputError when unknown. (engine/store/user_language.cpp)
  void set_user_language(const std::string& name, const std::string& code);
  /// The language `name` chose; nullopt when they never chose one.
  std::optional<std::string> user_language(const std::string& name) const;
  /// The kendala of every open dossier that has one, by id (for the board).
  std::map<std::string, std::string> open_kendala() const;
  /// The user tied to an operating-system account (`user add --login`), if any.
  std::optional<UserRecord> find_user_by_login(const std::string& login) const;

  // Signing in (regflow serve): password hashes, sessions, personal tokens, failed attempts.
  /// Sets the user's password hash and revokes every session they have; throws InputError when
  /// the user is not registered.
  void set_password_hash(const std::string& user, const std::string& hash);
  /// The user's password hash; nullopt when the user is unknown or has no password yet.
  std::optional<std::string> password_hash(const std::string& user) const;
  /// Records a new session (and drops sessions that ended before `expired_before`).
  void add_session(const SessionRecord& session, time::Instant expired_before);
  std::optional<SessionRecord> session(const std::string& token_hash) const;
  void touch_session(const std::string& token_hash, time::Instant at);
  void revoke_session(const std::string& token_hash);
  /// Replaces the user's token of `kind` ("feed", "api") by the one with this digest.
  void set_user_token(const std::string& user, const std::string& kind,
                      const std::string& token_hash, time::Instant at);
  /// The user a token of `kind` belongs to; nullopt when no such token is current.
  std::optional<std::string> token_user(const std::string& kind,
                                        const std::string& token_hash) const;
  FailureRecord sign_in_failures(const std::string& key) const;
  void set_sign_in_failures(const std::string& key, const FailureRecord& failures);
  void clear_sign_in_failures(const std::string& key);

  // Definitions, stored once per content hash.
  void save_definition(const std::string& hash, const std::string& name, int version,
                       const std::string& source_path, const std::string& text);
  std::optional<std::string> definition_text(const std::string& hash) const;
  std::optional<StoredDefinition> definition(const std::string& hash) const;
  /// The newest stored hash of a workflow name (by first-stored time), if any.
  std::optional<std::string> latest_definition_hash(const std::string& workflow) const;
  /// Every stored version of a workflow (version number, hash), in the order stored.
  std::vector<std::pair<int, std::string>> definition_versions(const std::string& workflow) const;

  /// Opens a dossier: allocates `<prefix>-<year>-<NNNN>` (gap-free per prefix and year) and
  /// writes what `make` returns for that id, all in one transaction. If `make` throws, nothing
  /// is written and the number is not used.
  std::string start(const std::string& prefix, int year,
                    const std::function<Write(const std::string& id)>& make);

  /// Appends events of one dossier that was read at `expected_version`; throws ConflictError
  /// (naming who moved it and to which step) if its version changed since.
  void append(const Write& write, std::int64_t expected_version);

  /// Writes an import in one transaction, through the same chain check as every append. Throws
  /// ConflictError, writing nothing, when a dossier id is taken or an allocated number was used
  /// since the import was planned.
  void import(const ImportBatch& batch);

  /// Runs `work` in one write transaction (BEGIN IMMEDIATE, so it waits for other writers up to
  /// the busy timeout, then holds them off until it ends). Store operations called inside join
  /// it instead of committing on their own; if `work` throws, everything it wrote is rolled
  /// back. Nested calls join the outermost one.
  void write_transaction(const std::function<void()>& work);

  /// Replaces the running deadlines and next timer day of a dossier, computed from the version
  /// it is still at; throws ConflictError if it moved. For what changes with the calendar or
  /// the day, not with an event: no event is written and the version stays.
  void refresh_deadlines(const std::string& id, std::int64_t expected_version,
                         const std::vector<DeadlineRow>& deadlines,
                         std::optional<time::Date> next_timer);

  /// Ids of the open dossiers whose next timer day is on or before `day`, in id order.
  std::vector<std::string> dossiers_with_timer_due(time::Date day) const;

  /// A value kept in the database's `meta` table under `key` (not one of the store's own keys:
  /// application, schema_version).
  std::optional<std::string> setting(const std::string& key) const;
  void set_setting(const std::string& key, const std::string& value);

  /// The next number `start` would use for (prefix, year).
  std::int64_t next_number(const std::string& prefix, int year) const;

  /// Dossiers renumbered on import: the archived chain's last hash → the local id (from their
  /// `imported` events), so that importing the same archive again finds them.
  std::map<std::string, std::string> renumbered_imports() const;

  std::vector<runtime::Event> events(const std::string& dossier_id) const;
  /// Gives `visit` the events of every dossier (of `workflow` when it is not empty), one dossier
  /// at a time in id order, each in sequence order: one scan of the events in key order inside
  /// one read transaction, holding one dossier's events at a time (for `stats`). The events come
  /// without their notes and hashes, which `stats` never reads (`events` and `verify` give
  /// them); the span is valid only during the call. Throws StoreError when an event cannot be
  /// decoded.
  void visit_histories(const std::string& workflow,
                       const std::function<void(std::span<const runtime::Event>)>& visit) const;
  /// Gives `visit` the statistics facts row of every dossier (of `workflow` when it is not
  /// empty) in id order, in one read transaction; `read_events` inside the visit reads a
  /// dossier's events in that same transaction (for the rows that must be replayed). Every
  /// dossier has a row (engine/store/statistics_facts.hpp). The row is valid only during the call.
  void visit_statistics_facts(const std::string& workflow,
                              const std::function<void(const StatisticsFacts&)>& visit) const;
  /// One dossier's statistics facts row; nullopt when the id is unknown.
  std::optional<StatisticsFacts> statistics_facts(const std::string& dossier_id) const;
  /// Ids of the dossiers whose statistics facts were not saved with `basis`, in id order.
  std::vector<std::string> dossiers_without_statistics_facts(const std::string& basis) const;
  /// Replaces one dossier's statistics facts (a rebuild: its events did not change); throws
  /// ConflictError if the dossier is no longer at `facts.version`.
  void save_statistics_facts(const StatisticsFacts& facts);
  /// The saved state of a dossier, if one was written. It is written with the row, so it is the
  /// state of the row's version unless it was edited outside regflow: the state names its version.
  std::optional<Snapshot> snapshot(const std::string& dossier_id) const;
  /// The definition, version and saved state of a dossier; nullopt when the id is unknown.
  std::optional<DossierHead> dossier_head(const std::string& dossier_id) const;
  /// Drops a dossier's saved state (a cache: the next command replays the events).
  void drop_snapshot(const std::string& dossier_id);
  std::optional<DossierRow> dossier(const std::string& id) const;
  std::vector<DossierRow> list(const ListFilter& filter) const;
  /// Every running deadline of open dossiers (optionally of one agency's dossiers).
  std::vector<DeadlineRow> open_deadlines(const std::optional<std::string>& agency = {}) const;
  /// Gives `visit` every open dossier matching `filter` (its `closed` is ignored), in id order,
  /// with its running deadlines' timing: one scan of a covering index in key order, for the board
  /// and the queues. The row given is valid only during the call: one buffer is refilled for each
  /// dossier, so that reading 100k of them allocates next to nothing.
  void visit_open_dossiers(const ListFilter& filter,
                           const std::function<void(const OpenDossierRow&)>& visit) const;
  /// How many dossiers are open (a scan of a small index; for sizing what lists them).
  std::int64_t count_open_dossiers() const;
  /// One running deadline of an open dossier, with its texts; nullopt when it is not running.
  std::optional<DeadlineRow> open_deadline(const std::string& dossier_id,
                                           const std::string& deadline_id) const;
  /// Ids of every open dossier (for tick).
  std::vector<std::string> open_dossier_ids() const;

  // Documents, stored once per SHA-256 (engine/store/documents.hpp).
  /// True when the bytes of this SHA-256 are stored.
  bool has_document(const std::string& sha256) const;
  /// Stores the bytes `read` gives under their SHA-256 unless they are stored already (true
  /// when stored now), in chunks. Throws InputError when they turn out not to be `size` bytes
  /// hashing to `sha256`; inside write_transaction, the whole transaction then rolls back.
  bool store_document(const std::string& sha256, std::int64_t size, const ChunkSource& read);
  /// Gives the stored bytes of `sha256` to `write` in chunks; throws StoreError when missing.
  void read_document(const std::string& sha256, const ChunkSink& write) const;

  /// Re-computes every dossier's chain and names the first broken event of each; with the heads
  /// a checkpoint log signed, also each chain that no longer passes through one of them.
  VerifyReport verify(const seal::SignedHeads* signed_heads = nullptr) const;

  /// Events (other than the timers' `system`) whose actor is not a registered user acting for the
  /// agency the event records, in dossier and sequence order. Expected for dossiers imported
  /// from another installation (import registers nobody); otherwise written outside regflow.
  std::vector<ActorMismatch> actor_mismatches() const;

  /// Where every dossier's chain ends (its last event), in id order, as one snapshot.
  std::vector<seal::ChainHead> chain_heads() const;
  /// Why the chain of `dossier_id` does not continue intact from the event (`sequence`, `hash`)
  /// to its last event, for render::words; nullopt when it does. Sequence 0 checks the whole
  /// chain.
  std::optional<model::Message> chain_break_after(const std::string& dossier_id,
                                                  std::int64_t sequence,
                                                  const std::string& hash) const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  void close() noexcept;
  std::unique_ptr<Impl> impl_;
};

}  // namespace regflow::store
