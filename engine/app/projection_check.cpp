#include "engine/app/projection_check.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "engine/app/installation.hpp"
#include "engine/app/projection_basis.hpp"
#include "engine/app/statistics_facts.hpp"
#include "engine/model/error.hpp"
#include "engine/runtime/evolve.hpp"

namespace regflow::app {
namespace {

std::string day_text(const std::optional<time::Date>& day) {
  return day ? time::format_date(*day) : std::string("none");
}

void differ(std::vector<ProjectionMismatch>& out, const std::string& id, const std::string& column,
            const std::string& stored, const std::string& expected) {
  if (stored != expected) out.push_back({id, column, stored, expected});
}

}  // namespace

std::vector<ProjectionMismatch> compare_rows(const store::DossierRow& s, const store::DossierRow& e,
                                             bool compare_next_timer) {
  std::vector<ProjectionMismatch> out;
  const auto& id = e.id;
  differ(out, id, "workflow", s.workflow, e.workflow);
  differ(out, id, "definition_hash", s.definition_hash, e.definition_hash);
  differ(out, id, "title", s.title, e.title);
  differ(out, id, "step", s.step, e.step);
  differ(out, id, "step_title", s.step_title, e.step_title);
  differ(out, id, "owner_agency", s.owner_agency, e.owner_agency);
  differ(out, id, "escalated_to", s.escalated_to, e.escalated_to);
  differ(out, id, "pending_signers", fmt::format("{}", fmt::join(s.pending_signers, ",")),
         fmt::format("{}", fmt::join(e.pending_signers, ",")));
  differ(out, id, "closed", s.closed ? "1" : "0", e.closed ? "1" : "0");
  differ(out, id, "kendala", s.kendala, e.kendala);
  differ(out, id, "cancelled", s.cancelled ? "1" : "0", e.cancelled ? "1" : "0");
  differ(out, id, "version", std::to_string(s.version), std::to_string(e.version));
  differ(out, id, "started_at", time::format_instant(s.started_at),
         time::format_instant(e.started_at));
  differ(out, id, "updated_at", time::format_instant(s.updated_at),
         time::format_instant(e.updated_at));
  if (compare_next_timer) {
    differ(out, id, "next_timer", day_text(s.next_timer), day_text(e.next_timer));
  }
  return out;
}

std::vector<ProjectionMismatch> compare_deadlines(const std::string& dossier_id,
                                                  const std::string& what,
                                                  const std::vector<store::DeadlineRow>& stored,
                                                  const std::vector<store::DeadlineRow>& expected,
                                                  bool with_texts) {
  std::vector<ProjectionMismatch> out;
  std::map<std::string, const store::DeadlineRow*> by_id;
  for (const auto& row : stored) by_id[row.deadline_id] = &row;
  std::set<std::string> seen;
  for (const auto& e : expected) {
    seen.insert(e.deadline_id);
    const auto found = by_id.find(e.deadline_id);
    const std::string prefix = fmt::format("{}.{}", what, e.deadline_id);
    if (found == by_id.end()) {
      out.push_back({dossier_id, prefix, "missing", fmt::format("due {}", day_text(e.due))});
      continue;
    }
    const auto& s = *found->second;
    differ(out, dossier_id, prefix + ".due", day_text(s.due), day_text(e.due));
    differ(out, dossier_id, prefix + ".unit", s.working_days ? "hari kerja" : "hari",
           e.working_days ? "hari kerja" : "hari");
    differ(out, dossier_id, prefix + ".due_soon", std::to_string(s.due_soon),
           std::to_string(e.due_soon));
    differ(out, dossier_id, prefix + ".paused_remaining", std::to_string(s.paused_remaining),
           std::to_string(e.paused_remaining));
    if (with_texts) {
      differ(out, dossier_id, prefix + ".computed_due", day_text(s.computed_due),
             day_text(e.computed_due));
      differ(out, dossier_id, prefix + ".title", s.title, e.title);
      differ(out, dossier_id, prefix + ".basis", s.basis, e.basis);
    }
  }
  for (const auto& s : stored) {
    if (seen.count(s.deadline_id) == 0) {
      out.push_back({dossier_id, fmt::format("{}.{}", what, s.deadline_id),
                     fmt::format("due {}", day_text(s.due)), "not running"});
    }
  }
  return out;
}

ProjectionReport Installation::check_projections(const std::set<std::string>& broken,
                                                 time::Date today) {
  ProjectionReport report;
  report.deadlines_compared =
      store_.setting(kProjectionBasisKey) == projection_basis(config_.calendar());
  std::map<std::string, std::vector<store::DeadlineRow>> deadline_rows_of;
  std::map<std::string, std::vector<store::DeadlineRow>> clocks_of;
  if (report.deadlines_compared) {
    for (auto& row : store_.open_deadlines()) deadline_rows_of[row.dossier_id].push_back(row);
    // What the board reads: the clocks column, through the covering index.
    store_.visit_open_dossiers({}, [&](const store::OpenDossierRow& open) {
      auto& rows = clocks_of[open.id];
      for (const auto& timing : open.deadlines) {
        store::DeadlineRow row;
        static_cast<store::DeadlineTiming&>(row) = timing;
        rows.push_back(std::move(row));
      }
    });
  }
  for (const auto& stored : store_.list({})) {
    if (broken.count(stored.id) != 0) continue;  // its chain is reported already
    std::optional<store::Write> expected;
    try {
      const Dossier dossier = located(stored.workflow, stored.definition_hash);
      auto events = store_.events(stored.id);
      const auto state = runtime::replay(*dossier.definition, events, config_.settings.offset);
      expected = projection(*dossier.definition, state, std::move(events), today);
    } catch (const Error& e) {
      report.skipped.push_back({stored.id, e.said()});
      continue;
    }
    ++report.rows_checked;
    auto found = compare_rows(stored, expected->dossier, report.deadlines_compared);
    if (report.deadlines_compared) {
      auto rows = compare_deadlines(stored.id, "deadlines", deadline_rows_of[stored.id],
                                    expected->deadlines, true);
      found.insert(found.end(), rows.begin(), rows.end());
      if (!stored.closed) {
        auto clocks = compare_deadlines(stored.id, "clocks", clocks_of[stored.id],
                                        expected->deadlines, false);
        found.insert(found.end(), clocks.begin(), clocks.end());
      }
    }
    // The statistics facts, when they were counted with this calendar (else `stats` replays
    // the dossier and the next tick or stats saves them again): the bytes the events give.
    if (const auto saved = store_.statistics_facts(stored.id);
        saved && saved->basis == statistics_basis()) {
      const auto& events = expected->events;
      const auto wanted =
          facts_from_history(*located(stored.workflow, stored.definition_hash).definition, events,
                             config_.calendar(), config_.settings.offset, statistics_basis());
      if (saved->record != wanted.record || saved->version != wanted.version ||
          saved->started != wanted.started || saved->last_day != wanted.last_day) {
        found.push_back({stored.id, "statistics_facts",
                         fmt::format("version {}, {} bytes", saved->version, saved->record.size()),
                         fmt::format("version {}, {} bytes", wanted.version, wanted.record.size())});
      }
    }
    report.mismatches.insert(report.mismatches.end(), found.begin(), found.end());
  }
  return report;
}

}  // namespace regflow::app
