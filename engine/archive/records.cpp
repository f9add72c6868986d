#include "engine/archive/records.hpp"

namespace regflow::archive {

ArchivedEvent to_archived(const runtime::Event& e) {
  return ArchivedEvent{e.sequence,
                       runtime::event_type_name(e.type),
                       time::format_instant(e.at),
                       e.actor,
                       e.agency,
                       e.action,
                       e.from_step,
                       e.to_step,
                       e.note,
                       e.changes,
                       e.data,
                       e.prev_hash,
                       e.hash};
}

std::optional<runtime::Event> to_event(const ArchivedEvent& a, const std::string& dossier_id,
                                       model::Message& problem) {
  runtime::Event e;
  e.dossier_id = dossier_id;
  e.sequence = a.sequence;
  if (!runtime::parse_event_type(a.type, e.type)) {
    problem = model::say("type '{}'", a.type);
    return std::nullopt;
  }
  const auto at = time::parse_instant(a.at, time::UtcOffset{std::chrono::minutes{0}});
  if (!at || !time::is_accepted(*at)) {
    problem = model::say("time '{}' (accepted: {})", a.at, time::accepted_range_text());
    return std::nullopt;
  }
  e.at = *at;
  e.actor = a.actor;
  e.agency = a.agency;
  e.action = a.action;
  e.from_step = a.from_step;
  e.to_step = a.to_step;
  e.note = a.note;
  e.changes = a.changes;
  e.data = a.data;
  e.prev_hash = a.prev_hash;
  e.hash = a.hash;
  return e;
}

ArchivedDossier summary_of(const runtime::DossierState& state) {
  ArchivedDossier d;
  d.id = state.id;
  d.workflow = state.workflow;
  d.definition_hash = state.definition_hash;
  d.title = state.title;
  d.step = state.step;
  d.closed = state.closed;
  for (const auto& [name, value] : state.variables) d.variables[name] = model::to_text(value);
  d.bindings = state.bindings;
  return d;
}

}  // namespace regflow::archive
