#include "web/dossier_actions.hpp"

#include <fmt/format.h>

#include <charconv>

#include "cli/render/dossier.hpp"
#include "cli/render/event_title.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/translate.hpp"
#include "engine/runtime/action_options.hpp"
#include "engine/time/date_input.hpp"
#include "web/form_fields.hpp"
#include "web/handlers.hpp"
#include "web/views.hpp"
#include "web/web_app.hpp"
#include "web/words.hpp"

namespace regflow::web {
namespace {

std::string field(const Call& call, const std::string& name) {
  auto it = call.form.find(name);
  return it == call.form.end() ? std::string{} : it->second;
}

std::string step_title(const model::WorkflowDefinition& definition, const std::string& id) {
  const auto* step = definition.find_step(id);
  return step == nullptr ? id : step->title;
}

std::string quorum_kind(model::QuorumKind kind) {
  switch (kind) {
    case model::QuorumKind::Any:
      return "any";
    case model::QuorumKind::AtLeast:
      return "at_least";
    case model::QuorumKind::All:
      return "all";
  }
  return "all";
}

// The version the form was rendered from; a form without one (crafted, or from an old page)
// is refused rather than applied to whatever the dossier has become.
std::optional<std::int64_t> form_version(const Call& call) {
  const std::string text = field(call, "version");
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < 1) {
    return std::nullopt;
  }
  return value;
}

std::string dossier_url(const std::string& id) {
  return "/d/" + percent_encode(id);
}

// The dossier page again, with a refusal above it and the person's input kept in the forms.
Response refused_page(Call& call, const runtime::Refusal& refusal) {
  nlohmann::json notice = {{"message", cli::render::refusal_text(refusal)},
                           {"stale", refusal.kind == runtime::RefusalKind::VersionConflict},
                           {"stale_words", words::stale_form()}};
  if (refusal.kind == runtime::RefusalKind::VersionConflict) {
    notice["since_version"] = refusal.detail;
  }
  return dossier_page_with(call, notice,
                           refusal.kind == runtime::RefusalKind::VersionConflict ? 409 : 422);
}

Response written(const std::string& id, const std::vector<runtime::Event>& events) {
  const std::int64_t first = events.empty() ? 0 : events.front().sequence;
  return Call::redirect(dossier_url(id) + "?written=" + std::to_string(first));
}

// An irreversible action is asked once more: a page that repeats the form's fields with
// `confirmed=1`, so it needs no JavaScript.
Response confirm_page(Call& call, const app::Dossier& dossier, const runtime::ActionOption& option,
                      const runtime::AdvanceCommand& command) {
  nlohmann::json sets = nlohmann::json::array();
  for (const auto& [key, value] : call.form) {
    if (key.rfind(kSetPrefix, 0) == 0 || key.rfind(kBoolPrefix, 0) == 0) {
      sets.push_back({{"field", key}, {"value", value}});
    }
  }
  nlohmann::json shown = nlohmann::json::array();
  for (const auto& [name, value] : command.sets) {
    const auto* decl = dossier.definition->find_variable(name);
    shown.push_back(
        {{"name", decl != nullptr && !decl->title.empty() ? decl->title : name}, {"value", value}});
  }
  return call.page("confirm",
                   {{"page_title", cli::render::tr("Confirmation")},
                    {"id", dossier.state.id},
                    {"url", dossier_url(dossier.state.id)},
                    {"title", dossier.state.title},
                    {"action", option.name},
                    {"is_sign", option.action == nullptr},
                    {"action_title", option.action != nullptr ? option.action->title : ""},
                    {"to_title", step_title(*dossier.definition, option.to_step)},
                    {"step_title", step_title(*dossier.definition, dossier.state.step)},
                    {"note", command.note},
                    {"version", dossier.state.version},
                    {"hidden", sets},
                    {"sets", shown},
                    {"has_sets", !shown.empty()}});
}

}  // namespace

