// The handlers behind the route table (web/routes.hpp): each translates a request into engine
// calls and a view, and chooses a template. Access, CSRF and Origin were checked before.
#pragma once

#include "web/call.hpp"

namespace regflow::web {

// web/sign_in.cpp
Response login_page(Call& call);
Response login_submit(Call& call);
Response logout(Call& call);
/// Resolves the session cookie or the API token of the request into call.user; false when
/// neither signs anybody in.
bool resolve_session(Call& call, bool accept_api_token);

// web/pages.cpp
Response board_page(Call& call);
Response queue_page(Call& call);
Response dossier_page(Call& call);
/// The dossier page with a notice above it (a refusal: "message", "stale") and the posted form
/// kept in its fields; `status` for a refused form is 409 or 422.
Response dossier_page_with(Call& call, const nlohmann::json& notice, int status);
Response dossier_graph(Call& call);
Response workflows_page(Call& call);
Response workflow_page(Call& call);
Response workflow_graph(Call& call);

// web/statistics.cpp, web/downloads.cpp
Response statistics_page(Call& call);
Response statistics_download(Call& call);
Response board_download(Call& call);
// web/dossier_actions.cpp
Response act_submit(Call& call);
Response extend_submit(Call& call);

// web/start_form.cpp
Response start_choice_page(Call& call);
Response start_form_page(Call& call);
Response start_submit(Call& call);

// web/account.cpp
Response account_page(Call& call);
Response reset_feed(Call& call);
Response new_api_token(Call& call);
Response feed(Call& call);

// web/admin.cpp (administrators only; others get 403)
Response admin_page(Call& call);
Response admin_add_user(Call& call);
Response admin_set_password(Call& call);
Response admin_deactivate(Call& call);

// web/api.cpp
Response api_board(Call& call);
Response api_queue(Call& call);
Response api_dossier(Call& call);
Response api_history(Call& call);
Response api_workflows(Call& call);

}  // namespace regflow::web
