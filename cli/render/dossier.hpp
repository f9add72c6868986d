// A dossier for people (show, history) and for programs (--json, stable keys documented in the
// README).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/app/installation.hpp"

namespace regflow::cli::render {

/// What an event did, in one line of words ("signed 'paraf_koordinasi'", "deadline 'fasilitasi'
/// moved 2021-03-16 -> 2021-03-15 by SKB ... (signed 2021-02-22)").
std::string describe_event(const runtime::Event& event);
std::string event_line(const runtime::Event& event, const model::WorkflowDefinition& definition);
nlohmann::json event_json(const runtime::Event& event);
nlohmann::json row_json(const store::DossierRow& row);
nlohmann::json deadline_json(const deadline::DeadlineView& view);
/// "3 hari kerja left", "2 hari overdue", "due today".
std::string days_text(const deadline::DeadlineView& view);

std::string dossier_text(const app::Dossier& dossier, app::Installation& installation,
                         time::Date today, time::Instant now,
                         const std::optional<runtime::Actor>& actor);
nlohmann::json dossier_json(const app::Dossier& dossier, const load::ConfigSet& config,
                            time::Date today, const std::optional<runtime::Actor>& actor);
std::string history_text(const app::Dossier& dossier, time::UtcOffset offset);

}  // namespace regflow::cli::render