nlohmann::json acting_view(Call& call, const app::Dossier& d,
                           const std::map<std::string, std::string>& posted) {
  const auto actor = call.actor();
  const auto& def = *d.definition;
  const auto context = call.installation().context(*d.workflow, call.now);
  auto posted_value = [&](const std::string& key) {
    auto it = posted.find(key);
    return it == posted.end() ? std::string{} : it->second;
  };
  const std::string posted_action = posted_value("action");
  nlohmann::json available = nlohmann::json::array();
  nlohmann::json unavailable = nlohmann::json::array();
  for (const auto& o : runtime::action_options(context, d.state, actor)) {
    nlohmann::json item = {{"name", o.name},
                           {"is_sign", o.action == nullptr},
                           {"title", o.action != nullptr ? o.action->title : ""},
                           {"to", o.to_step},
                           {"to_title", o.to_step.empty() ? "" : step_title(def, o.to_step)},
                           {"irreversible", o.irreversible}};
    if (o.refusal) {
      item["reason"] = cli::render::refusal_text(*o.refusal);
      unavailable.push_back(std::move(item));
      continue;
    }
    const bool refilled = posted_action == o.name;
    item["note_required"] = o.action != nullptr && o.action->note_required;
    item["is_return"] = o.action != nullptr && o.action->is_return;
    item["note"] = refilled ? posted_value("note") : "";
    nlohmann::json sets = nlohmann::json::array();
    if (o.action != nullptr) {
      for (const auto& name : o.action->sets) {
        const auto* decl = def.find_variable(name);
        if (decl == nullptr) continue;
        std::string value;
        if (refilled) {
          value = posted_value(std::string(kSetPrefix) + name);
        } else if (auto it = d.state.variables.find(name); it != d.state.variables.end()) {
          value = model::to_text(it->second);
        }
        auto input = variable_field(*decl, value, false, false);
        input["required"] = false;  // required when the dossier starts; here the engine says
        sets.push_back(std::move(input));
      }
    }
    item["sets"] = sets;
    item["open"] = refilled;
    available.push_back(std::move(item));
  }
  nlohmann::json extend = nlohmann::json::array();
  bool may_extend = false;
  bool extend_refilled = false;
  for (const auto& o : runtime::extend_options(context, d.state, actor)) {
    const auto* clock = d.state.find_clock(o.deadline);
    const std::string title = clock != nullptr && !clock->title.empty() ? clock->title : o.deadline;
    nlohmann::json item = {{"deadline", o.deadline}, {"title", title}, {"allowed", !o.refusal}};
    if (o.refusal) {
      item["reason"] = cli::render::refusal_text(*o.refusal);
    } else {
      may_extend = true;
      const bool refilled = posted_value("deadline") == o.deadline;
      item["to"] = refilled ? posted_value("to") : "";
      item["reason_text"] = refilled ? posted_value("reason") : "";
      extend_refilled = extend_refilled || refilled;
    }
    extend.push_back(std::move(item));
  }
  nlohmann::json view = {{"version", d.state.version},
                         {"available", available},
                         {"unavailable", unavailable},
                         {"any_available", !available.empty()},
                         {"any_unavailable", !unavailable.empty()},
                         {"extend", extend},
                         {"any_extend", !extend.empty()},
                         {"may_extend", may_extend},
                         {"extend_refilled", extend_refilled},
                         {"id_url", dossier_url(d.state.id)}};
  if (const auto* step = def.find_step(d.state.step);
      step != nullptr && step->kind == model::StepKind::SignOff) {
    std::set<std::string> signers;
    for (const auto& s : step->signers) signers.insert(runtime::resolve_party(def, d.state, s));
    view["quorum"] =
        words::quorum(quorum_kind(step->quorum.kind), step->quorum.count, signers.size());
  }
  return view;
}

nlohmann::json written_notice(const app::Dossier& d, std::int64_t first, time::UtcOffset offset) {
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : d.events) {
    if (first < 1 || e.sequence < first) continue;
    nlohmann::json item = cli::render::event_json(e);
    item["when"] = local_time_text(item.value("at", ""), offset);
    item["from_title"] = step_title(*d.definition, e.from_step);
    item["to_title"] = step_title(*d.definition, e.to_step);
    item["moved"] = !e.to_step.empty() && e.to_step != e.from_step;
    item["action_title"] = cli::render::event_title(e, *d.definition);
    item["line"] = cli::render::event_line(e, *d.definition);
    events.push_back(std::move(item));
  }
  return events;
}

Response act_submit(Call& call) {
  const std::string& id = call.params.at("id");
  auto& installation = call.installation();
  auto dossier = installation.read_state(id);
  if (!dossier) return call.error(404, cli::render::trf("There is no dossier '{}'.", id));
  runtime::AdvanceCommand command;
  command.action = field(call, "action");
  command.note = field(call, "note");
  command.sets = posted_sets(call.form);
  command.expect_version = form_version(call);
  if (!command.expect_version) return call.error(400, words::form_without_version());
  const auto actor = call.actor();
  if (*command.expect_version == dossier->state.version && field(call, "confirmed") != "1") {
    const auto context = installation.context(*dossier->workflow, call.now);
    for (const auto& o : runtime::action_options(context, dossier->state, actor)) {
      if (o.name == command.action && o.irreversible && !o.refusal) {
        return confirm_page(call, *dossier, o, command);
      }
    }
  }
  auto outcome = installation.advance(id, command, actor, call.now);
  if (auto* refusal = std::get_if<runtime::Refusal>(&outcome)) return refused_page(call, *refusal);
  return written(id, std::get<std::vector<runtime::Event>>(outcome));
}

Response extend_submit(Call& call) {
  const std::string& id = call.params.at("id");
  auto& installation = call.installation();
  if (!installation.read_state(id))
    return call.error(404, cli::render::trf("There is no dossier '{}'.", id));
  runtime::ExtendCommand command;
  command.deadline = field(call, "deadline");
  command.reason = field(call, "reason");
  command.expect_version = form_version(call);
  if (!command.expect_version) return call.error(400, words::form_without_version());
  const std::string to = field(call, "to");
  auto date = time::parse_date_input(to);
  if (!date) {
    return dossier_page_with(call, {{"message", words::not_a_date(to)}, {"stale", false}}, 422);
  }
  command.to = *date;
  auto outcome = installation.extend(id, command, call.actor(), call.now);
  if (auto* refusal = std::get_if<runtime::Refusal>(&outcome)) return refused_page(call, *refusal);
  return written(id, std::get<std::vector<runtime::Event>>(outcome));
}

}  // namespace regflow::web
