// Starting a dossier in the browser: a form generated from the workflow definition in force
// today (title, every variable as the input of its type — those an action fills in later folded
// away, runtime/start_variables.hpp —, every role as a choice of agencies, an optional target),
// sent to the same engine call as `regflow start`. No role gets a silent default that its
// definition does not declare: the initiating agency is chosen every time.
#include <fmt/format.h>

#include <charconv>
#include <set>

#include "cli/render/refusal.hpp"
#include "cli/render/translate.hpp"
#include "engine/runtime/start_variables.hpp"
#include "engine/time/date_input.hpp"
#include "web/form_fields.hpp"
#include "web/handlers.hpp"
#include "web/web_app.hpp"
#include "web/words.hpp"

namespace regflow::web {
namespace {

constexpr const char* kBindPrefix = "bind.";

std::string field(const Call& call, const std::string& name) {
  auto it = call.form.find(name);
  return it == call.form.end() ? std::string{} : it->second;
}

// The form, with what was posted kept (after a refusal) and the refusal above it.
Response form_page(Call& call, const model::WorkflowDefinition& w, const std::string& message,
                   int status) {
  const bool posted = !call.form.empty();
  // A number an action fills in later is offered folded away, not asked for.
  model::Diagnostics unused;
  const auto later = runtime::filled_later(runtime::prepare(w, call.app.config().rules, unused));
  nlohmann::json variables = nlohmann::json::array();
  nlohmann::json later_variables = nlohmann::json::array();
  for (const auto& v : w.variables) {
    (later.contains(v.name) ? later_variables : variables)
        .push_back(variable_field(v, field(call, std::string(kSetPrefix) + v.name), true, !posted));
  }
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& role : w.roles) {
    const std::string chosen = posted ? field(call, kBindPrefix + role.name) : role.default_agency;
    nlohmann::json agencies = nlohmann::json::array();
    for (const auto& [code, agency] : call.app.config().agencies.all()) {
      if (agency.outside) continue;  // an outside body holds files, it owns no step
      agencies.push_back({{"code", code}, {"name", agency.name}, {"selected", code == chosen}});
    }
    roles.push_back({{"name", role.name},
                     {"field", kBindPrefix + role.name},
                     {"title", role.title.empty() ? role.name : role.title},
                     {"none_chosen", chosen.empty()},
                     {"agencies", agencies}});
  }
  const std::string kind = field(call, "target_kind");
  nlohmann::json view = {{"page_title", cli::render::trf("New dossier: {}", w.title)},
                         {"workflow", w.name},
                         {"workflow_title", w.title},
                         {"basis", w.basis},
                         {"title", field(call, "title")},
                         {"has_variables", !variables.empty()},
                         {"has_roles", !roles.empty()},
                         {"variables", variables},
                         {"has_later_variables", !later_variables.empty()},
                         {"later_variables", later_variables},
                         {"roles", roles},
                         {"target_none", kind.empty()},
                         {"target_days", kind == "days"},
                         {"target_working_days", kind == "working_days"},
                         {"target_date", kind == "date"},
                         {"target_amount", field(call, "target_amount")},
                         {"target_on", field(call, "target_on")},
                         {"message", message}};
  return call.page("start", std::move(view), status);
}

// "14" → 14; nullopt for anything that is not a whole number from 1 (the engine bounds it).
std::optional<int> day_count(const std::string& text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < 1) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

Response start_choice_page(Call& call) {
  nlohmann::json list = nlohmann::json::array();
  std::set<std::string> seen;
  for (const auto& name : call.app.config().workflow_names()) {
    if (!seen.insert(name).second) continue;
    const auto* w = call.app.config().find(name);
    if (w == nullptr) continue;
    list.push_back({{"name", w->name}, {"title", w->title}, {"basis", w->basis}});
  }
  return call.page("start_choice",
                   {{"page_title", cli::render::tr("New dossier")}, {"workflows", list}});
}

Response start_form_page(Call& call) {
  const auto* w = call.app.config().find(call.params.at("workflow"));
  if (w == nullptr) {
    return call.error(404,
                      cli::render::trf("There is no procedure '{}'.", call.params.at("workflow")));
  }
  return form_page(call, *w, "", 200);
}

Response start_submit(Call& call) {
  const std::string& name = call.params.at("workflow");
  const auto* w = call.app.config().find(name);
  if (w == nullptr) return call.error(404, cli::render::trf("There is no procedure '{}'.", name));
  runtime::StartCommand command;
  command.title = field(call, "title");
  command.sets = posted_sets(call.form);
  const std::string bind_prefix = kBindPrefix;
  for (const auto& [key, value] : call.form) {
    if (key.rfind(bind_prefix, 0) == 0 && !value.empty()) {
      command.bindings[key.substr(bind_prefix.size())] = value;
    }
  }
  const std::string kind = field(call, "target_kind");
  if (kind == "days" || kind == "working_days") {
    const std::string amount = field(call, "target_amount");
    const auto days = day_count(amount);
    if (!days) return form_page(call, *w, words::not_a_day_count(amount), 422);
    command.within = time::parse_duration(std::to_string(*days) + (kind == "days" ? "d" : "wd"));
    if (!command.within) return form_page(call, *w, words::not_a_day_count(amount), 422);
  } else if (kind == "date") {
    const std::string on = field(call, "target_on");
    command.target = time::parse_date_input(on);
    if (!command.target) return form_page(call, *w, words::not_a_date(on), 422);
  }
  auto outcome = call.installation().start(name, command, call.actor(), call.now);
  if (auto* refusal = std::get_if<runtime::Refusal>(&outcome)) {
    return form_page(call, *w, cli::render::refusal_text(*refusal), 422);
  }
  return Call::redirect("/d/" + percent_encode(std::get<std::string>(outcome)) + "?written=1");
}

}  // namespace regflow::web
