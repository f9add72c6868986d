#include "engine/app/statistics.hpp"

#include <fmt/format.h>

#include <map>
#include <memory>

#include "engine/app/statistics_facts.hpp"
#include "engine/model/diagnostic.hpp"
#include "engine/report/facts_fold.hpp"

namespace regflow::app {
namespace {

// Definitions by content hash: the current files first, then the texts the database stored
// for older versions, each parsed once and checked against today's agencies and rules.
class StoredDefinitions {
 public:
  StoredDefinitions(const load::ConfigSet& config, const store::Store& store)
      : config_(config), store_(store) {}

  const model::WorkflowDefinition* find(const std::string& hash, model::Message& error) {
    for (const auto& def : config_.workflows) {
      if (def.content_hash == hash) return &def;
    }
    auto [it, fresh] = stored_.try_emplace(hash);
    if (fresh) load(hash, it->second);
    error = it->second.error;
    return it->second.definition.get();
  }

 private:
  struct Loaded {
    std::unique_ptr<model::WorkflowDefinition> definition;
    model::Message error;
  };

  void load(const std::string& hash, Loaded& loaded) {
    auto stored = store_.definition(hash);
    if (!stored) {
      loaded.error = model::say("its definition {} is not in the database", hash.substr(0, 12));
      return;
    }
    model::Diagnostics diagnostics;
    auto def =
        load::load_stored_definition(config_, "stored:" + stored->name, stored->text, diagnostics);
    if (def && !model::has_errors(diagnostics)) {
      loaded.definition = std::make_unique<model::WorkflowDefinition>(std::move(*def));
      return;
    }
    loaded.error = model::say("its definition {} v{} ({}) no longer loads: {}", stored->name,
                              stored->version, hash.substr(0, 12),
                              diagnostics.empty() ? model::say("unreadable")
                                                  : model::diagnostic_said(diagnostics.front()));
  }

  const load::ConfigSet& config_;
  const store::Store& store_;
  std::map<std::string, Loaded> stored_;
};

}  // namespace

report::Stats statistics(const load::ConfigSet& config, const store::Store& store,
                         const report::StatsFilter& filter, time::Date today) {
  StoredDefinitions definitions(config, store);
  const report::DefinitionLookup lookup = [&](const std::string& hash, model::Message& error) {
    return definitions.find(hash, error);
  };
  const auto& calendar = config.calendar();
  const auto offset = config.settings.offset;
  const std::string basis = statistics_basis(calendar, offset);
  const time::Date as_of = filter.to && *filter.to < today ? *filter.to : today;
  report::StatsBuilder builder(filter, as_of);
  deadline::CalendarCuts cuts(calendar);  // one cut calendar per start day, not per clock
  store.visit_statistics_facts(filter.workflow, [&](const store::StatisticsFacts& row) {
    if (row.basis == basis) {
      if (row.started > as_of) return;  // as the replay: not begun on the as-of day
      if (row.last_day <= as_of) {
        model::Message error;
        const auto* definition = definitions.find(row.definition_hash, error);
        if (definition == nullptr) {
          builder.skip(row.dossier_id, error);
          return;
        }
        report::FactsFold fold(*definition, calendar, offset);
        fold.share_cuts(cuts);
        if (fold.decode(row.record)) {
          builder.add(fold.finish(as_of), *definition);
          return;
        }
      }
    }
    // Counted with another calendar, not saved yet, unreadable, or with events after the as-of
    // day (the saved fold has read them): the events say it.
    const auto events = store.events(row.dossier_id);
    report::add_history(builder, events, lookup, calendar, offset);
  });
  return builder.finish();
}

report::Stats statistics_by_replay(const load::ConfigSet& config, const store::Store& store,
                                   const report::StatsFilter& filter, time::Date today) {
  StoredDefinitions definitions(config, store);
  return report::build_stats(
      store,
      [&](const std::string& hash, model::Message& error) { return definitions.find(hash, error); },
      filter, config.calendar(), config.settings.offset, today);
}

}  // namespace regflow::app
