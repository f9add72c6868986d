#include "engine/check/references.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "engine/model/spelling.hpp"
#include "engine/rules/expression.hpp"
#include "engine/runtime/executable_workflow.hpp"

namespace regflow::check {
namespace {

using model::Diagnostics;
using model::make_error;
using model::make_warning;

class ReferenceChecker {
 public:
  ReferenceChecker(const model::WorkflowDefinition& def, const model::AgencyDirectory& agencies,
                   Diagnostics& out)
      : def_(def),
        agencies_(agencies),
        out_(out),
        steps_(def.step_ids()),
        known_steps_(steps_.begin(), steps_.end()) {
    for (const auto& role : def.roles) roles_.push_back(role.name);
    for (const auto& variable : def.variables) variables_.push_back(variable.name);
    parties_ = agencies.codes();
    parties_.insert(parties_.end(), roles_.begin(), roles_.end());
  }

  void run() {
    if (def_.initial.empty()) {
      // reported by the loader as a missing key
    } else if (def_.find_step(def_.initial) == nullptr) {
      step_error(def_.initial, def_.values.of("initial", def_.location),
                 model::verbatim("'initial'"));
    } else if (def_.find_step(def_.initial)->kind == model::StepKind::Final) {
      out_.push_back(make_error("E-INITIAL-FINAL", def_.location,
                                model::say("the initial step '{}' is final; a dossier would be "
                                           "closed as soon as it starts",
                                           def_.initial)));
    }
    for (std::size_t i = 0; i < def_.target_until.size(); ++i) {
      if (!is_step(def_.target_until[i])) {
        step_error(def_.target_until[i], def_.values.of("target_until", i, def_.location),
                   model::verbatim("'target_until'"));
      }
    }
    for (const auto& role : def_.roles) {
      if (!role.default_agency.empty() && !agencies_.contains(role.default_agency)) {
        out_.push_back(make_error(
            "E-UNKNOWN-AGENCY", role.location,
            model::say("default agency '{}' of role '{}' is not an agency{}", role.default_agency,
                       role.name, model::suggestion(role.default_agency, agencies_.codes()))));
      }
      if (agencies_.contains(role.name)) {
        out_.push_back(make_error("E-ROLE-SHADOWS-AGENCY", role.location,
                                  model::say("role '{}' has the same name as an agency; rename "
                                             "the role",
                                             role.name)));
      }
    }
    for (const auto& step : def_.steps) check_step(step);
    for (const auto& deadline : def_.deadlines) check_deadline(deadline);
  }

 private:
  void step_error(const std::string& name, const model::SourceLocation& where,
                  const model::Message& what) {
    out_.push_back(make_error("E-UNKNOWN-STEP", where,
                              model::say("{} names '{}', which is not a step of workflow '{}'{}",
                                         what, name, def_.name, model::suggestion(name, steps_))));
  }

  void party(const std::string& name, const model::SourceLocation& where,
             const model::Message& what) {
    if (agencies_.contains(name)) return;
    if (std::find(roles_.begin(), roles_.end(), name) != roles_.end()) return;
    auto d = make_error(
        "E-UNKNOWN-AGENCY", where,
        model::say("{} names '{}', which is neither an agency nor a role of workflow '{}'{}", what,
                   name, def_.name, model::suggestion(name, parties_)));
    d.notes.push_back(roles_.empty()
                          ? model::say("agencies are listed in workflows/agencies.yaml")
                          : model::say("roles: {}; agencies are listed in workflows/agencies.yaml",
                                       model::quoted_list(roles_)));
    out_.push_back(std::move(d));
  }

  // An escalation goes to the owner's parent agency; an owner at the top (the Governor) has none,
  // and the timer can then only remind. A role's agency is known only when a dossier starts.
  void escalation_target(const model::Step& step, const model::Message& what) {
    if (!step.limit || !agencies_.contains(step.owner) ||
        agencies_.parent_of(step.owner) != nullptr)
      return;
    for (const auto& timer : step.limit->timers) {
      if (timer.kind != model::TimerKind::Escalate) continue;
      out_.push_back(make_warning(
          "W-ESCALATE-NO-PARENT", step.limit->location,
          model::say(
              "the limit of {} escalates, but its owner '{}' has no parent agency; the owner "
              "will be reminded instead (use 'remind', or give '{}' a parent in agencies.yaml)",
              what, step.owner, step.owner)));
      return;
    }
  }

