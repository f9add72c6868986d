#include "engine/model/definition.hpp"

namespace regflow::model {

const Action* Step::find_action(const std::string& action_name) const {
  for (const auto& action : actions) {
    if (action.name == action_name) return &action;
  }
  return nullptr;
}

bool WorkflowDefinition::in_force_on(time::Date day) const {
  return (!effective || *effective <= day) && (!until || day <= *until);
}

std::string WorkflowDefinition::period_text() const {
  if (effective && until) {
    return "in force " + time::format_date(*effective) + " to " + time::format_date(*until);
  }
  if (effective) return "in force from " + time::format_date(*effective);
  if (until) return "in force until " + time::format_date(*until);
  return "";
}

const Step* WorkflowDefinition::find_step(const std::string& id) const {
  for (const auto& step : steps) {
    if (step.id == id) return &step;
  }
  return nullptr;
}

const VariableDecl* WorkflowDefinition::find_variable(const std::string& var_name) const {
  for (const auto& variable : variables) {
    if (variable.name == var_name) return &variable;
  }
  return nullptr;
}

const RoleDecl* WorkflowDefinition::find_role(const std::string& role_name) const {
  for (const auto& role : roles) {
    if (role.name == role_name) return &role;
  }
  return nullptr;
}

std::vector<std::string> WorkflowDefinition::step_ids() const {
  std::vector<std::string> out;
  out.reserve(steps.size());
  for (const auto& step : steps) out.push_back(step.id);
  return out;
}

std::vector<const DeadlineSpec*> WorkflowDefinition::all_deadlines() const {
  std::vector<const DeadlineSpec*> out;
  for (const auto& step : steps) {
    if (step.limit) out.push_back(&*step.limit);
  }
  for (const auto& deadline : deadlines) out.push_back(&deadline);
  return out;
}

const DeadlineSpec* WorkflowDefinition::find_deadline(const std::string& id) const {
  for (const auto* deadline : all_deadlines()) {
    if (deadline->id == id) return deadline;
  }
  return nullptr;
}

std::string kind_name(StepKind kind) {
  switch (kind) {
    case StepKind::Task: return "task";
    case StepKind::SignOff: return "signoff";
    case StepKind::Waiting: return "waiting";
    case StepKind::Final: return "final";
  }
  return "?";
}

}  // namespace regflow::model
