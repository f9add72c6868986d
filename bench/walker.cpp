#include "bench/walker.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/time/calendar.hpp"

namespace regflow::bench {
namespace {

std::string sample_value(const model::VariableDecl& variable, std::mt19937& random) {
  std::uniform_int_distribution<int> pick(0, 999);
  switch (variable.type) {
    case model::ValueType::Enum:
      return variable.values.at(static_cast<std::size_t>(pick(random)) % variable.values.size());
    case model::ValueType::Number:
      return std::to_string(pick(random));
    case model::ValueType::Bool:
      return pick(random) % 2 == 0 ? "true" : "false";
    case model::ValueType::Date:
      return fmt::format("2027-{:02}-15", 1 + pick(random) % 12);
    case model::ValueType::Text:
    case model::ValueType::List:
      return fmt::format("nilai-{}", pick(random));
  }
  return "x";
}

int returns_taken(const app::Dossier& dossier) {
  int count = 0;
  for (const auto& e : dossier.events) {
    if (e.note == "perlu perbaikan (bench)") ++count;
  }
  return count;
}

}  // namespace

runtime::Actor register_bench_user(app::Installation& installation, const std::string& name) {
  if (auto existing = installation.actor(name)) return *existing;
  store::UserRecord user{name, {}, "staf", {}};
  for (const auto& [code, agency] : installation.config().agencies.all()) {
    if (!agency.outside) user.agencies.push_back(code);
  }
  installation.store().add_user(user);
  return runtime::Actor{user.name, user.agencies, user.role, {}, std::nullopt};
}

runtime::StartCommand start_command(const model::WorkflowDefinition& definition,
                                    const std::string& title, std::mt19937& random) {
  runtime::StartCommand command;
  command.title = title;
  for (const auto& variable : definition.variables) {
    if (variable.required) {
      command.sets[variable.name] = sample_value(variable, random);
    }
  }
  // A role without a default (kerja sama's pemrakarsa) is named at start, as a clerk would.
  for (const auto& role : definition.roles) {
    if (role.default_agency.empty()) command.bindings[role.name] = "dinas-kukm";
  }
  return command;
}

std::optional<runtime::AdvanceCommand> pick_action(const app::Installation& installation,
                                                   const app::Dossier& dossier,
                                                   const runtime::Actor& actor, time::Instant now,
                                                   const WalkPolicy& policy, std::mt19937& random) {
  if (dossier.state.closed) return std::nullopt;
  const auto* step = dossier.definition->find_step(dossier.state.step);
  if (step == nullptr) return std::nullopt;
  const auto context = installation.context(*dossier.workflow, now);
  std::vector<runtime::AdvanceCommand> forward;
  std::vector<runtime::AdvanceCommand> returns;
  auto consider = [&](runtime::AdvanceCommand command, bool is_return) {
    const auto decision = runtime::decide_advance(context, dossier.state, command, actor);
    if (std::holds_alternative<runtime::Refusal>(decision)) return;
    (is_return ? returns : forward).push_back(std::move(command));
  };
  if (step->kind == model::StepKind::SignOff) consider({"sign", "", {}, {}}, false);
  for (const auto& action : step->actions) {
    runtime::AdvanceCommand command{action.name, "", {}, {}};
    if (action.is_return) command.note = "perlu perbaikan (bench)";
    for (const auto& name : action.sets) {
      if (const auto* variable = dossier.definition->find_variable(name)) {
        command.sets[name] = sample_value(*variable, random);
      }
    }
    consider(std::move(command), action.is_return);
  }
  std::uniform_real_distribution<double> chance(0.0, 1.0);
  if (!returns.empty() && returns_taken(dossier) < policy.max_returns &&
      (forward.empty() || chance(random) < policy.return_chance)) {
    return returns.front();
  }
  if (forward.empty()) return std::nullopt;
  std::uniform_int_distribution<std::size_t> index(0, forward.size() - 1);
  return forward[index(random)];
}

}  // namespace regflow::bench
