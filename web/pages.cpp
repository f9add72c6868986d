// The pages a person reads: the board, their queue, a dossier, the procedures. Each one reads
// through the engine calls `regflow board`, `queue`, `show`, `history` and `graph` make, and
// renders the same data the API gives (web/views.hpp) through a template.
#include <fmt/format.h>

#include "cli/render/dossier.hpp"
#include "cli/render/dot.hpp"
#include "cli/render/event_title.hpp"
#include "cli/render/translate.hpp"
#include "cli/render/variable_facts.hpp"
#include "engine/check/checker.hpp"
#include "web/board_query.hpp"
#include "web/corrections.hpp"
#include "web/document_diff.hpp"
#include "web/documents.hpp"
#include "web/dossier_actions.hpp"
#include "web/handlers.hpp"
#include "web/publication.hpp"
#include "web/views.hpp"
#include "web/web_app.hpp"
#include "web/words.hpp"

namespace regflow::web {
namespace {

nlohmann::json filter_choices(Call& call, const BoardQuery& query) {
  const auto& config = call.app.config();
  nlohmann::json agencies = nlohmann::json::array();
  for (const auto& [code, agency] : config.agencies.all()) {
    agencies.push_back(
        {{"code", code}, {"name", agency.name}, {"selected", code == query.filter.agency}});
  }
  nlohmann::json workflows = nlohmann::json::array();
  for (const auto& w : config.workflows) {
    workflows.push_back(
        {{"name", w.name}, {"title", w.title}, {"selected", w.name == query.filter.workflow}});
  }
  nlohmann::json statuses = nlohmann::json::array();
  for (const char* status : {"overdue", "due soon", "on track", "paused", "no deadline"}) {
    statuses.push_back({{"status", status},
                        {"status_words", words::status(status)},
                        {"selected", query.filter.status == status}});
  }
  return {{"agencies", agencies},       {"workflows", workflows},
          {"statuses", statuses},       {"q", query.filter.text},
          {"asof", call.query("asof")}, {"today", time::format_date(call.today)}};
}

Response svg(const std::string& text) {
  Response response{200, {{"Content-Type", "image/svg+xml"}}, text};
  return response;
}

}  // namespace

Response board_page(Call& call) {
  std::string problem;
  auto query = board_query(call, problem, kBoardScreenLimit);
  if (!query) return call.error(400, problem);
  nlohmann::json view = board_view(board_data(call, *query), call.app.config().agencies);
  if (view.value("not_shown", 0) > 0) {
    auto all = call.target.query;
    all["limit"] = "0";
    std::string link = "/?";
    for (const auto& [name, value] : all) {
      link += (link.size() > 2 ? "&" : "") + percent_encode(name) + "=" + percent_encode(value);
    }
    view["show_all_url"] = link;
  }
  view["filters"] = filter_choices(call, *query);
  view["page_title"] = cli::render::tr("Board");
  // The downloads and the printed page carry the page's filters (not its screen limit: a
  // download holds up to kBoardPageLimit dossiers, as `regflow board` does).
  std::string download_query, filter_words;
  for (const auto& [name, value] : call.target.query) {
    if (name == "limit" || value.empty()) continue;
    download_query += "&" + percent_encode(name) + "=" + percent_encode(value);
    filter_words += (filter_words.empty() ? "" : ", ") + words::board_filter(name) + " " + value;
  }
  view["download_query"] = download_query;
  view["filter_words"] = filter_words;
  view["printed_at"] = words::as_of_moment(time::format_date(query->today), call.today, call.now,
                                           call.app.config().settings.offset);
  view["what_if"] = query->today != call.today;
  // The filters stay folded (the list comes first on a phone) unless one is in use.
  view["filtered"] = !call.target.query.empty();
  return call.page("board", std::move(view));
}

Response queue_page(Call& call) {
  nlohmann::json queues = nlohmann::json::array();
  for (const auto& agency : call.user->agencies) {
    BoardQuery query;
    query.today = call.today;
    query.filter.agency = agency;
    query.filter.limit = kBoardPageLimit;
    nlohmann::json view = board_view(board_data(call, query), call.app.config().agencies);
    view["agency"] = agency;
    view["agency_name"] = call.app.config().agencies.name_of(agency);
    queues.push_back(std::move(view));
  }
  return call.page("queue", {{"page_title", cli::render::tr("My queue")}, {"queues", queues}});
}

Response dossier_page(Call& call) {
  return dossier_page_with(call, nlohmann::json::object(), 200);
}

Response dossier_page_with(Call& call, const nlohmann::json& notice, int status) {
  const std::string& id = call.params.at("id");
  auto& installation = call.installation();
  auto dossier = installation.read(id);
  if (!dossier) return call.error(404, cli::render::trf("There is no dossier '{}'.", id));
  const auto actor = call.actor();
  const auto offset = installation.config().settings.offset;
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : dossier->events) {
    // The history reads in the workflow's Indonesian titles, not its code names.
    auto item = cli::render::event_json(e);
    const auto* from = dossier->definition->find_step(e.from_step);
    const auto* to = dossier->definition->find_step(e.to_step);
    item["action_title"] = cli::render::event_title(e, *dossier->definition);
    item["from_title"] = from != nullptr ? from->title : e.from_step;
    item["to_title"] = to != nullptr ? to->title : e.to_step;
    events.push_back(std::move(item));
  }
  nlohmann::json view =
      dossier_view(cli::render::dossier_json(*dossier, installation.config(), call.today, actor),
                   events, offset, installation.config().agencies);
  view["page_title"] = id;
  // A role reads by the title the procedure gives it, as the variables below do.
  for (auto& binding : view["bindings_list"]) {
    const auto* role = dossier->definition->find_role(binding["role"].get<std::string>());
    binding["role_title"] =
        role != nullptr && !role->title.empty() ? role->title : binding["role"].get<std::string>();
  }
  view["variables_list"] = nlohmann::json::array();
  for (const auto& fact : cli::render::variable_facts(*dossier->definition, dossier->state)) {
    view["variables_list"].push_back({{"name", fact.name},
                                      {"title", fact.title},
                                      {"value", fact.value},
                                      {"filled", fact.filled}});
  }
  view["graph_url"] = "/d/" + percent_encode(id) + "/graph.svg";
  // The acting half (web/dossier_actions.cpp): a refused form comes back with its input.
  view["acting"] = acting_view(call, *dossier, status == 200 ? decltype(call.form){} : call.form);
  if (!notice.empty()) view["notice"] = notice;
  if (notice.contains("since_version")) {
    // Who acted first and what they wrote, since the version the person's page showed.
    const auto since = std::stoll(notice["since_version"].get<std::string>());
    view["notice"]["changes"] = written_notice(*dossier, since + 1, offset);
    view["notice"]["has_changes"] = !view["notice"]["changes"].empty();
  }
  if (const std::string first = call.query("written"); !first.empty() && status == 200) {
    std::int64_t n = 0;
    try {
      n = std::stoll(first);
    } catch (const std::exception&) {
      n = 0;  // a hand-edited address: show no notice
    }
    auto written = written_notice(*dossier, n, offset);
    view["has_written"] = !written.empty();
    view["written"] = written;
  }
  view["documents_section"] =
      documents_view(id, dossier->events, installation.config().settings.documents,
                     installation.config().settings.offset);
  if (!dossier->state.closed) view["documents_section"]["upload"] = upload_view(call, *dossier);
  view["documents_section"]["compare"] =
      comparison_forms_view(id, dossier->events, installation.config().settings.documents);
  view["documents_section"]["publication"] = publication_view(call, *dossier);
  view["corrections"] = corrections_view(call, *dossier);
  return call.page("dossier", std::move(view), status);
}

