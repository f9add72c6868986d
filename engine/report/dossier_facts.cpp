#include "engine/report/dossier_facts.hpp"

#include "engine/report/facts_fold.hpp"

namespace regflow::report {

DossierFacts dossier_facts(const model::WorkflowDefinition& definition,
                           std::span<const runtime::Event> events,
                           const time::HolidayCalendar& calendar, time::UtcOffset offset,
                           time::Date as_of) {
  FactsFold fold(definition, calendar, offset);
  for (const auto& event : events) {
    if (time::local_date(event.at, offset) > as_of) break;
    fold.apply(event);
  }
  return fold.finish(as_of);
}

}  // namespace regflow::report
