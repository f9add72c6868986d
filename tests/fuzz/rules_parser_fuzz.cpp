// libFuzzer target for the rules language: whatever the bytes, lexing, parsing, type checking
// and evaluating must neither crash nor hang. Built by -DREGFLOW_FUZZ=ON (clang); run by
// tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/rules/expression.hpp"
#include "engine/rules/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace regflow;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)rules::parse(text);

  rules::Scope scope;
  scope.variables["kategori"] = rules::VariableInfo{model::ValueType::Enum, {"umum", "apbd"}};
  scope.variables["nilai"] = rules::VariableInfo{model::ValueType::Number, {}};
  scope.variables["mendesak"] = rules::VariableInfo{model::ValueType::Bool, {}};
  scope.roles = {"pemrakarsa"};
  scope.steps = {"fasilitasi"};
  const rules::RuleSet rule_set;
  model::Diagnostics out;
  if (auto compiled = rules::compile(text, {"fuzz", 1, 1}, scope, rule_set, out)) {
    rules::EvalInput input;
    input.variables["kategori"] = std::string("apbd");
    input.variables["nilai"] = 3.0;
    (void)rules::evaluate(*compiled, input, rule_set);
  }
  for (const auto& diagnostic : out) (void)model::format_diagnostic(diagnostic);
  return 0;
}
