// A dossier for people (show, history) and for programs (--json, stable keys documented in the
// README).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/app/installation.hpp"

namespace regflow::cli::render {

/// "deadline 'X' moved from A to B by DECREE on D": how the history and `show` tell that a
/// decree moved a running deadline (dates already in the reader's format).
std::string moved_words(const std::string& deadline, const std::string& from, const std::string& to,
                        const std::string& decree, const std::string& on);
/// What an event did, in one line of words ("sign: paraf_koordinasi", "deadline 'fasilitasi'
/// moved from 16/03/2021 to 15/03/2021 by SKB ... on 22/02/2021").
std::string describe_event(const runtime::Event& event);
/// A date the event carries in its data ("due", "to") as a table shows dates; "" when absent.
std::string event_date_text(const runtime::Event& event, const char* key);
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
