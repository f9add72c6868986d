#include "web/corrections.hpp"

#include <fmt/format.h>

#include "cli/render/dates.hpp"
#include "cli/render/refusal.hpp"
#include "engine/runtime/decide_correction.hpp"
#include "web/web_app.hpp"

namespace regflow::web {
namespace {

std::string field(const Call& call, const std::string& name) {
  const auto it = call.form.find(name);
  return it == call.form.end() ? std::string{} : it->second;
}

/// The dossier page again after a change, or the engine's refusal in the words the command
/// line prints, with the way back.
Response outcome(Call& call, const std::string& id, const app::AdvanceOutcome& result) {
  if (const auto* refusal = std::get_if<runtime::Refusal>(&result)) {
    const int status = refusal->kind == runtime::RefusalKind::UnknownDossier ? 404 : 422;
    return call.page(
        "correction_refused",
        {{"page_title", id}, {"id", id}, {"message", cli::render::refusal_text(*refusal)}}, status);
  }
  return Call::redirect("/d/" + percent_encode(id));
}

}  // namespace

nlohmann::json corrections_view(Call& call, const app::Dossier& dossier) {
  const auto& state = dossier.state;
  const auto& def = *dossier.definition;
  const auto actor = call.actor();
  const auto ctx = call.installation().context(*dossier.workflow, call.now);
  nlohmann::json view = {{"id", state.id}, {"title", state.title}};
  if (!state.kendala.empty()) {
    view["kendala"] = {{"text", state.kendala},
                       {"agency", call.app.config().agencies.name_of(state.kendala_agency)},
                       {"on", cli::render::date_text(time::local_date(
                                  state.kendala_at, call.app.config().settings.offset))}};
  }
  if (state.cancelled) view["cancelled"] = {{"reason", state.cancel_reason}};
  if (state.closed) return view;

  if (auto refusal = runtime::kendala_refusal(ctx, state, actor)) {
    view["kendala_refused"] = cli::render::refusal_text(*refusal);
  } else {
    view["kendala_open"] = true;
  }
  // The correction forms only while a start mistake can still be put right at all; to whom it
  // is not open, the engine's reason.
  if (state.step != def.initial || state.reached.size() > 1) return view;
  view["first_step"] = true;
  if (auto refusal = runtime::starter_refusal(ctx, state, actor, "correct")) {
    view["correct_refused"] = cli::render::refusal_text(*refusal);
    return view;
  }
  view["correct_open"] = true;
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& role : def.roles) {
    const std::string bound = runtime::resolve_party(def, state, role.name);
    nlohmann::json choices = nlohmann::json::array();
    for (const auto& [code, agency] : call.app.config().agencies.all()) {
      if (agency.outside && code != bound) continue;
      choices.push_back({{"code", code}, {"name", agency.name}, {"selected", code == bound}});
    }
    roles.push_back({{"role", role.name},
                     {"role_title", role.title.empty() ? role.name : role.title},
                     {"choices", choices}});
  }
  view["roles"] = roles;
  return view;
}

Response correct_dossier(Call& call) {
  const std::string& id = call.params.at("id");
  runtime::CorrectCommand command;
  if (call.form.count("title") != 0) command.title = field(call, "title");
  for (const auto& [name, value] : call.form) {
    if (name.rfind("bind.", 0) == 0) command.bindings[name.substr(5)] = value;
  }
  return outcome(call, id, call.installation().correct(id, command, call.actor(), call.now));
}

Response cancel_dossier(Call& call) {
  const std::string& id = call.params.at("id");
  return outcome(call, id,
                 call.installation().cancel(id, runtime::CancelCommand{field(call, "reason")},
                                            call.actor(), call.now));
}

Response kendala_dossier(Call& call) {
  const std::string& id = call.params.at("id");
  const runtime::KendalaCommand command{field(call, "text"), field(call, "clear") == "1"};
  return outcome(call, id, call.installation().record_kendala(id, command, call.actor(), call.now));
}

}  // namespace regflow::web