  void check_step(const model::Step& step) {
    const model::Message what = model::say("step '{}'", step.id);
    if (step.kind != model::StepKind::Final && !step.owner.empty()) {
      party(step.owner, step.values.of("owner", step.location), model::say("owner of {}", what));
      escalation_target(step, what);
    }
    if (step.kind == model::StepKind::Waiting && !step.with.empty()) {
      if (!agencies_.contains(step.with)) {
        out_.push_back(
            make_error("E-UNKNOWN-AGENCY", step.values.of("with", step.location),
                       model::say("'with' of {} names '{}', which is not an agency{}", what,
                                  step.with, model::suggestion(step.with, agencies_.codes()))));
      } else if (!agencies_.find(step.with)->outside) {
        out_.push_back(
            make_warning("W-WAITING-ON-INSIDE", step.location,
                         model::say("waiting {} waits on '{}', which is not marked 'outside: true'",
                                    what, step.with)));
      }
    }
    if (step.kind == model::StepKind::SignOff) {
      if (step.signers.empty()) {
        out_.push_back(make_error("E-SIGNOFF-NO-SIGNERS", step.location,
                                  model::say("signoff {} lists no signers", what)));
      }
      std::set<std::string> seen;
      for (std::size_t i = 0; i < step.signers.size(); ++i) {
        const auto& signer = step.signers[i];
        const auto& where = step.values.of("signers", i, step.location);
        party(signer, where, model::say("signer of {}", what));
        if (!seen.insert(signer).second) {
          out_.push_back(
              make_error("E-DUPLICATE-SIGNER", where,
                         model::say("'{}' is listed twice as a signer of {}", signer, what)));
        }
      }
      if (step.quorum.kind == model::QuorumKind::AtLeast &&
          step.quorum.count > static_cast<int>(step.signers.size())) {
        out_.push_back(
            make_error("E-QUORUM-TOO-LARGE", step.location,
                       model::say("signoff {} needs {} signatures but lists only {} signers", what,
                                  step.quorum.count, step.signers.size())));
      }
      if (!step.next.empty() && !is_step(step.next)) {
        step_error(step.next, step.values.of("next", step.location),
                   model::say("'next' of {}", what));
      }
    }
    for (const auto& action : step.actions) check_action(step, action);
    if (step.limit) check_timers(*step.limit);
  }

  void check_action(const model::Step& step, const model::Action& action) {
    const model::Message what = model::say("action '{}' of step '{}'", action.name, step.id);
    if (!action.target.empty() && !is_step(action.target)) {
      step_error(action.target, action.values.of("to", action.location),
                 model::say("target of {}", what));
    }
    for (std::size_t i = 0; i < action.by.size(); ++i) {
      party(action.by[i], action.values.of("by", i, action.location),
            model::say("'by' of {}", what));
    }
    for (const auto& variable : action.sets) {
      if (def_.find_variable(variable) == nullptr) {
        out_.push_back(
            make_error("E-UNKNOWN-VARIABLE", action.location,
                       model::say("{} sets '{}', which is not a variable of workflow '{}'{}", what,
                                  variable, def_.name, model::suggestion(variable, variables_))));
      }
    }
  }

  void check_timers(const model::DeadlineSpec& deadline) {
    for (const auto& timer : deadline.timers) {
      if (timer.kind == model::TimerKind::Transition && !timer.target.empty() &&
          !is_step(timer.target)) {
        step_error(timer.target, timer.location,
                   model::say("transition target of deadline '{}'", deadline.id));
      }
    }
  }

  void check_deadline(const model::DeadlineSpec& deadline) {
    const model::Message what = model::say("deadline '{}'", deadline.id);
    if (deadline.kind == model::DeadlineKind::Anchored) {
      if (!deadline.from.empty() && !is_step(deadline.from)) {
        step_error(deadline.from, deadline.values.of("from", deadline.location),
                   model::say("'from' of {}", what));
      }
      for (std::size_t i = 0; i < deadline.to.size(); ++i) {
        if (!is_step(deadline.to[i])) {
          step_error(deadline.to[i], deadline.values.of("to", i, deadline.location),
                     model::say("'to' of {}", what));
        }
      }
    } else if (deadline.kind == model::DeadlineKind::DateVariable) {
      const auto* variable = def_.find_variable(deadline.variable);
      if (variable == nullptr) {
        out_.push_back(
            make_error("E-UNKNOWN-VARIABLE", deadline.values.of("date", deadline.location),
                       model::say("{} is due on '{}', which is not a variable of workflow '{}'{}",
                                  what, deadline.variable, def_.name,
                                  model::suggestion(deadline.variable, variables_))));
      } else if (variable->type != model::ValueType::Date) {
        out_.push_back(make_error("E-WRONG-TYPE", deadline.location,
                                  model::say("{} is due on '{}', which is a {}, not a date", what,
                                             deadline.variable, model::type_word(variable->type))));
      }
      for (std::size_t i = 0; i < deadline.active_in.size(); ++i) {
        const auto& step = deadline.active_in[i];
        if (!is_step(step)) {
          step_error(step, deadline.values.of("active_in", i, deadline.location),
                     model::say("'active_in' of {}", what));
        }
      }
    }
    check_timers(deadline);
  }

