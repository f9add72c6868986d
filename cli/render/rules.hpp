// The named rules and decision tables with where they are used (`regflow rules`), and the result
// of trying an expression (`regflow eval`), for people and for programs.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/check/rule_uses.hpp"
#include "engine/load/config_set.hpp"
#include "engine/rules/evaluator.hpp"

namespace regflow::cli::render {

using RuleUses = std::map<std::string, std::vector<check::RuleUse>>;

std::string rules_text(const load::ConfigSet& config, const RuleUses& uses);
nlohmann::json rules_json(const load::ConfigSet& config, const RuleUses& uses);

/// The value of an expression of type `type` and each name it read.
std::string evaluation_text(const rules::Evaluation& evaluation, model::ValueType type);
nlohmann::json evaluation_json(const std::string& expression, const rules::Evaluation& evaluation,
                               model::ValueType type);

}  // namespace regflow::cli::render
