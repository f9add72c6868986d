// A workflow definition: the procedure for one kind of legal product (Perda, Pergub, kerja sama),
// loaded from YAML and immutable afterwards. A dossier runs on the exact definition version (by
// content hash) it was started with.
//
// Owners and signers name either an agency code (`biro-hukum`) or a role (`pemrakarsa`) that is
// bound to an agency when a dossier starts. Expressions (guards) are kept as text with their
// position; the rules module compiles them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/diagnostic.hpp"
#include "engine/model/value.hpp"
#include "engine/time/date.hpp"
#include "engine/time/day_unit.hpp"

namespace regflow::model {

enum class StepKind {
  Task,     ///< one agency acts
  SignOff,  ///< paraf koordinasi: a set of agencies each sign
  Waiting,  ///< the file is with an outside body; the owner records when it comes back
  Final
};

enum class QuorumKind { All, Any, AtLeast };

struct Quorum {
  QuorumKind kind = QuorumKind::All;
  int count = 0;  ///< for AtLeast: k of n

  friend bool operator==(const Quorum&, const Quorum&) = default;
};

/// What a deadline does when the dossier is returned for revision.
enum class ReturnPolicy {
  Continue,  ///< the clock keeps running
  Pause,     ///< stops while the dossier is away; resumes with the time that was left
  Restart    ///< a fresh period when the dossier comes back
};

/// An expression in the rules language, with where it was written.
struct ExpressionText {
  std::string text;
  SourceLocation location;  ///< of the expression's first character

  friend bool operator==(const ExpressionText&, const ExpressionText&) = default;
};

enum class TimerKind {
  Remind,     ///< an event the board and the queue show
  Escalate,   ///< the dossier appears in the owner's parent agency's queue
  Transition  ///< a declared legal outcome: the dossier moves to `target` by itself
};

struct TimerSpec {
  TimerKind kind = TimerKind::Remind;
  /// When the timer fires relative to the due date: negative = before (a reminder ahead of
  /// expiry), zero = as soon as the deadline has passed.
  int offset_days = 0;
  time::DayUnit offset_unit = time::DayUnit::Calendar;
  std::string target;  ///< for Transition: the step
  std::string note;    ///< recorded on the event (the legal basis of an automatic outcome)
  /// For Transition: the outcome fires only when this holds; otherwise the dossier is escalated
  /// to the owner's parent agency, with the guard in the event (a Perda without noreg may not be
  /// promulgated, UU 23/2014 Pasal 243(1)).
  std::optional<ExpressionText> guard;
  SourceLocation location;

  friend bool operator==(const TimerSpec&, const TimerSpec&) = default;
};

enum class DeadlineKind {
  StepLimit,  ///< from entering a step until leaving it
  Anchored,   ///< from reaching one step until reaching another
  DateVariable  ///< due on the date held by a dossier variable (e.g. berlaku_sampai)
};

/// A period read from a decision table output when the clock starts: the days a step gets, by
/// category (`within: {table: tenggat_evaluasi, output: evaluasi}`). The output is text holding a
/// duration (`15wd`), or a number of days in `unit`.
struct TablePeriod {
  std::string table;
  std::string output;
  std::optional<time::DayUnit> unit;        ///< required when the output is a number
  std::optional<time::Duration> otherwise;  ///< when no row gives a value for the dossier
  SourceLocation location;

  friend bool operator==(const TablePeriod&, const TablePeriod&) = default;
};

struct DeadlineSpec {
  std::string id;  ///< unique in the workflow; a step limit's id is the step's id
  std::string title;
  DeadlineKind kind = DeadlineKind::StepLimit;
  std::string from;             ///< StepLimit: the step; Anchored: the start step
  std::vector<std::string> to;  ///< Anchored: reaching any of these meets it
  std::string variable;         ///< DateVariable: the date variable
  std::vector<std::string> active_in;  ///< DateVariable: steps in which it is watched (empty: all open)
  time::Duration within{0, time::DayUnit::Calendar};
  /// When set, the period comes from this table when the clock starts, and `within` holds only
  /// its `otherwise` (amount 0 when there is none).
  std::optional<TablePeriod> within_table;
  std::string basis;       ///< legal basis, e.g. "UU 12/2011 Pasal 79(1)"
  std::string confidence;  ///< the brief's tag when the reading is uncertain, e.g. "[R]"
  /// The tag of the counting unit when it is not confirmed (the law writes "Hari" and whether
  /// that is hari or hari kerja was not read), e.g. "[U]"; empty when the unit is confirmed.
  std::string unit_confidence;
  ReturnPolicy on_return = ReturnPolicy::Continue;
  int due_soon = 2;  ///< "due soon" from this many days left, in the deadline's unit
  std::vector<TimerSpec> timers;
  SourceLocation location;
  ValueLocations values;

