#include "cli/render/refusal.hpp"

#include <fmt/format.h>

#include <string_view>

#include "cli/render/suggestion.hpp"
#include "cli/render/translate.hpp"
#include "engine/model/spelling.hpp"
#include "engine/model/value.hpp"
#include "engine/time/date.hpp"

namespace regflow::cli::render {
namespace {

// The accepted values, the built-in sign action under its name in the reader's language.
std::string options_or(const std::vector<std::string>& options, const std::string& none) {
  if (options.empty()) return none;
  std::vector<std::string> shown = options;
  for (auto& option : shown) {
    if (option == "sign") option = tr("sign");
  }
  return model::quoted_list(shown);
}

// The type of a variable (its YAML name) in words; English keeps the YAML's own type names.
std::string type_words(const std::string& type) {
  const auto parsed = model::parse_type_name(type);
  return parsed ? words(model::type_word(*parsed)) : type;
}

// What is wrong with a document's name, by runtime::document_name_problem's code.
std::string document_name_problem_words(const std::string& code) {
  if (code == "empty") return tr("it is empty");
  if (code == "too-long") return tr("it is longer than 255 bytes");
  if (code == "not-utf8") return tr("it is not UTF-8 text");
  if (code == "folder") return tr("it names a folder");
  if (code == "path-separator") return tr("it contains a path separator");
  if (code == "control-character") return tr("it contains a control character");
  return code;
}

}  // namespace

std::string unknown_agency_text(const std::string& code, const std::vector<std::string>& codes) {
  return refusal_text({runtime::RefusalKind::UnknownAgency, code, "", "", codes, {}});
}

std::string unknown_workflow_text(const std::string& name, const std::vector<std::string>& names) {
  return refusal_text({runtime::RefusalKind::UnknownWorkflow, name, "", "", names, {}});
}

std::string guard_text(const std::string& guard,
                       const std::vector<std::pair<std::string, std::string>>& reads) {
  std::string facts;
  for (const auto& [name, value] : reads) {
    facts += (facts.empty() ? "" : ", ") +
             (value.empty() ? trf("{} is not set", name) : trf("{} is '{}'", name, value));
  }
  return trf("requires {} — {}", guard, facts.empty() ? tr("it is false") : facts);
}

std::string refusal_text(const runtime::Refusal& r) {
  using K = runtime::RefusalKind;
  switch (r.kind) {
    case K::UnknownDocumentKind:
      return trf("unknown document kind '{}'{}; kinds: {}", r.subject,
                 did_you_mean(r.subject, r.options), options_or(r.options, tr("none")));
    case K::EmptyDocument:
      return trf("document '{}' is empty; attach a file with content", r.subject);
    case K::DocumentTooLarge:
      return trf(
          "document '{}' is {} bytes, over the limit of {} bytes (documents."
          "max_size_mib in settings.yaml)",
          r.subject, r.found, r.detail);
    case K::BadDocumentName:
      return trf(
          "document name '{}' is not accepted: {}; give a plain file name such as "
          "'naskah-v2.docx'",
          r.subject, document_name_problem_words(r.detail));
    case K::DocumentsMissing:
      return trf(
          "step '{}' cannot be left by '{}' before these documents are attached: "
          "{}; attach them with 'regflow attach ID FILE --kind KIND'",
          r.found, r.subject, options_or(r.options, tr("none")));
    case K::NoVersionInForce:
      return trf("no version of workflow '{}' was in force on {}; versions: {}", r.subject, r.found,
                 options_or(r.options, tr("none")));
    case K::UnknownWorkflow:
      return trf("unknown workflow '{}'{}; loaded workflows: {}", r.subject,
                 did_you_mean(r.subject, r.options), options_or(r.options, tr("none")));
    case K::UnknownDossier:
      return trf("no dossier '{}' in this database; 'regflow list' shows the dossiers", r.subject);
    case K::DossierClosed:
      return trf("dossier '{}' is closed (final step '{}'); nothing more can be done on it",
                 r.subject, r.found);
    case K::UnknownAction:
      return trf("step '{}' has no action '{}'{}; actions here: {}", r.found, r.subject,
                 did_you_mean(r.subject, r.options), options_or(r.options, tr("none")));
    case K::ActionNotHere:
      return trf(
          "action '{}' is not available in step '{}' (it belongs to step {}); "
          "actions here: {}",
          r.subject, r.found, model::quoted_list({r.detail}), options_or(r.options, tr("none")));
    case K::NotAllowed:
      if (r.subject == "correct" || r.subject == "cancel") {
        return trf(
            "'{}' acts for {} and may not {} this dossier; only the agency that started it "
            "may: {}",
            r.detail, r.found.empty() ? tr("no agency") : "'" + r.found + "'", r.subject,
            options_or(r.options, tr("none")));
      }
      if (r.subject == "kendala") {
        return trf(
            "'{}' acts for {}, which is not involved in this dossier; a kendala is "
            "recorded by an agency involved: {}",
            r.detail, r.found.empty() ? tr("no agency") : "'" + r.found + "'",
            options_or(r.options, tr("none")));
      }
      return trf("'{}' acts for {} and may not take '{}' here; only {} may", r.detail,
                 r.found.empty() ? tr("no agency") : "'" + r.found + "'", r.subject,
                 options_or(r.options, tr("nobody (the step's owner is not bound)")));
    case K::NoteRequired:
      return trf("'{}' needs a reason: give --{} TEXT", r.subject,
                 r.subject == "extend" || r.subject == "cancel" ? "reason" : "note");
    case K::GuardFalse:
      return trf("action '{}' {}", r.subject, guard_text(r.detail, r.inputs));
    case K::UnknownVariable:
      return trf("unknown variable '{}'{}; variables: {}", r.subject,
                 did_you_mean(r.subject, r.options), options_or(r.options, tr("none")));
    case K::VariableNotSettable:
      return trf("action '{}' may not set '{}'; it may set: {}", r.found, r.subject,
                 options_or(r.options, tr("nothing")));
    case K::BadValue:
      return trf(
          "'{}' is not a valid {} for '{}'{}", r.found, type_words(r.detail), r.subject,
          !r.options.empty() ? did_you_mean(r.found, r.options) +
                                   trf("; accepted values: {}", model::quoted_list(r.options))
          : r.detail == "date"   ? trf("; expected a date YYYY-MM-DD or DD/MM/YYYY from {}",
                                       words(time::accepted_range()))
          : r.detail == "bool"   ? tr("; accepted values: true, false, ya, tidak (in any case)")
          : r.detail == "number" ? tr("; expected a number, e.g. 12 or 2.5")
                                 : std::string{});
    case K::MissingVariable:
      return trf("'{}' must be given when the dossier starts: --set {}=VALUE ({}{})", r.subject,
                 r.subject, r.detail,
                 r.options.empty() ? "" : ": " + model::quoted_list(r.options));
    case K::UnknownRole:
      return trf("unknown role '{}'{}; roles: {}", r.subject, did_you_mean(r.subject, r.options),
                 options_or(r.options, tr("none")));
    case K::UnknownAgency:
      return trf("unknown agency '{}'{}; see workflows/agencies.yaml", r.subject,
                 did_you_mean(r.subject, r.options));
    case K::UnboundRole:
      return trf(
          "workflow '{}' needs role '{}'{} bound to an agency, and it has no "
          "default: give --bind {}=AGENCY; agencies that can be one: {}",
          r.found, r.subject, r.detail.empty() ? "" : " (" + r.detail + ")", r.subject,
          options_or(r.options, tr("none")));
    case K::NotASigner:
      return trf("'{}' is not among the agencies still to sign step '{}'; waiting for: {}",
                 r.subject, r.found, options_or(r.options, tr("nobody")));
    case K::AlreadySigned:
      return trf("'{}' has already signed this step (by '{}'); each agency signs once", r.subject,
                 r.found);
    case K::VersionConflict:
      return trf(
          "dossier is at version {}, not {} as expected: '{}' changed it (now at "
          "step '{}'); nothing was written — look again with 'regflow show'",
          r.found, r.detail, r.subject, r.options.empty() ? "" : r.options.front());
    case K::UnknownDeadline:
      return trf("no deadline '{}' on this dossier{}; deadlines: {}", r.subject,
                 did_you_mean(r.subject, r.options), options_or(r.options, tr("none")));
    case K::DeadlineEnded:
      return trf("deadline '{}' has already ended; only a running deadline can be extended",
                 r.subject);
    case K::BadExtension:
      return trf("cannot move deadline '{}' to {}, which is before today ({})", r.subject, r.found,
                 r.detail);
    case K::RouteFailed:
      return trf(
          "action '{}' could not choose its next step: decision table '{}' has no "
          "row for this dossier's values",
          r.subject, r.detail);
    case K::NoTarget:
      return tr("give either --target DATE or --within DURATION, not both");
    case K::RoleMayNot:
      return trf("the role '{}' may not {} ('{}'); roles that may: {}", r.found, r.detail,
                 r.subject, options_or(r.options, tr("none (see roles: in settings.yaml)")));
    case K::PersonAlreadySigned:
      return trf(
          "'{}' has already signed this step for '{}'; one person signs once per "
          "step, whatever agencies they hold; another person of the agency may sign",
          r.subject, r.found);
    case K::EmptyValue:
      return trf("{} must not be empty; give the text", r.subject);
    case K::DefinitionNotAccepted:
      if (!r.options.empty()) {
        return trf(
            "workflow '{}' version {} is older than version {} that this database holds, and has "
            "not governed a dossier here yet; an administrator accepts it with 'regflow "
            "definitions accept {} --version {}'",
            r.subject, r.found, r.detail, r.subject, r.options.front());
      }
      return trf(
          "workflow '{}' version {} differs from the one this database holds, version {}; a "
          "changed procedure governs new dossiers only once an administrator accepts it: give "
          "it a higher 'version:' and run 'regflow definitions accept {}'",
          r.subject, r.found, r.detail, r.subject);
    case K::NotInFirstStep:
      return r.subject == "cancel"
                 ? trf("the dossier has left its first step '{}' (it is in '{}'); a start "
                       "mistake can be cancelled only before it moves on — from here, use the "
                       "workflow's own actions (a return for revision, or its stop)",
                       r.detail, r.found)
                 : trf("the dossier has left its first step '{}' (it is in '{}'); a start "
                       "mistake can be corrected only before it moves on — from here, use the "
                       "workflow's own actions (a return for revision, or its stop)",
                       r.detail, r.found);
    case K::NothingToCorrect:
      return trf(
          "nothing to correct on '{}': give a new --title or a --bind role=AGENCY "
          "that differs from what the dossier has",
          r.subject);
    case K::DossierCancelled:
      return trf("dossier '{}' was cancelled ({}); nothing more can be done on it", r.subject,
                 r.found);
    case K::NoKendala:
      return trf("dossier '{}' has no kendala to clear", r.subject);
  }
  return tr("refused");
}

}  // namespace regflow::cli::render
