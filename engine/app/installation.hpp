// The application service: one installation's configuration and database, and the commands a
// user can run against them. It reads a dossier, asks the pure decider, and writes the events
// with the projections in one store transaction. No terminal, no argv: the CLI renders what it
// returns.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "engine/app/document_source.hpp"
#include "engine/app/projection_check.hpp"
#include "engine/deadline/status.hpp"
#include "engine/load/config_set.hpp"
#include "engine/model/message.hpp"
#include "engine/runtime/command.hpp"
#include "engine/runtime/decide.hpp"
#include "engine/runtime/dossier_state.hpp"
#include "engine/runtime/executable_workflow.hpp"
#include "engine/runtime/refusal.hpp"
#include "engine/store/store.hpp"

namespace regflow::app {

/// A dossier as read now: its definition version, its state and its events.
struct Dossier {
  const model::WorkflowDefinition* definition = nullptr;
  const runtime::ExecutableWorkflow* workflow = nullptr;
  runtime::DossierState state;
  std::vector<runtime::Event> events;    ///< empty when read by read_state()
  bool newer_definition_exists = false;  ///< the YAML changed since the dossier started
};

/// The id of a new dossier, or why not.
using StartOutcome = std::variant<std::string, runtime::Refusal>;
/// The events written, or why not.
using AdvanceOutcome = std::variant<std::vector<runtime::Event>, runtime::Refusal>;

struct TickReport {
  /// Every open dossier was examined: the holiday calendar (or regflow's date rules) changed
  /// since the last tick, or no tick has run on this database yet.
  bool recomputed_all = false;
  std::int64_t dossiers_seen = 0;  ///< dossiers examined
  std::int64_t recomputed = 0;     ///< of those, with nothing due: deadlines written again
  std::int64_t fired_count = 0;
  /// Dossiers that could not be examined, with why: their stored definition no longer loads.
  std::vector<std::pair<std::string, model::Message>> skipped;
  /// The events written, unless tick handed them to its `committed` callback instead.
  std::vector<runtime::Event> fired;
};

class Installation {
 public:
  Installation(const load::ConfigSet& config, store::Store& store);

  const load::ConfigSet& config() const { return config_; }
  store::Store& store() { return store_; }

  /// Reads a dossier; nullopt when the id is unknown. Throws LoadError when its stored
  /// definition no longer loads.
  std::optional<Dossier> read(const std::string& id);
  /// Reads a dossier for a decision: its state from the saved snapshot when that is of this
  /// version and format, else by replaying its events; `events` is left empty.
  std::optional<Dossier> read_state(const std::string& id);

  StartOutcome start(const std::string& workflow, const runtime::StartCommand& command,
                     const runtime::Actor& actor, time::Instant now);
  AdvanceOutcome advance(const std::string& id, const runtime::AdvanceCommand& command,
                         const runtime::Actor& actor, time::Instant now);
  AdvanceOutcome extend(const std::string& id, const runtime::ExtendCommand& command,
                        const runtime::Actor& actor, time::Instant now);
  /// Corrections (engine/app/corrections.cpp): the same read → decide → write as advance, with
  /// runtime/decide_correction's deciders.
  AdvanceOutcome correct(const std::string& id, const runtime::CorrectCommand& command,
                         const runtime::Actor& actor, time::Instant now);
  AdvanceOutcome cancel(const std::string& id, const runtime::CancelCommand& command,
                        const runtime::Actor& actor, time::Instant now);
  AdvanceOutcome record_kendala(const std::string& id, const runtime::KendalaCommand& command,
                                const runtime::Actor& actor, time::Instant now);
  /// Adds a document version to a dossier: its bytes are stored once per SHA-256 and the
  /// `attached` event written in one transaction, or nothing at all (engine/app/documents.cpp).
  AdvanceOutcome attach(const std::string& id, const AttachRequest& request,
                        DocumentSource& source, const runtime::Actor& actor, time::Instant now);
  /// Fires the timers due at `now`, looking only at the dossiers with a timer due by today (or
  /// at every open dossier, recomputing their deadlines, when the calendar changed).
  /// With `committed`, the events written are handed to it after each commit (a first tick on
  /// a large database fires on most open dossiers: 500k events would not be held in memory).
  TickReport tick(
      time::Instant now,
      const std::function<void(const std::vector<runtime::Event>&)>& committed = nullptr);

