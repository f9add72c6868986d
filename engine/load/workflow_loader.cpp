#include "engine/load/workflow_loader.hpp"

#include <set>

#include "engine/load/yaml_reader.hpp"
#include "engine/model/digest.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::load {
namespace {

using model::Diagnostics;

const std::vector<std::string> kWorkflowKeys{
    "workflow",      "id_prefix", "version", "title",   "basis", "effective", "until",
    "version_basis", "variables", "roles",   "initial", "steps", "deadlines", "target_until"};
const std::vector<std::string> kVariableKeys{"title", "type", "values", "default", "required"};
const std::vector<std::string> kRoleKeys{"title", "default"};
const std::vector<std::string> kStepKeys{"title",   "kind",    "owner",   "with",
                                         "signers", "quorum",  "next",    "basis",
                                         "limit",   "actions", "outcome", "requires_documents"};
const std::vector<std::string> kOutcomes{"completed", "stopped"};
const std::vector<std::string> kActionKeys{"title", "to",   "route",  "guard",
                                           "by",    "note", "return", "sets"};
const std::vector<std::string> kLimitKeys{"title",           "within",    "basis",    "confidence",
                                          "unit_confidence", "on_return", "due_soon", "on_miss"};
const std::vector<std::string> kDeadlineKeys{"title",     "from",       "to",
                                             "date",      "active_in",  "within",
                                             "basis",     "confidence", "unit_confidence",
                                             "on_return", "due_soon",   "on_miss"};
const std::vector<std::string> kWithinTableKeys{"table", "output", "unit", "otherwise"};
const std::vector<std::string> kUnitNames{"hari", "hari kerja", "days", "working days"};
const std::vector<std::string> kStepKinds{"task", "signoff", "waiting", "final"};
const std::vector<std::string> kReturnPolicies{"continue", "pause", "restart"};
const std::vector<std::string> kTimerKinds{"remind", "escalate", "transition"};
const std::vector<std::string> kTimerKeys{"before", "after", "to", "note", "guard"};

bool is_name(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return s[0] >= 'a' && s[0] <= 'z';
}

class WorkflowReader {
 public:
  WorkflowReader(YamlReader& yaml, model::WorkflowDefinition& def) : yaml_(yaml), def_(def) {}

  void read(const YAML::Node& root) {
    if (!yaml_.expect_map(root, model::say("a workflow file"))) return;
    const model::Message the_workflow = model::say("the workflow");
    yaml_.check_keys(root, kWorkflowKeys, the_workflow);
    def_.location = yaml_.location(root);
    if (auto name = yaml_.text(root, "workflow", the_workflow, true)) {
      if (check_name(root["workflow"], *name, model::say("workflow name"))) def_.name = *name;
    }
    def_.id_prefix = yaml_.text(root, "id_prefix", the_workflow, false).value_or("");
    if (def_.id_prefix.empty()) {
      for (char c : def_.name) {
        def_.id_prefix += (c == '-' || c == '_') ? '-' : static_cast<char>(std::toupper(c));
      }
    } else if (!valid_prefix(def_.id_prefix)) {
      yaml_.error(
          "E-BAD-NAME", root["id_prefix"],
          model::say("id_prefix '{}' must be upper-case letters, digits and '-'", def_.id_prefix));
    }
    def_.version = yaml_.integer(root, "version", the_workflow, true, 1, 1000000).value_or(1);
    def_.title = yaml_.text(root, "title", the_workflow, true).value_or("");
    def_.basis = yaml_.text(root, "basis", the_workflow, true).value_or("");
    def_.effective = read_date(root, "effective");
    def_.until = read_date(root, "until");
    def_.version_basis = yaml_.text(root, "version_basis", the_workflow, false).value_or("");
    if (def_.effective && def_.until && *def_.until < *def_.effective) {
      yaml_.error("E-VERSION-PERIOD", root["until"],
                  model::say("'until' {} is before 'effective' {}; expected the last day this "
                             "version is in force, on or after {}",
                             time::format_date(*def_.until), time::format_date(*def_.effective),
                             time::format_date(*def_.effective)));
    }
    read_variables(root["variables"]);
    read_roles(root["roles"]);
    def_.initial = yaml_.text(root, "initial", the_workflow, true).value_or("");
    def_.target_until = yaml_.text_list(root, "target_until", the_workflow);
    def_.values = yaml_.value_locations(root);
    read_steps(root["steps"], root);
    read_deadlines(root["deadlines"]);
  }

