#include "cli/render/refusal.hpp"

#include "engine/time/date.hpp"

#include <fmt/format.h>

#include "engine/model/spelling.hpp"

namespace regflow::cli::render {
namespace {

std::string options_or(const std::vector<std::string>& options, const std::string& none) {
  return options.empty() ? none : model::quoted_list(options);
}

}  // namespace

std::string guard_text(const std::string& guard,
                       const std::vector<std::pair<std::string, std::string>>& reads) {
  std::string facts;
  for (const auto& [name, value] : reads) {
    facts += fmt::format("{}{} is {}", facts.empty() ? "" : ", ", name,
                         value.empty() ? "not set" : "'" + value + "'");
  }
  return fmt::format("requires {} — {}", guard, facts.empty() ? "it is false" : facts);
}

std::string refusal_text(const runtime::Refusal& r) {
  using K = runtime::RefusalKind;
  switch (r.kind) {
    case K::UnknownDocumentKind:
      return fmt::format("unknown document kind '{}'{}; kinds: {}", r.subject,
                         model::did_you_mean(r.subject, r.options), options_or(r.options, "none"));
    case K::EmptyDocument:
      return fmt::format("document '{}' is empty; attach a file with content", r.subject);
    case K::DocumentTooLarge:
      return fmt::format("document '{}' is {} bytes, over the limit of {} bytes (documents."
                         "max_size_mib in settings.yaml)",
                         r.subject, r.found, r.detail);
    case K::BadDocumentName:
      return fmt::format("document name '{}' is not accepted: {}; give a plain file name such as "
                         "'naskah-v2.docx'",
                         r.subject, r.detail);
    case K::DocumentsMissing:
      return fmt::format("step '{}' cannot be left by '{}' before these documents are attached: "
                         "{}; attach them with 'regflow attach ID FILE --kind KIND'",
                         r.found, r.subject, options_or(r.options, "none"));
    case K::NoVersionInForce:
      return fmt::format("no version of workflow '{}' was in force on {}; versions: {}",
                         r.subject, r.found, options_or(r.options, "none"));
    case K::UnknownWorkflow:
      return fmt::format("unknown workflow '{}'{}; loaded workflows: {}", r.subject,
                         model::did_you_mean(r.subject, r.options), options_or(r.options, "none"));
    case K::UnknownDossier:
      return fmt::format("no dossier '{}' in this database; 'regflow list' shows the dossiers",
                         r.subject);
    case K::DossierClosed:
      return fmt::format("dossier '{}' is closed (final step '{}'); nothing more can be done on it",
                         r.subject, r.found);
    case K::UnknownAction:
      return fmt::format("step '{}' has no action '{}'{}; actions here: {}", r.found, r.subject,
                         model::did_you_mean(r.subject, r.options), options_or(r.options, "none"));
    case K::ActionNotHere:
      return fmt::format("action '{}' is not available in step '{}' (it belongs to step {}); "
                         "actions here: {}",
                         r.subject, r.found, model::quoted_list({r.detail}),
                         options_or(r.options, "none"));
    case K::NotAllowed:
      if (r.subject == "correct" || r.subject == "cancel") {
        return fmt::format("'{}' acts for {} and may not {} this dossier; only the agency that "
                           "started it may: {}",
                           r.detail, r.found.empty() ? "no agency" : "'" + r.found + "'",
                           r.subject, options_or(r.options, "none"));
      }
      if (r.subject == "kendala") {
        return fmt::format("'{}' acts for {}, which is not involved in this dossier, and may not "
                           "record its kendala; agencies involved: {}",
                           r.detail, r.found.empty() ? "no agency" : "'" + r.found + "'",
                           options_or(r.options, "none"));
      }
      return fmt::format("'{}' acts for {} and may not take '{}' here; only {} may",
                         r.detail, r.found.empty() ? "no agency" : "'" + r.found + "'", r.subject,
                         options_or(r.options, "nobody (the step's owner is not bound)"));
    case K::NoteRequired:
      return fmt::format("'{}' needs a reason: give --{} TEXT", r.subject,
                         r.subject == "extend" || r.subject == "cancel" ? "reason" : "note");
    case K::GuardFalse:
      return fmt::format("action '{}' {}", r.subject, guard_text(r.detail, r.inputs));
    case K::UnknownVariable:
      return fmt::format("unknown variable '{}'{}; variables: {}", r.subject,
                         model::did_you_mean(r.subject, r.options), options_or(r.options, "none"));
    case K::VariableNotSettable:
      return fmt::format("action '{}' may not set '{}'; it may set: {}", r.found, r.subject,
                         options_or(r.options, "nothing"));
    case K::BadValue:
      return fmt::format("'{}' is not a valid {} for '{}'{}", r.found, r.detail, r.subject,
                         !r.options.empty()
                             ? model::did_you_mean(r.found, r.options) +
                                   "; accepted values: " + model::quoted_list(r.options)
                         : r.detail == "date"
                             ? "; expected a date YYYY-MM-DD from " + time::accepted_range_text()
                         : r.detail == "bool"
                             ? std::string("; accepted values: true, false, ya, tidak (in any case)")
                         : r.detail == "number" ? std::string("; expected a number, e.g. 12 or 2.5")
                                                : std::string{});
    case K::MissingVariable:
      return fmt::format("'{}' must be given when the dossier starts: --set {}=VALUE ({}{})",
                         r.subject, r.subject, r.detail,
                         r.options.empty() ? "" : ": " + model::quoted_list(r.options));
    case K::UnknownRole:
      return fmt::format("unknown role '{}'{}; roles: {}", r.subject,
                         model::did_you_mean(r.subject, r.options), options_or(r.options, "none"));
    case K::UnknownAgency:
      return fmt::format("unknown agency '{}'{}; see workflows/agencies.yaml", r.subject,
                         model::did_you_mean(r.subject, r.options));
    case K::UnboundRole:
      return fmt::format("workflow '{}' needs role '{}'{} bound to an agency, and it has no "
                         "default: give --bind {}=AGENCY; agencies that can be one: {}",
                         r.found, r.subject, r.detail.empty() ? "" : " (" + r.detail + ")",
                         r.subject, options_or(r.options, "none"));
    case K::NotASigner:
      return fmt::format("'{}' is not among the agencies still to sign step '{}'; waiting for: {}",
                         r.subject, r.found, options_or(r.options, "nobody"));
    case K::AlreadySigned:
      return fmt::format("'{}' has already signed this step (by '{}'); each agency signs once",
                         r.subject, r.found);
    case K::VersionConflict:
      return fmt::format("dossier is at version {}, not {} as expected: '{}' changed it (now at "
                         "step '{}'); nothing was written — look again with 'regflow show'",
                         r.found, r.detail, r.subject, r.options.empty() ? "" : r.options.front());
    case K::UnknownDeadline:
      return fmt::format("no deadline '{}' on this dossier{}; deadlines: {}", r.subject,
                         model::did_you_mean(r.subject, r.options), options_or(r.options, "none"));
    case K::DeadlineEnded:
      return fmt::format("deadline '{}' has already ended; only a running deadline can be extended",
                         r.subject);
    case K::BadExtension:
      return fmt::format("cannot move deadline '{}' to {}, which is before today ({})", r.subject,
                         r.found, r.detail);
    case K::RouteFailed:
      return fmt::format("action '{}' could not choose its next step: decision table '{}' has no "
                         "row for this dossier's values",
                         r.subject, r.detail);
    case K::NoTarget:
      return "give either --target DATE or --within DURATION, not both";
    case K::RoleMayNot:
      return fmt::format("the role '{}' may not {} ('{}'); roles that may: {}", r.found, r.detail,
                         r.subject, options_or(r.options, "none (see roles: in settings.yaml)"));
    case K::PersonAlreadySigned:
      return fmt::format("'{}' has already signed this step for '{}'; one person signs once per "
                         "step, whatever agencies they hold; another person of the agency may sign",
                         r.subject, r.found);
    case K::EmptyValue:
      return fmt::format("{} must not be empty; give the text", r.subject);
    case K::DefinitionNotAccepted:
      return fmt::format(
          "workflow '{}' version {} differs from the one this database holds, version {}; a "
          "changed procedure governs new dossiers only once an administrator accepts it: give "
          "it a higher 'version:' and run 'regflow definitions accept {}'",
          r.subject, r.found, r.detail, r.subject);
    case K::NotInFirstStep:
      return fmt::format("the dossier has left its first step '{}' (it is in '{}'); a start "
                         "mistake can be {} only before it moves on — from here, use the "
                         "workflow's own actions (a return for revision, or its stop)",
                         r.detail, r.found, r.subject == "cancel" ? "cancelled" : "corrected");
    case K::NothingToCorrect:
      return fmt::format("nothing to correct on '{}': give a new --title or a --bind role=AGENCY "
                         "that differs from what the dossier has",
                         r.subject);
    case K::DossierCancelled:
      return fmt::format("dossier '{}' was cancelled ({}); nothing more can be done on it",
                         r.subject, r.found);
    case K::NoKendala:
      return fmt::format("dossier '{}' has no kendala to clear", r.subject);
  }
  return "refused";
}

}  // namespace regflow::cli::render