  /// Dossiers whose saved state would be used by a decision (current format and version) but
  /// is not the state their events replay to: an edit of the database outside regflow. Each
  /// such snapshot is dropped, so that the next command replays the events, which are the
  /// record; the caller reports them as tampering.
  std::vector<std::string> drop_false_snapshots();

  /// Every dossier row (and, when they were computed with the loaded calendar, its running
  /// deadlines and next timer day) compared with what its events give on `today`; dossiers in
  /// `broken` (a broken chain) are left out. Writes nothing. (engine/app/projection_check.cpp)
  ProjectionReport check_projections(const std::set<std::string>& broken, time::Date today);

  /// The context the decider needs for one dossier's definition.
  runtime::DecideContext context(const runtime::ExecutableWorkflow& workflow,
                                 time::Instant now) const;

  /// The projections of a dossier's state on a day (for the store).
  store::Write projection(const model::WorkflowDefinition& definition,
                          const runtime::DossierState& state, std::vector<runtime::Event> events,
                          time::Date today) const;

  /// The running deadlines of a state as the store keeps them, computed on `today`.
  std::vector<store::DeadlineRow> deadline_rows(const model::WorkflowDefinition& definition,
                                                const runtime::DossierState& state,
                                                time::Date today) const;
  /// The first day a timer of the state fires (deadline::next_timer_day).
  std::optional<time::Date> next_timer(const model::WorkflowDefinition& definition,
                                       const runtime::DossierState& state, time::Date today) const;

  /// Sets `write.facts` from its events, the dossier's whole history (start, import).
  /// (engine/app/statistics_facts.cpp)
  void add_facts_from_history(store::Write& write,
                              const model::WorkflowDefinition& definition) const;
  /// The fingerprint statistics facts are saved with under this configuration.
  const std::string& statistics_basis() const;
  /// Folds and saves the statistics facts of every dossier whose saved ones were not counted
  /// with this configuration's calendar (a migrated database, a calendar decree), unless the
  /// database says all were; a few dossiers per commit. Returns how many were saved; dossiers
  /// whose definition no longer loads are left as they are and named in `skipped`.
  std::int64_t save_stale_statistics_facts(
      std::vector<std::pair<std::string, model::Message>>* skipped = nullptr);
  /// Folds the events of each dossier in `ids` and saves its statistics facts (verify, after it
  /// found saved facts that are not what the events give); returns how many were saved.
  std::size_t refold_statistics_facts(
      const std::vector<std::string>& ids,
      std::vector<std::pair<std::string, model::Message>>* skipped = nullptr);

  /// The user named `name`, with their agencies; nullopt when not registered.
  std::optional<runtime::Actor> actor(const std::string& name) const;

 private:
  /// Folds `events` into the dossier and appends them with its new projections, refusing with a
  /// ConflictError if the dossier moved since it was read.
  void write(Dossier&& dossier, const std::vector<runtime::Event>& events, time::Instant now);
  /// Evolves the dossier's state by `events` through its statistics facts fold (the saved fold
  /// resumed, or the history folded again) and gives the facts to save with them.
  void fold_and_evolve(Dossier& dossier, const std::vector<runtime::Event>& events,
                       std::optional<store::StatisticsFacts>& facts);
  /// Fires what is due on one dossier, or writes its deadlines again if nothing is.
  void tick_one(const std::string& id, time::Instant now, time::Date today, TickReport& report,
                std::vector<runtime::Event>& fired);
  /// Reads a dossier, asks `decide`, and writes what it decided.
  AdvanceOutcome decide_and_write(
      const std::string& id, time::Instant now,
      const std::function<runtime::Decision(const runtime::DecideContext&, const Dossier&)>&
          decide);
  const runtime::ExecutableWorkflow& executable(const std::string& hash,
                                                const std::string& workflow);
  /// The dossier's definition version, without its state.
  Dossier located(const std::string& workflow, const std::string& definition_hash);
  /// The saved state in `head` if a decision may use it as the dossier's state.
  static std::optional<runtime::DossierState> usable_snapshot(const std::string& id,
                                                              const store::DossierHead& head);

  const load::ConfigSet& config_;
  store::Store& store_;
  // Definitions loaded from the database (older versions), kept alive for their dossiers.
  std::map<std::string, std::unique_ptr<model::WorkflowDefinition>> stored_definitions_;
  std::map<std::string, std::unique_ptr<runtime::ExecutableWorkflow>> executables_;
  mutable std::string statistics_basis_;  // computed on first use
};

}  // namespace regflow::app