 private:
  bool check_name(const YAML::Node& at, const std::string& name, const model::Message& what) {
    if (is_name(name)) return true;
    yaml_.error("E-BAD-NAME", at,
                model::say("{} '{}' must start with a lower-case letter and use only a-z, 0-9, "
                           "'_' and '-' (at most 64 characters)",
                           what, name));
    return false;
  }

  static bool valid_prefix(const std::string& prefix) {
    if (prefix.empty() || prefix.size() > 16) return false;
    for (char c : prefix) {
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
  }

  std::optional<time::Date> read_date(const YAML::Node& root, const std::string& key) {
    const auto text = yaml_.text(root, key, model::say("the workflow"), false);
    if (!text) return std::nullopt;
    auto date = time::parse_date(*text);
    if (!date) {
      yaml_.error("E-BAD-DATE", root[key],
                  model::say("'{}' is not a date; expected YYYY-MM-DD", *text));
    }
    return date;
  }

  void read_variables(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return;
    const model::Message variables = model::verbatim("'variables'");
    if (!yaml_.expect_map(node, variables)) return;
    for (const auto& [key, value] : yaml_.entries(node, variables)) {
      model::VariableDecl var;
      var.name = key.Scalar();
      var.location = yaml_.location(key);
      check_name(key, var.name, model::say("variable name"));
      const model::Message what = model::say("variable '{}'", var.name);
      if (!yaml_.expect_map(value, what)) continue;
      yaml_.check_keys(value, kVariableKeys, what);
      var.title = yaml_.text(value, "title", what, false).value_or(var.name);
      if (auto type = yaml_.text(value, "type", what, true)) {
        if (auto parsed = model::parse_type_name(*type)) {
          var.type = *parsed;
        } else {
          const std::vector<std::string> types{"text", "number", "bool", "date", "enum"};
          yaml_.error("E-BAD-TYPE", value["type"],
                      model::say("unknown type '{}' for {}{}; accepted types: {}", *type, what,
                                 model::suggestion(*type, types), model::quoted_list(types)));
        }
      }
      var.values = yaml_.text_list(value, "values", what);
      if (var.type == model::ValueType::Enum && var.values.empty()) {
        yaml_.error("E-ENUM-NO-VALUES", key,
                    model::say("{} is an enum but lists no 'values'", what));
      }
      if (var.type != model::ValueType::Enum && !var.values.empty()) {
        yaml_.error("E-WRONG-TYPE", value["values"],
                    model::say("{} has 'values' but is not of type enum", what));
      }
      var.required = yaml_.boolean(value, "required", what).value_or(false);
      if (auto raw = yaml_.text(value, "default", what, false)) {
        var.default_value = model::parse_value(*raw, var.type, var.values);
        if (!var.default_value) {
          yaml_.error(
              "E-BAD-DEFAULT", value["default"],
              model::say("default '{}' of {} is not a valid {}{}", *raw, what, model::type_word(var.type),
                         var.type == model::ValueType::Enum
                             ? model::say("; accepted values: {}", model::quoted_list(var.values))
                             : model::verbatim("")));
        }
      }
      def_.variables.push_back(std::move(var));
    }
  }

  void read_roles(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return;
    const model::Message roles = model::verbatim("'roles'");
    if (!yaml_.expect_map(node, roles)) return;
    for (const auto& [key, value] : yaml_.entries(node, roles)) {
      model::RoleDecl role;
      role.name = key.Scalar();
      role.location = yaml_.location(key);
      check_name(key, role.name, model::say("role name"));
      const model::Message what = model::say("role '{}'", role.name);
      if (value.IsMap()) {
        yaml_.check_keys(value, kRoleKeys, what);
        role.title = yaml_.text(value, "title", what, false).value_or(role.name);
        role.default_agency = yaml_.text(value, "default", what, false).value_or("");
      } else if (value.IsScalar()) {
        role.title = value.Scalar();
      } else if (!value.IsNull()) {
        yaml_.expect_map(value, what);
      }
      def_.roles.push_back(std::move(role));
    }
  }

  std::optional<time::Duration> duration(const YAML::Node& map, const std::string& key,
                                         const model::Message& what, bool required) {
    auto raw = yaml_.text(map, key, what, required);
    if (!raw) return std::nullopt;
    auto parsed = time::parse_duration(*raw);
    if (!parsed) {
      yaml_.error("E-BAD-DURATION", map[key],
                  model::say("'{}' is not a duration; expected a number of days such as "
                             "'30 hari', '7 hari kerja', '30 days' or '10 working days'",
                             *raw));
    }
    return parsed;
  }

  // `within` is a duration, or a map naming the decision table output that gives it per dossier.
  void read_within(const YAML::Node& node, model::DeadlineSpec& spec, const model::Message& what) {
    const YAML::Node within = node["within"];
    if (!within.IsDefined() || !within.IsMap()) {
      if (auto parsed = duration(node, "within", what, true)) spec.within = *parsed;
      return;
    }
    const model::Message within_what = model::say("'within' of {}", what);
    yaml_.check_keys(within, kWithinTableKeys, within_what);
    model::TablePeriod period;
    period.location = yaml_.location(within);
    period.table = yaml_.text(within, "table", within_what, true).value_or("");
    period.output = yaml_.text(within, "output", within_what, true).value_or("");
    if (auto unit = yaml_.text(within, "unit", within_what, false)) {
      if (*unit == "hari" || *unit == "days") {
        period.unit = time::DayUnit::Calendar;
      } else if (*unit == "hari kerja" || *unit == "working days") {
        period.unit = time::DayUnit::Working;
      } else {
        yaml_.error(
            "E-BAD-VALUE", within["unit"],
            model::say("unknown unit '{}' in {}{}; accepted: {}", *unit, within_what,
                       model::suggestion(*unit, kUnitNames), model::quoted_list(kUnitNames)));
      }
    }
    period.otherwise = duration(within, "otherwise", within_what, false);
    spec.within =
        period.otherwise.value_or(time::Duration{0, period.unit.value_or(time::DayUnit::Calendar)});
    spec.within_table = std::move(period);
  }

  void read_deadline_common(const YAML::Node& node, model::DeadlineSpec& spec,
                            const model::Message& what) {
    spec.title = yaml_.text(node, "title", what, false).value_or(spec.title);
    spec.basis = yaml_.text(node, "basis", what, false).value_or("");
    spec.confidence = yaml_.text(node, "confidence", what, false).value_or("");
    spec.unit_confidence = yaml_.text(node, "unit_confidence", what, false).value_or("");
    if (auto policy = yaml_.text(node, "on_return", what, false)) {
      if (*policy == "continue") {
        spec.on_return = model::ReturnPolicy::Continue;
      } else if (*policy == "pause") {
        spec.on_return = model::ReturnPolicy::Pause;
      } else if (*policy == "restart") {
        spec.on_return = model::ReturnPolicy::Restart;
      } else {
        yaml_.error("E-BAD-VALUE", node["on_return"],
                    model::say("unknown return policy '{}'{}; accepted: {}", *policy,
                               model::suggestion(*policy, kReturnPolicies),
                               model::quoted_list(kReturnPolicies)));
      }
    }
    spec.due_soon = yaml_.integer(node, "due_soon", what, false, 0, 3650).value_or(spec.due_soon);
    if (const auto on_miss = YamlReader::find(node, "on_miss")) read_timers(*on_miss, spec, what);
  }

  void read_timers(const YAML::Node& node, model::DeadlineSpec& spec, const model::Message& what) {
    if (!node.IsDefined() || node.IsNull()) return;
    const model::Message list_what = model::say("'on_miss' of {}", what);
    if (!yaml_.expect_sequence(node, list_what)) return;
    for (const auto& item : node) {
      model::TimerSpec timer;
      timer.location = yaml_.location(item);
      std::string kind;
      YAML::Node body;
      if (item.IsScalar()) {
        kind = item.Scalar();
      } else if (item.IsMap() && item.size() == 1) {
        kind = item.begin()->first.Scalar();
        body = item.begin()->second;
      } else {
        yaml_.error("E-WRONG-TYPE", item,
                    model::say("each entry of {} must be 'remind', 'escalate' or a map with one "
                               "of them or 'transition'",
                               list_what));
        continue;
      }
      if (kind == "remind") {
        timer.kind = model::TimerKind::Remind;
      } else if (kind == "escalate") {
        timer.kind = model::TimerKind::Escalate;
      } else if (kind == "transition") {
        timer.kind = model::TimerKind::Transition;
      } else {
        yaml_.error(
            "E-BAD-VALUE", item,
            model::say("unknown timer '{}' in {}{}; accepted: {}", kind, list_what,
                       model::suggestion(kind, kTimerKinds), model::quoted_list(kTimerKinds)));
        continue;
      }
      const model::Message timer_what = model::say("timer '{}' of {}", kind, what);
      if (body.IsDefined() && body.IsMap()) {
        yaml_.check_keys(body, kTimerKeys, timer_what);
        const auto before = duration(body, "before", timer_what, false);
        const auto after = duration(body, "after", timer_what, false);
        if (before && after) {
          yaml_.error("E-BAD-VALUE", body,
                      model::say("{} has both 'before' and 'after'", timer_what));
        }
        if (before) {
          timer.offset_days = -before->amount;
          timer.offset_unit = before->unit;
        } else if (after) {
          timer.offset_days = after->amount;
          timer.offset_unit = after->unit;
        }
        timer.target =
            yaml_.text(body, "to", timer_what, timer.kind == model::TimerKind::Transition)
                .value_or("");
        timer.note = yaml_.text(body, "note", timer_what, false).value_or("");
        if (const auto guard = YamlReader::find(body, "guard")) {
          if (!guard->IsScalar()) {
            yaml_.text(body, "guard", timer_what, false);
          } else if (timer.kind != model::TimerKind::Transition) {
            yaml_.error(
                "E-BAD-VALUE", *guard,
                model::say("only a 'transition' timer takes 'guard'; {} has one", timer_what));
          } else {
            timer.guard = model::ExpressionText{guard->Scalar(), yaml_.scalar_start(*guard)};
          }
        }
      } else if (body.IsDefined() && body.IsScalar() &&
                 timer.kind == model::TimerKind::Transition) {
        timer.target = body.Scalar();
      } else if (body.IsDefined() && !body.IsNull()) {
        yaml_.expect_map(body, timer_what);
      } else if (timer.kind == model::TimerKind::Transition) {
        yaml_.error("E-MISSING-KEY", item, model::say("{} has no '{}'", timer_what, "to"));
      }
      if (timer.kind != model::TimerKind::Transition && !timer.target.empty()) {
        yaml_.error("E-BAD-VALUE", body["to"], model::say("only a 'transition' timer takes 'to'"));
      }
      spec.timers.push_back(std::move(timer));
    }
  }

  void read_steps(const YAML::Node& node, const YAML::Node& root) {
    if (!node.IsDefined() || node.IsNull()) {
      yaml_.error("E-MISSING-KEY", root,
                  model::say("{} has no '{}'", model::say("the workflow"), "steps"));
      return;
    }
    const model::Message steps = model::verbatim("'steps'");
    if (!yaml_.expect_map(node, steps)) return;
    for (const auto& [key, value] : yaml_.entries(node, steps)) {
      model::Step step;
      step.id = key.Scalar();
      step.location = yaml_.location(key);
      check_name(key, step.id, model::say("step name"));
      const model::Message what = model::say("step '{}'", step.id);
      if (!yaml_.expect_map(value, what)) {
        def_.steps.push_back(std::move(step));
        continue;
      }
      yaml_.check_keys(value, kStepKeys, what);
      step.values = yaml_.value_locations(value);
      step.title = yaml_.text(value, "title", what, true).value_or(step.id);
      const std::string kind = yaml_.text(value, "kind", what, false).value_or("task");
      if (kind == "task") {
        step.kind = model::StepKind::Task;
      } else if (kind == "signoff") {
        step.kind = model::StepKind::SignOff;
      } else if (kind == "waiting") {
        step.kind = model::StepKind::Waiting;
      } else if (kind == "final") {
        step.kind = model::StepKind::Final;
      } else {
        yaml_.error(
            "E-BAD-VALUE", value["kind"],
            model::say("unknown step kind '{}' for {}{}; accepted kinds: {}", kind, what,
                       model::suggestion(kind, kStepKinds), model::quoted_list(kStepKinds)));
      }
      const bool final_step = step.kind == model::StepKind::Final;
      step.owner = yaml_.text(value, "owner", what, !final_step).value_or("");
      step.with =
          yaml_.text(value, "with", what, step.kind == model::StepKind::Waiting).value_or("");
      step.basis = yaml_.text(value, "basis", what, false).value_or("");
      step.signers = yaml_.text_list(value, "signers", what);
      step.requires_documents = yaml_.text_list(value, "requires_documents", what);
      step.next =
          yaml_.text(value, "next", what, step.kind == model::StepKind::SignOff).value_or("");
      if (step.kind != model::StepKind::Waiting && YamlReader::find(value, "with")) {
        yaml_.error("E-BAD-VALUE", value["with"],
                    model::say("only a waiting step takes 'with' ({} is {})", what, kind));
      }
      if (step.kind != model::StepKind::SignOff) {
        for (const char* key_name : {"signers", "quorum", "next"}) {
          if (YamlReader::find(value, key_name)) {
            yaml_.error(
                "E-BAD-VALUE", value[key_name],
                model::say("only a signoff step takes '{}' ({} is {})", key_name, what, kind));
          }
        }
      }
      if (const auto outcome = yaml_.text(value, "outcome", what, false)) {
        if (!final_step) {
          yaml_.error("E-BAD-VALUE", value["outcome"],
                      model::say("only a final step takes 'outcome' ({} is {})", what, kind));
        } else if (*outcome == "stopped") {
          step.completes = false;
        } else if (*outcome != "completed") {
          yaml_.error(
              "E-BAD-VALUE", value["outcome"],
              model::say("unknown outcome '{}' for {}{}; accepted outcomes: {}", *outcome, what,
                         model::suggestion(*outcome, kOutcomes), model::quoted_list(kOutcomes)));
        }
      }
      read_quorum(value, step, what);
      if (const auto limit = YamlReader::find(value, "limit")) read_limit(*limit, step, what);
      const auto actions = YamlReader::find(value, "actions");
      if (final_step && actions && !actions->IsNull()) {
        yaml_.error("E-BAD-VALUE", *actions,
                    model::say("{} is final and cannot have actions", what));
      } else if (actions) {
        read_actions(*actions, step, what);
      }
      def_.steps.push_back(std::move(step));
    }
  }

  void read_quorum(const YAML::Node& value, model::Step& step, const model::Message& what) {
    auto raw = yaml_.text(value, "quorum", what, false);
    if (!raw || *raw == "all") {
      step.quorum = {model::QuorumKind::All, 0};
    } else if (*raw == "any") {
      step.quorum = {model::QuorumKind::Any, 1};
    } else if (auto k = yaml_.integer(value, "quorum", what, false, 1, 1000)) {
      step.quorum = {model::QuorumKind::AtLeast, *k};
    }
  }

  void read_limit(const YAML::Node& node, model::Step& step, const model::Message& what) {
    if (!node.IsDefined() || node.IsNull()) return;
    model::DeadlineSpec spec;
    spec.id = step.id;
    spec.kind = model::DeadlineKind::StepLimit;
    spec.from = step.id;
    spec.title = step.title;
    spec.location = yaml_.location(node);
    const model::Message limit_what = model::say("the limit of {}", what);
    if (node.IsScalar()) {
      auto parsed = time::parse_duration(node.Scalar());
      if (!parsed) {
        yaml_.error("E-BAD-DURATION", node,
                    model::say("'{}' is not a duration; expected a number of days such as "
                               "'30 hari', '7 hari kerja', '30 days' or '10 working days'",
                               node.Scalar()));
        return;
      }
      spec.within = *parsed;
    } else {
      if (!yaml_.expect_map(node, limit_what)) return;
      yaml_.check_keys(node, kLimitKeys, limit_what);
      read_within(node, spec, limit_what);
      read_deadline_common(node, spec, limit_what);
    }
    step.limit = std::move(spec);
  }

  void read_actions(const YAML::Node& node, model::Step& step, const model::Message& what) {
    if (!node.IsDefined() || node.IsNull()) return;
    const model::Message list_what = model::say("the actions of {}", what);
    if (!yaml_.expect_map(node, list_what)) return;
    for (const auto& [key, value] : yaml_.entries(node, list_what)) {
      model::Action action;
      action.name = key.Scalar();
      action.location = yaml_.location(key);
      check_name(key, action.name, model::say("action name"));
      if ((action.name == "sign" || action.name == "paraf") &&
          step.kind == model::StepKind::SignOff) {
        yaml_.error("E-RESERVED-NAME", key,
                    model::say("'{}' names the built-in action of signoff {} ('sign', or "
                               "'paraf' in Indonesian); name this action differently",
                               action.name, what));
      }
      const model::Message action_what = model::say("action '{}' of {}", action.name, what);
      if (value.IsScalar()) {
        action.target = value.Scalar();  // shorthand: `ajukan: harmonisasi`
        action.values.by_key["to"] = yaml_.scalar_start(value);
      } else if (yaml_.expect_map(value, action_what)) {
        yaml_.check_keys(value, kActionKeys, action_what);
        action.values = yaml_.value_locations(value);
        action.title = yaml_.text(value, "title", action_what, false).value_or("");
        action.target = yaml_.text(value, "to", action_what, false).value_or("");
        action.route_table = yaml_.text(value, "route", action_what, false).value_or("");
        if (action.target.empty() == action.route_table.empty()) {
          yaml_.error("E-ACTION-TARGET", key,
                      model::say("{} needs exactly one of 'to' (a step) or 'route' (a decision "
                                 "table that names the step)",
                                 action_what));
        }
        const auto guard = YamlReader::find(value, "guard");
        if (guard && guard->IsScalar()) {
          action.guard = model::ExpressionText{guard->Scalar(), yaml_.scalar_start(*guard)};
        } else if (guard) {
          yaml_.text(value, "guard", action_what, false);
        }
        action.by = yaml_.text_list(value, "by", action_what);
        if (auto note = yaml_.text(value, "note", action_what, false)) {
          if (*note == "required") {
            action.note_required = true;
          } else if (*note != "optional") {
            yaml_.error("E-BAD-VALUE", value["note"],
                        model::say("'note' of {} must be 'required' or 'optional', found '{}'",
                                   action_what, *note));
          }
        }
        action.is_return = yaml_.boolean(value, "return", action_what).value_or(false);
        action.sets = yaml_.text_list(value, "sets", action_what);
      }
      if (action.title.empty()) action.title = action.name;
      step.actions.push_back(std::move(action));
    }
  }

  void read_deadlines(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return;
    const model::Message deadlines = model::verbatim("'deadlines'");
    if (!yaml_.expect_map(node, deadlines)) return;
    for (const auto& [key, value] : yaml_.entries(node, deadlines)) {
      model::DeadlineSpec spec;
      spec.id = key.Scalar();
      spec.title = spec.id;
      spec.location = yaml_.location(key);
      check_name(key, spec.id, model::say("deadline name"));
      const model::Message what = model::say("deadline '{}'", spec.id);
      if (!yaml_.expect_map(value, what)) continue;
      yaml_.check_keys(value, kDeadlineKeys, what);
      spec.values = yaml_.value_locations(value);
      spec.variable = yaml_.text(value, "date", what, false).value_or("");
      if (!spec.variable.empty()) {
        spec.kind = model::DeadlineKind::DateVariable;
        spec.active_in = yaml_.text_list(value, "active_in", what);
        for (const char* k : {"from", "to", "within"}) {
          if (value[k].IsDefined()) {
            yaml_.error("E-BAD-VALUE", value[k],
                        model::say("{} is due on the date in '{}' and cannot also have '{}'", what,
                                   spec.variable, k));
          }
        }
      } else {
        spec.kind = model::DeadlineKind::Anchored;
        spec.from = yaml_.text(value, "from", what, true).value_or("");
        spec.to = yaml_.text_list(value, "to", what);
        if (spec.to.empty()) {
          yaml_.error("E-MISSING-KEY", value, model::say("{} has no '{}'", what, "to"));
        }
        read_within(value, spec, what);
      }
      read_deadline_common(value, spec, what);
      if (spec.basis.empty()) {
        yaml_.error(
            "E-MISSING-KEY", value,
            model::say("{} has no 'basis'; every deadline must cite its legal basis", what));
      }
      def_.deadlines.push_back(std::move(spec));
    }
  }

  YamlReader& yaml_;
  model::WorkflowDefinition& def_;
};

}  // namespace

std::optional<model::WorkflowDefinition> load_workflow_text(const std::string& path,
                                                            const std::string& text,
                                                            Diagnostics& out) {
  YamlReader yaml(path, text, out);
  auto root = yaml.parse();
  if (!root) return std::nullopt;
  model::WorkflowDefinition def;
  def.source_path = path;
  def.source_text = text;
  def.content_hash = model::sha256_hex(text);
  try {
    WorkflowReader(yaml, def).read(*root);
  } catch (const YAML::Exception& e) {
    // yaml-cpp throws on some malformed structures while reading (e.g. deep recursion guards).
    yaml.syntax_error(e);
    return std::nullopt;
  }
  return def;
}

std::optional<model::WorkflowDefinition> load_workflow_file(const std::string& path,
                                                            Diagnostics& out) {
  auto text = read_definition_file(path, out);
  if (!text) return std::nullopt;
  return load_workflow_text(path, *text, out);
}

}  // namespace regflow::load
