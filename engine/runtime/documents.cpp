#include "engine/runtime/documents.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <set>
#include <utility>

#include "engine/model/utf8.hpp"

namespace regflow::runtime {
namespace {

Refusal refuse(RefusalKind kind, std::string subject, std::string found = {},
               std::string detail = {}, std::vector<std::string> options = {}) {
  return Refusal{kind, std::move(subject), std::move(found), std::move(detail), std::move(options),
                 {}};
}

/// The agencies involved in a dossier: whoever owns or signs one of its steps, and whoever is
/// bound to one of its roles. They hold its drafts; an agency the procedure never reaches does
/// not add papers to it.
std::set<std::string> involved_agencies(const model::WorkflowDefinition& def,
                                        const DossierState& state) {
  std::set<std::string> out;
  for (const auto& step : def.steps) {
    if (!step.owner.empty()) out.insert(resolve_party(def, state, step.owner));
    for (const auto& signer : step.signers) out.insert(resolve_party(def, state, signer));
  }
  for (const auto& [role, agency] : state.bindings) out.insert(agency);
  if (!state.escalated_to.empty()) out.insert(state.escalated_to);
  out.erase(std::string{});
  return out;
}

std::int64_t number(const std::map<std::string, std::string>& data, const char* key) {
  auto it = data.find(key);
  if (it == data.end()) return 0;
  std::int64_t value = 0;
  std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
  return value;
}

std::string text(const std::map<std::string, std::string>& data, const char* key) {
  auto it = data.find(key);
  return it == data.end() ? std::string{} : it->second;
}

}  // namespace

std::string document_name_problem(const std::string& name) {
  if (name.empty()) return "empty";
  if (name.size() > 255) return "too-long";
  if (model::invalid_utf8_at(name)) return "not-utf8";
  if (name == "." || name == "..") return "folder";
  for (const char c : name) {
    if (c == '/' || c == '\\') return "path-separator";
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return "control-character";
  }
  return {};
}

std::string media_type_for_name(const std::string& name) {
  static const std::array<std::pair<const char*, const char*>, 12> kTypes{{
      {".pdf", "application/pdf"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {".odt", "application/vnd.oasis.opendocument.text"},
      {".doc", "application/msword"},
      {".md", "text/markdown"},
      {".txt", "text/plain"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".ods", "application/vnd.oasis.opendocument.spreadsheet"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".zip", "application/zip"},
  }};
  const auto dot = name.rfind('.');
  if (dot == std::string::npos) return "application/octet-stream";
  std::string extension = name.substr(dot);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [ext, type] : kTypes) {
    if (extension == ext) return type;
  }
  return "application/octet-stream";
}

Decision decide_attach(const DecideContext& ctx, const DossierState& state,
                       const AttachCommand& command, const Actor& actor,
                       const model::DocumentPolicy& policy) {
  const auto& def = *ctx.workflow.definition;
  if (state.closed) return refuse(RefusalKind::DossierClosed, state.id, state.step);
  if (policy.find(command.kind) == nullptr) {
    return refuse(RefusalKind::UnknownDocumentKind, command.kind, {}, {}, policy.names());
  }
  if (auto problem = document_name_problem(command.name); !problem.empty()) {
    return refuse(RefusalKind::BadDocumentName, command.name, {}, problem);
  }
  if (command.size <= 0) return refuse(RefusalKind::EmptyDocument, command.name);
  if (command.size > policy.max_size) {
    return refuse(RefusalKind::DocumentTooLarge, command.name, std::to_string(command.size),
                  std::to_string(policy.max_size));
  }
  const auto involved = involved_agencies(def, state);
  std::string agency;
  for (const auto& a : actor.agencies) {
    if (involved.count(a) != 0) {
      agency = a;
      break;
    }
  }
  if (agency.empty()) {
    std::string acts_for;
    for (const auto& a : actor.agencies) acts_for += (acts_for.empty() ? "" : ", ") + a;
    return refuse(RefusalKind::NotAllowed, "attach", acts_for, actor.user,
                  {involved.begin(), involved.end()});
  }
  if (!ctx.roles.allows(actor.role, model::Permission::Act)) {
    return refuse(RefusalKind::RoleMayNot, "attach", actor.role,
                  model::permission_name(model::Permission::Act),
                  ctx.roles.granting(model::Permission::Act));
  }
  Event event;
  event.dossier_id = state.id;
  event.type = EventType::DocumentAttached;
  event.at = ctx.now;
  event.actor = actor.user;
  event.agency = agency;
  event.action = "attach";
  event.from_step = state.step;
  event.to_step = state.step;
  event.note = command.note;
  if (!actor.administrator.empty() && actor.administrator != actor.user) {
    event.data["administrator"] = actor.administrator;
  }
  if (actor.entered_at) event.data["entered_at"] = time::format_instant(*actor.entered_at);
  const auto held = state.documents.find(command.kind);
  event.data["kind"] = command.kind;
  event.data["version"] = std::to_string((held == state.documents.end() ? 0 : held->second) + 1);
  event.data["sha256"] = command.sha256;
  event.data["size"] = std::to_string(command.size);
  event.data["name"] = command.name;
  event.data["media_type"] = command.media_type;
  event.sequence = state.version + 1;
  seal(event, state.last_hash);
  return std::vector<Event>{std::move(event)};
}

std::vector<std::string> missing_documents(const model::WorkflowDefinition& def,
                                           const model::Step& step, const DossierState& state,
                                           const std::string& to_step, bool is_return) {
  if (is_return || to_step.empty() || to_step == step.id) return {};
  // Withdrawing or rejecting a draft needs no papers: the requirement is for going on.
  if (const auto* target = def.find_step(to_step);
      target != nullptr && target->kind == model::StepKind::Final && !target->completes) {
    return {};
  }
  return documents_lacking(step, state);
}

std::vector<std::string> documents_lacking(const model::Step& step, const DossierState& state) {
  std::vector<std::string> lacking;
  for (const auto& kind : step.requires_documents) {
    auto it = state.documents.find(kind);
    if (it == state.documents.end() || it->second == 0) lacking.push_back(kind);
  }
  return lacking;
}

std::vector<DocumentVersion> documents_of(const std::vector<Event>& events) {
  std::vector<DocumentVersion> out;
  for (const auto& e : events) {
    if (e.type != EventType::DocumentAttached) continue;
    DocumentVersion d;
    d.kind = text(e.data, "kind");
    d.version = number(e.data, "version");
    d.step = e.from_step;
    d.actor = e.actor;
    d.agency = e.agency;
    d.at = e.at;
    d.size = number(e.data, "size");
    d.sha256 = text(e.data, "sha256");
    d.name = text(e.data, "name");
    d.media_type = text(e.data, "media_type");
    d.note = e.note;
    d.sequence = e.sequence;
    out.push_back(std::move(d));
  }
  return out;
}

std::optional<DocumentVersion> find_document(const std::vector<DocumentVersion>& documents,
                                             const std::string& kind,
                                             std::optional<std::int64_t> version) {
  std::optional<DocumentVersion> found;
  for (const auto& d : documents) {
    if (d.kind != kind) continue;
    if (version ? d.version == *version : (!found || d.version > found->version)) found = d;
  }
  return found;
}

}  // namespace regflow::runtime