Response dossier_graph(Call& call) {
  const std::string& id = call.params.at("id");
  auto& installation = call.installation();
  auto dossier = installation.read(id);
  if (!dossier) return call.error(404, cli::render::trf("There is no dossier '{}'.", id));
  bool late = false;
  for (const auto& v : deadline::evaluate_all(*dossier->definition, dossier->state,
                                              installation.config().calendar(), call.today)) {
    late = late || v.status == deadline::Status::Overdue;
  }
  const std::string dot = cli::render::workflow_dot(
      *dossier->definition, check::routes_of(*dossier->definition, installation.config().rules),
      dossier->state.step, dossier->state.reached, late);
  return svg(call.app.graphs().svg(dot));
}

Response workflows_page(Call& call) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& w : call.app.config().workflows) {
    list.push_back({{"name", w.name},
                    {"title", w.title},
                    {"version", w.version},
                    {"basis", w.basis},
                    {"steps", w.steps.size()}});
  }
  return call.page("workflows",
                   {{"page_title", cli::render::tr("Procedures")}, {"workflows", list}});
}

Response workflow_page(Call& call) {
  const std::string& name = call.params.at("name");
  const auto* w = call.app.config().find(name);
  if (w == nullptr) return call.error(404, cli::render::trf("There is no procedure '{}'.", name));
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& step : w->steps) {
    std::string limit;
    if (step.limit && step.limit->within_table) {
      limit = cli::render::trf("by the table {}", step.limit->within_table->table);
    } else if (step.limit) {
      limit =
          fmt::format("{} {}", step.limit->within.amount, time::unit_name(step.limit->within.unit));
    }
    std::string signers;
    for (const auto& s : step.signers) signers += (signers.empty() ? "" : ", ") + s;
    steps.push_back({{"id", step.id},
                     {"title", step.title},
                     {"owner", step.owner},
                     {"with", step.with},
                     {"signers", signers},
                     {"limit", limit},
                     {"basis", step.limit ? step.limit->basis : step.basis},
                     {"final", step.kind == model::StepKind::Final}});
  }
  nlohmann::json deadlines = nlohmann::json::array();
  for (const auto& d : w->deadlines) {
    deadlines.push_back(
        {{"id", d.id},
         {"title", d.title},
         {"within", fmt::format("{} {}", d.within.amount, time::unit_name(d.within.unit))},
         {"basis", d.basis}});
  }
  return call.page("workflow",
                   {{"page_title", w->title},
                    {"name", w->name},
                    {"title", w->title},
                    {"version", w->version},
                    {"basis", w->basis},
                    {"steps", steps},
                    {"deadlines", deadlines},
                    {"has_deadlines", !deadlines.empty()},
                    {"graph_url", "/workflows/" + percent_encode(w->name) + "/graph.svg"}});
}

Response workflow_graph(Call& call) {
  const std::string& name = call.params.at("name");
  const auto* w = call.app.config().find(name);
  if (w == nullptr) return call.error(404, cli::render::trf("There is no procedure '{}'.", name));
  return svg(call.app.graphs().svg(
      cli::render::workflow_dot(*w, check::routes_of(*w, call.app.config().rules))));
}

}  // namespace regflow::web
