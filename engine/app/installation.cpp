#include "engine/app/installation.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/app/definition_acceptance.hpp"
#include "engine/app/projection_basis.hpp"
#include "engine/deadline/timers.hpp"
#include "engine/model/error.hpp"
#include "engine/runtime/evolve.hpp"
#include "engine/runtime/state_snapshot.hpp"

namespace regflow::app {

Installation::Installation(const load::ConfigSet& config, store::Store& store)
    : config_(config), store_(store) {}

const runtime::ExecutableWorkflow& Installation::executable(const std::string& hash,
                                                            const std::string& workflow) {
  if (auto it = executables_.find(hash); it != executables_.end()) return *it->second;
  const model::WorkflowDefinition* def = nullptr;
  for (const auto& w : config_.workflows) {
    if (w.content_hash == hash) def = &w;
  }
  if (def == nullptr) {
    auto text = store_.definition_text(hash);
    if (!text) {
      throw LoadError(
          model::say("definition {} of workflow '{}' is not in the database", hash, workflow));
    }
    model::Diagnostics diagnostics;
    auto loaded = load::load_stored_definition(config_, "stored:" + workflow, *text, diagnostics);
    if (!loaded || model::has_errors(diagnostics)) {
      throw LoadError(model::say(
          "the stored definition of workflow '{}' ({}) no longer loads with the current agencies "
          "and rules; first problem: {}",
          workflow, hash.substr(0, 12),
          diagnostics.empty() ? model::say("unreadable")
                              : model::diagnostic_said(diagnostics.front())));
    }
    auto owned = std::make_unique<model::WorkflowDefinition>(std::move(*loaded));
    def = owned.get();
    stored_definitions_.emplace(hash, std::move(owned));
  }
  model::Diagnostics diagnostics;
  auto ready = std::make_unique<runtime::ExecutableWorkflow>(
      runtime::prepare(*def, config_.rules, diagnostics));
  return *executables_.emplace(hash, std::move(ready)).first->second;
}

runtime::DecideContext Installation::context(const runtime::ExecutableWorkflow& workflow,
                                             time::Instant now) const {
  return runtime::DecideContext{workflow,           config_.agencies,        config_.settings.roles,
                                config_.calendar(), config_.settings.offset, now};
}

std::optional<runtime::Actor> Installation::actor(const std::string& name) const {
  auto user = store_.find_user(name);
  if (!user) return std::nullopt;
  return runtime::Actor{user->name, user->agencies, user->role, {}, std::nullopt};
}

Dossier Installation::located(const std::string& workflow, const std::string& definition_hash) {
  Dossier dossier;
  dossier.workflow = &executable(definition_hash, workflow);
  dossier.definition = dossier.workflow->definition;
  const auto current = config_.current_hash(workflow);
  dossier.newer_definition_exists = current && *current != definition_hash;
  return dossier;
}

std::optional<Dossier> Installation::read(const std::string& id) {
  auto row = store_.dossier(id);
  if (!row) return std::nullopt;
  Dossier dossier = located(row->workflow, row->definition_hash);
  dossier.events = store_.events(id);
  dossier.state = runtime::replay(*dossier.definition, dossier.events, config_.settings.offset);
  return dossier;
}

std::optional<Dossier> Installation::read_state(const std::string& id) {
  auto head = store_.dossier_head(id);
  if (!head) return std::nullopt;
  Dossier dossier = located(head->workflow, head->definition_hash);
  if (auto state = usable_snapshot(id, *head)) {
    dossier.state = std::move(*state);
    return dossier;
  }
  dossier.state = runtime::replay(*dossier.definition, store_.events(id), config_.settings.offset);
  return dossier;
}

// The snapshot is used only when it is exactly the state of the dossier's version and
// definition; anything else (none yet, an older format, a write that dropped it, a damaged one)
// is replayed from the events, which are the record.
std::optional<runtime::DossierState> Installation::usable_snapshot(const std::string& id,
                                                                   const store::DossierHead& head) {
  const auto& saved = head.snapshot;
  if (!saved || saved->format != runtime::kSnapshotFormat) {
    return std::nullopt;
  }
  auto state = runtime::decode_snapshot(saved->state);
  if (!state || state->id != id || state->version != head.version ||
      state->definition_hash != head.definition_hash) {
    return std::nullopt;
  }
  return state;
}

store::Write Installation::projection(const model::WorkflowDefinition& def,
                                      const runtime::DossierState& state,
                                      std::vector<runtime::Event> events, time::Date today) const {
  store::Write write;
  write.events = std::move(events);
  auto& row = write.dossier;
  row.id = state.id;
  row.workflow = state.workflow;
  row.definition_hash = state.definition_hash;
  row.title = state.title;
  row.step = state.step;
  const auto* step = def.find_step(state.step);
  row.step_title = step != nullptr ? step->title : state.step;
  if (step != nullptr && step->kind != model::StepKind::Final) {
    row.owner_agency = runtime::resolve_party(def, state, step->owner);
  }
  row.escalated_to = state.escalated_to;
  row.pending_signers = runtime::pending_signers(def, state);
  row.closed = state.closed;
  row.kendala = state.kendala;
  row.cancelled = state.cancelled;
  row.version = state.version;
  row.started_at = state.started_at;
  row.updated_at = write.events.empty() ? state.entered_step_at : write.events.back().at;
  write.snapshot = {runtime::kSnapshotFormat, runtime::encode_snapshot(state)};
  write.deadlines = deadline_rows(def, state, today);
  row.next_timer = next_timer(def, state, today);
  return write;
}

std::vector<store::DeadlineRow> Installation::deadline_rows(const model::WorkflowDefinition& def,
                                                            const runtime::DossierState& state,
                                                            time::Date today) const {
  std::vector<store::DeadlineRow> rows;
  if (state.closed) return rows;
  for (const auto& view : deadline::evaluate_all(def, state, config_.calendar(), today)) {
    if (!view.clock->running()) continue;
    store::DeadlineRow d;
    d.dossier_id = state.id;
    d.deadline_id = view.clock->id;
    d.title = view.clock->title;
    d.basis = view.clock->basis;
    d.due = view.due;
    d.computed_due = view.computed_due;
    d.working_days = view.unit == time::DayUnit::Working;
    d.due_soon = view.clock->due_soon;
    d.provisional = view.provisional;
    d.paused_remaining = view.status == deadline::Status::Paused ? view.days_left : 0;
    rows.push_back(std::move(d));
  }
  return rows;
}

std::optional<time::Date> Installation::next_timer(const model::WorkflowDefinition& def,
                                                   const runtime::DossierState& state,
                                                   time::Date today) const {
  return deadline::next_timer_day(def, state, config_.calendar(), today);
}

StartOutcome Installation::start(const std::string& workflow, const runtime::StartCommand& command,
                                 const runtime::Actor& actor, time::Instant now) {
  const auto start_day = time::local_date(now, config_.settings.offset);
  const auto* def = config_.find_in_force(workflow, start_day);
  if (def == nullptr) {
    const auto versions = config_.versions(workflow);
    if (versions.empty()) {
      return runtime::Refusal{
          runtime::RefusalKind::UnknownWorkflow, workflow, {}, {}, config_.workflow_names(), {}};
    }
    std::vector<std::string> periods;
    for (const auto* v : versions) {
      periods.push_back(fmt::format("v{} {}", v->version, v->period_text()));
    }
    return runtime::Refusal{runtime::RefusalKind::NoVersionInForce, workflow,
                            time::format_date(start_day), {}, periods, {}};
  }
  if (auto refusal = unaccepted(*def, store_)) return *refusal;
  const auto& ready = executable(def->content_hash, def->name);
  store_.save_definition(def->content_hash, def->name, def->version, def->source_path,
                         def->source_text);
  const auto today = time::local_date(now, config_.settings.offset);
  const int year = static_cast<int>(std::chrono::year_month_day{today}.year());
  std::optional<runtime::Refusal> refusal;
  // The store allocates the number inside its transaction; a refusal aborts it, so numbers
  // stay gap-free.
  struct Refused {};
  try {
    return store_.start(def->id_prefix, year, [&](const std::string& id) {
      runtime::StartCommand with_id = command;
      with_id.dossier_id = id;
      auto decision = runtime::decide_start(context(ready, now), with_id, actor);
      if (auto* r = std::get_if<runtime::Refusal>(&decision)) {
        refusal = *r;
        throw Refused{};
      }
      auto events = std::get<std::vector<runtime::Event>>(std::move(decision));
      const auto state = runtime::replay(*def, events, config_.settings.offset);
      auto write = projection(*def, state, std::move(events), today);
      add_facts_from_history(write, *def);
      return write;
    });
  } catch (const Refused&) {
    return *refusal;
  }
}

void Installation::write(Dossier&& dossier, const std::vector<runtime::Event>& events,
                         time::Instant now) {
  // The state read for the decision is evolved in place (by the statistics facts fold, which
  // evolves it as it folds): nothing reads it afterwards.
  const std::int64_t read_version = dossier.state.version;
  std::optional<store::StatisticsFacts> facts;
  fold_and_evolve(dossier, events, facts);
  const auto today = time::local_date(now, config_.settings.offset);
  auto write = projection(*dossier.definition, dossier.state, events, today);
  write.facts = std::move(facts);
  store_.append(write, read_version);
}

AdvanceOutcome Installation::decide_and_write(
    const std::string& id, time::Instant now,
    const std::function<runtime::Decision(const runtime::DecideContext&, const Dossier&)>& decide) {
  // Read, decide and write under one write lock: no other writer can move the dossier in
  // between, and the read and the write share one transaction instead of two.
  AdvanceOutcome outcome;
  store_.write_transaction([&] {
    auto dossier = read_state(id);
    if (!dossier) {
      outcome = runtime::Refusal{runtime::RefusalKind::UnknownDossier, id, {}, {}, {}, {}};
      return;
    }
    auto decision = decide(context(*dossier->workflow, now), *dossier);
    if (auto* r = std::get_if<runtime::Refusal>(&decision)) {
      outcome = std::move(*r);
      return;
    }
    auto events = std::get<std::vector<runtime::Event>>(std::move(decision));
    write(std::move(*dossier), events, now);
    outcome = std::move(events);
  });
  return outcome;
}

AdvanceOutcome Installation::advance(const std::string& id, const runtime::AdvanceCommand& command,
                                     const runtime::Actor& actor, time::Instant now) {
  return decide_and_write(id, now, [&](const runtime::DecideContext& ctx, const Dossier& dossier) {
    return runtime::decide_advance(ctx, dossier.state, command, actor);
  });
}

AdvanceOutcome Installation::extend(const std::string& id, const runtime::ExtendCommand& command,
                                    const runtime::Actor& actor, time::Instant now) {
  return decide_and_write(id, now, [&](const runtime::DecideContext& ctx, const Dossier& dossier) {
    return runtime::decide_extend(ctx, dossier.state, command, actor);
  });
}

std::vector<std::string> Installation::drop_false_snapshots() {
  std::vector<std::string> dropped;
  for (const auto& row : store_.list({})) {
    const auto head = store_.dossier_head(row.id);
    if (!head) continue;
    const auto state = usable_snapshot(row.id, *head);
    if (!state) continue;  // never read by a decision: it replays instead
    const Dossier dossier = located(head->workflow, head->definition_hash);
    if (*state ==
        runtime::replay(*dossier.definition, store_.events(row.id), config_.settings.offset)) {
      continue;
    }
    store_.drop_snapshot(row.id);
    dropped.push_back(row.id);
  }
  return dropped;
}

TickReport Installation::tick(
    time::Instant now, const std::function<void(const std::vector<runtime::Event>&)>& committed) {
  TickReport report;
  const auto today = time::local_date(now, config_.settings.offset);
  // Each open dossier's next timer day is kept with its projections, so a tick looks only at
  // the dossiers with one due. Those days, and the due dates the board shows, were computed
  // with a holiday calendar; when the calendar is not that one any more (or no tick has stored
  // which one it was: a new or migrated database), every open dossier is recomputed.
  const std::string basis = projection_basis(config_.calendar());
  report.recomputed_all = store_.setting(kProjectionBasisKey) != basis;
  const auto ids =
      report.recomputed_all ? store_.open_dossier_ids() : store_.dossiers_with_timer_due(today);
  // A few dossiers share a commit (the write lock is held a few milliseconds at a time, so
  // clerks are never kept waiting long); a dossier is read and decided under the lock, so no
  // one can move it in between.
  constexpr std::size_t kDossiersPerCommit = 64;
  std::vector<runtime::Event> batch;
  for (std::size_t first = 0; first < ids.size(); first += kDossiersPerCommit) {
    const std::size_t end = std::min(ids.size(), first + kDossiersPerCommit);
    batch.clear();
    store_.write_transaction([&] {
      for (std::size_t i = first; i < end; ++i) tick_one(ids[i], now, today, report, batch);
    });
    report.fired_count += static_cast<std::int64_t>(batch.size());
    if (committed) {
      committed(batch);
    } else {
      report.fired.insert(report.fired.end(), batch.begin(), batch.end());
    }
  }
  // A dossier skipped in a full pass keeps deadlines of the old calendar: the next tick tries
  // every open dossier again.
  if (report.recomputed_all && report.skipped.empty()) {
    store_.set_setting(kProjectionBasisKey, basis);
  }
  // The statistics facts of every dossier, open or closed, when the calendar moved them (or a
  // migration left them unsaved); nothing when the database says they were counted with this one.
  save_stale_statistics_facts();
  return report;
}

void Installation::tick_one(const std::string& id, time::Instant now, time::Date today,
                            TickReport& report, std::vector<runtime::Event>& fired) {
  ++report.dossiers_seen;
  std::optional<Dossier> dossier;
  try {
    dossier = read_state(id);
  } catch (const LoadError& e) {
    // Its stored definition no longer loads with today's agencies and rules. Nothing of it was
    // written yet; the other dossiers' timers must still fire.
    report.skipped.push_back({id, e.said()});
    return;
  }
  if (!dossier) return;
  auto events = runtime::decide_tick(context(*dossier->workflow, now), dossier->state);
  if (!events.empty()) {
    write(std::move(*dossier), events, now);
    fired.insert(fired.end(), events.begin(), events.end());
    return;
  }
  // Nothing due after all: its deadlines were computed with another calendar, or its next
  // timer day with one. Writing them again keeps it off the next tick until its day comes.
  const auto& def = *dossier->definition;
  store_.refresh_deadlines(id, dossier->state.version, deadline_rows(def, dossier->state, today),
                           next_timer(def, dossier->state, today));
  ++report.recomputed;
}

}  // namespace regflow::app