  const model::WorkflowDefinition& def_;
  const model::AgencyDirectory& agencies_;
  Diagnostics& out_;
  std::vector<std::string> steps_;
  // Every reference is looked up here rather than with find_step, a linear scan: that made
  // checking a workflow of n steps quadratic (bench/README.md).
  std::unordered_set<std::string> known_steps_;

  bool is_step(const std::string& id) const { return known_steps_.count(id) != 0; }
  std::vector<std::string> roles_;
  std::vector<std::string> variables_;
  std::vector<std::string> parties_;
};

}  // namespace

void check_references(const model::WorkflowDefinition& def, const model::AgencyDirectory& agencies,
                      const rules::RuleSet& rules, Diagnostics& out) {
  ReferenceChecker(def, agencies, out).run();
  check_rule_uses(def, rules, out);
}

}  // namespace regflow::check

namespace regflow::check {

std::vector<std::string> table_step_outputs(const rules::RuleSet& rules, const std::string& table) {
  std::vector<std::string> out;
  const auto* found = rules.find_table(table);
  if (found == nullptr) return out;
  for (const auto& row : found->rows) {
    auto it = row.outputs.find("step");
    if (it == row.outputs.end()) continue;
    const std::string step = model::to_text(it->second);
    if (std::find(out.begin(), out.end(), step) == out.end()) out.push_back(step);
  }
  return out;
}

void check_rule_uses(const model::WorkflowDefinition& def, const rules::RuleSet& rules,
                     model::Diagnostics& out) {
  const rules::Scope scope = runtime::scope_of(def);
  const auto steps = def.step_ids();
  // A guarded timer's condition is type-checked like an action's guard.
  for (const auto* deadline : def.all_deadlines()) {
    for (const auto& timer : deadline->timers) {
      if (timer.guard) {
        rules::compile_condition(timer.guard->text, timer.guard->location, scope, rules, out);
      }
    }
  }
  for (const auto& step : def.steps) {
    for (const auto& action : step.actions) {
      if (action.guard) {
        rules::compile_condition(action.guard->text, action.guard->location, scope, rules, out);
      }
      if (action.route_table.empty()) continue;
      const auto* table = rules.find_table(action.route_table);
      if (table == nullptr) {
        out.push_back(model::make_error(
            "E-UNKNOWN-TABLE", action.location,
            model::say("action '{}' of step '{}' routes by '{}', which is not a decision table "
                       "in rules/{}",
                       action.name, step.id, action.route_table,
                       model::suggestion(action.route_table, rules.table_names()))));
        continue;
      }
      for (auto& d : rules::check_rule_inputs(rules, action.route_table, scope, action.location)) {
        out.push_back(std::move(d));
      }
      const bool has_step_output =
          std::any_of(table->outputs.begin(), table->outputs.end(),
                      [](const rules::TableOutput& o) { return o.name == "step"; });
      if (!has_step_output) {
        out.push_back(model::make_error(
            "E-ROUTE-NO-STEP", action.location,
            model::say("decision table '{}' used by action '{}' has no 'step' output to route by",
                       action.route_table, action.name)));
        continue;
      }
      for (const auto& target : table_step_outputs(rules, action.route_table)) {
        if (def.find_step(target) == nullptr) {
          out.push_back(model::make_error(
              "E-UNKNOWN-STEP", action.location,
              model::say("decision table '{}' routes action '{}' to '{}', which is not a step of "
                         "workflow '{}'{}",
                         action.route_table, action.name, target, def.name,
                         model::suggestion(target, steps))));
        }
      }
    }
  }
}

}  // namespace regflow::check