  friend bool operator==(const DeadlineSpec&, const DeadlineSpec&) = default;
};

struct Action {
  std::string name;
  std::string title;
  std::string target;       ///< the next step; empty when `route` chooses it
  std::string route_table;  ///< a decision table whose `step` output names the next step
  std::optional<ExpressionText> guard;
  std::vector<std::string> by;  ///< agencies/roles allowed; empty means the step's owner
  bool note_required = false;
  bool is_return = false;  ///< a return for revision: deadlines apply their return policy
  std::vector<std::string> sets;  ///< variables this action may set with --set
  SourceLocation location;
  ValueLocations values;

  friend bool operator==(const Action&, const Action&) = default;
};

struct Step {
  std::string id;
  std::string title;
  StepKind kind = StepKind::Task;
  std::string owner;  ///< agency code or role; for SignOff, who coordinates
  std::string with;   ///< Waiting: the outside body holding the file
  std::vector<std::string> signers;  ///< SignOff: agencies or roles
  Quorum quorum;
  std::string next;  ///< SignOff: where the dossier goes once the quorum is reached
  /// Final: the procedure reached its purpose (`outcome: completed`, the default) rather than
  /// being stopped (`outcome: stopped`: withdrawn, rejected, cancelled).
  bool completes = true;
  std::string basis;
  std::optional<DeadlineSpec> limit;  ///< the step's own time limit
  /// Document kinds the dossier must hold before an action leaves this step forward
  /// (requires_documents; runtime/documents.hpp).
  std::vector<std::string> requires_documents;
  std::vector<Action> actions;
  SourceLocation location;
  ValueLocations values;

  const Action* find_action(const std::string& name) const;

  friend bool operator==(const Step&, const Step&) = default;
};

struct VariableDecl {
  std::string name;
  std::string title;
  ValueType type = ValueType::Text;
  std::vector<std::string> values;  ///< enum values
  std::optional<Value> default_value;
  bool required = false;  ///< must be given with --set when the dossier starts
  SourceLocation location;

  friend bool operator==(const VariableDecl&, const VariableDecl&) = default;
};

struct RoleDecl {
  std::string name;
  std::string title;
  std::string default_agency;  ///< used when `start` does not bind it
  SourceLocation location;

  friend bool operator==(const RoleDecl&, const RoleDecl&) = default;
};

struct WorkflowDefinition {
  std::string name;       ///< e.g. "pergub"
  std::string id_prefix;  ///< dossier ids: <PREFIX>-<YEAR>-<NNNN>
  int version = 1;
  std::string title;
  std::string basis;
  /// The first day this version is in force; nullopt: from the beginning.
  std::optional<time::Date> effective;
  /// The last day this version is in force; nullopt: until a later version says otherwise.
  std::optional<time::Date> until;
  /// Why this version is in force from `effective`: the rule that changed the procedure, e.g.
  /// "UU 13/2022 (16 Jun 2022)". Required when a workflow has several versions.
  std::string version_basis;
  std::vector<VariableDecl> variables;
  std::vector<RoleDecl> roles;
  std::string initial;
  std::vector<Step> steps;
  std::vector<DeadlineSpec> deadlines;  ///< anchored and date-variable deadlines
  /// Reaching any of these steps meets a dossier's own target (`start --within 14d`); when
  /// empty, the target runs until the dossier closes. For a Pergub the Governor's "drafted
  /// within two weeks" is met when the draft is ready for signature, not when it is promulgated.
  std::vector<std::string> target_until;
  std::string source_path;
  std::string source_text;   ///< the YAML text exactly as read
  std::string content_hash;  ///< SHA-256 of source_text
  SourceLocation location;
  ValueLocations values;

  const Step* find_step(const std::string& id) const;
  /// True when this version is in force on `day` (effective <= day <= until, each if given).
  bool in_force_on(time::Date day) const;
  /// "in force from 2022-01-05", "in force 2019-01-01 to 2022-01-04", "" when no period is given.
  std::string period_text() const;
  const VariableDecl* find_variable(const std::string& name) const;
  const RoleDecl* find_role(const std::string& name) const;
  std::vector<std::string> step_ids() const;
  /// Every deadline: the step limits first (in step order), then the workflow's own.
  std::vector<const DeadlineSpec*> all_deadlines() const;
  const DeadlineSpec* find_deadline(const std::string& id) const;

  friend bool operator==(const WorkflowDefinition&, const WorkflowDefinition&) = default;
};

std::string kind_name(StepKind kind);

}  // namespace regflow::model
