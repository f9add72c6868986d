// A Refusal: why a command was not accepted, as structured data. The CLI renders it into words
// (cli/render/refusal.cpp) so that the text can be translated; the engine never formats it.
#pragma once

#include <string>
#include <vector>

namespace regflow::runtime {

enum class RefusalKind {
  UnknownWorkflow,       ///< subject: workflow; options: known workflows
  UnknownDossier,        ///< subject: id
  DossierClosed,         ///< subject: id; found: final step
  UnknownAction,         ///< subject: action; found: step; options: actions of the step
  ActionNotHere,         ///< subject: action; found: step; detail: the step(s) that have it; options: actions here
  NotAllowed,            ///< subject: action; found: actor's agencies; options: agencies that may
  NoteRequired,          ///< subject: action
  GuardFalse,            ///< subject: action; detail: expression; inputs: name=value pairs
  UnknownVariable,       ///< subject: variable; options: declared variables
  VariableNotSettable,   ///< subject: variable; found: action; options: variables it may set
  BadValue,              ///< subject: variable; found: value; detail: type; options: enum values
  MissingVariable,       ///< subject: variable (required at start)
  UnknownRole,           ///< subject: role; options: roles
  UnknownAgency,         ///< subject: agency; options: agencies
  UnboundRole,           ///< subject: role; found: workflow; detail: role title; options: agencies
  NotASigner,            ///< subject: agency(ies) of actor; options: signers not yet signed
  AlreadySigned,         ///< subject: agency; found: user who signed
  VersionConflict,       ///< found: current version; detail: expected; subject: last actor; options: [step]
  UnknownDeadline,       ///< subject: deadline; options: deadlines of the dossier
  DeadlineEnded,         ///< subject: deadline
  BadExtension,          ///< subject: deadline; found: new date; detail: current due
  RouteFailed,           ///< subject: action; detail: table
  NoTarget,              ///< start: both --target and --within
  RoleMayNot,            ///< subject: action; found: actor's role; detail: permission; options: roles that grant it
  PersonAlreadySigned,   ///< subject: user; found: the agency they signed this step for
  EmptyValue,            ///< subject: the field (e.g. --title) that must not be empty
  DefinitionNotAccepted, ///< subject: workflow; found: its version (hash); detail: the stored one
  NoVersionInForce,      ///< subject: workflow; found: the start date; options: versions and periods
  NotInFirstStep,        ///< subject: what (correct, cancel); found: current step; detail: the first step
  NothingToCorrect,      ///< subject: id
  DossierCancelled,      ///< subject: id; found: the reason it was cancelled
  NoKendala,             ///< subject: id (nothing to clear)
  UnknownDocumentKind,   ///< subject: kind; options: declared kinds
  EmptyDocument,         ///< subject: file name
  DocumentTooLarge,      ///< subject: file name; found: its size; detail: the limit (bytes)
  BadDocumentName,       ///< subject: file name; detail: what is wrong with it
  DocumentsMissing       ///< subject: action; found: step; options: kinds still missing
};

struct Refusal {
  RefusalKind kind;
  std::string subject;
  std::string found;
  std::string detail;
  std::vector<std::string> options;
  std::vector<std::pair<std::string, std::string>> inputs;  ///< for GuardFalse
};

}  // namespace regflow::runtime
