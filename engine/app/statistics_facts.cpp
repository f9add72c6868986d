#include "engine/app/statistics_facts.hpp"

#include <fmt/format.h>

#include "engine/app/installation.hpp"
#include "engine/app/projection_basis.hpp"
#include "engine/model/digest.hpp"
#include "engine/model/error.hpp"

namespace regflow::app {

std::string statistics_basis(const time::HolidayCalendar& calendar, time::UtcOffset offset) {
  return model::sha256_hex(fmt::format("regflow statistics facts {}\n{}\noffset {}\n",
                                       report::kFactsFormat, projection_basis(calendar),
                                       offset.minutes.count()));
}

store::StatisticsFacts facts_row(const report::FactsFold& fold, const std::string& definition_hash,
                                 std::int64_t version, const std::string& basis) {
  store::StatisticsFacts row;
  row.dossier_id = fold.facts().id;
  row.workflow = fold.facts().workflow;
  row.definition_hash = definition_hash;
  row.version = version;
  row.basis = basis;
  row.started = fold.facts().started;
  row.last_day = fold.last_day();
  row.record = fold.encode();
  return row;
}

store::StatisticsFacts facts_from_history(const model::WorkflowDefinition& definition,
                                          std::span<const runtime::Event> events,
                                          const time::HolidayCalendar& calendar,
                                          time::UtcOffset offset, const std::string& basis) {
  report::FactsFold fold(definition, calendar, offset);
  for (const auto& event : events) fold.apply(event);
  return facts_row(fold, definition.content_hash, events.empty() ? 0 : events.back().sequence,
                   basis);
}

const std::string& Installation::statistics_basis() const {
  if (statistics_basis_.empty()) {
    statistics_basis_ = app::statistics_basis(config_.calendar(), config_.settings.offset);
  }
  return statistics_basis_;
}

void Installation::add_facts_from_history(store::Write& write,
                                          const model::WorkflowDefinition& definition) const {
  write.facts = facts_from_history(definition, write.events, config_.calendar(),
                                   config_.settings.offset, statistics_basis());
}

void Installation::fold_and_evolve(Dossier& dossier, const std::vector<runtime::Event>& events,
                                   std::optional<store::StatisticsFacts>& facts) {
  const auto& def = *dossier.definition;
  auto& state = dossier.state;
  const std::int64_t read_version = state.version;
  const std::string& basis = statistics_basis();
  std::optional<report::FactsFold> fold;
  fold.emplace(def, config_.calendar(), config_.settings.offset);
  // The saved fold of the version the decision read, taken up where it stopped; anything else
  // (a migrated database, another calendar, a damaged row) folds the whole history again.
  const auto saved = store_.statistics_facts(state.id);
  if (saved && saved->basis == basis && saved->version == read_version &&
      fold->decode(saved->record)) {
    fold->set_state(std::move(state));
  } else {
    fold.emplace(def, config_.calendar(), config_.settings.offset);
    for (const auto& e : store_.events(state.id)) fold->apply(e);
    if (fold->state().version != read_version) {
      throw ConflictError(model::say(
          "dossier '{}' moved while it was read (version {}, its events end at {}); nothing was "
          "written — retry",
          state.id, read_version, fold->state().version));
    }
  }
  for (const auto& e : events) fold->apply(e);
  // Saved before the state leaves the fold: the bytes keep the part of it finish() reads.
  facts = facts_row(*fold, fold->state().definition_hash, fold->state().version, basis);
  state = std::move(fold->state());
}

std::int64_t Installation::save_stale_statistics_facts(
    std::vector<std::pair<std::string, model::Message>>* skipped) {
  const std::string& basis = statistics_basis();
  if (store_.setting(kStatisticsBasisKey) == basis) return 0;
  const auto ids = store_.dossiers_without_statistics_facts(basis);
  const bool complete = refold_statistics_facts(ids, skipped) == ids.size();
  if (complete) store_.set_setting(kStatisticsBasisKey, basis);
  return static_cast<std::int64_t>(ids.size());
}

std::size_t Installation::refold_statistics_facts(
    const std::vector<std::string>& ids,
    std::vector<std::pair<std::string, model::Message>>* skipped) {
  const std::string& basis = statistics_basis();
  std::size_t saved = 0;
  // A few dossiers per commit, as tick does, so that clerks are never kept waiting long.
  constexpr std::size_t kDossiersPerCommit = 64;
  for (std::size_t first = 0; first < ids.size(); first += kDossiersPerCommit) {
    const std::size_t end = std::min(ids.size(), first + kDossiersPerCommit);
    store_.write_transaction([&] {
      for (std::size_t i = first; i < end; ++i) {
        const auto head = store_.dossier_head(ids[i]);
        if (!head) continue;
        try {
          const Dossier dossier = located(head->workflow, head->definition_hash);
          const auto events = store_.events(ids[i]);
          store_.save_statistics_facts(facts_from_history(
              *dossier.definition, events, config_.calendar(), config_.settings.offset, basis));
          ++saved;
        } catch (const LoadError& e) {
          // Its definition no longer loads: `stats` names it as skipped either way.
          if (skipped != nullptr) skipped->push_back({ids[i], e.said()});
        }
      }
    });
  }
  return saved;
}

}  // namespace regflow::app
