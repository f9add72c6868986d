// libFuzzer target for the rules file loader (rules/*.yaml): inputs, named rules and decision
// tables read from arbitrary bytes, then finalized (every expression compiled, cycles between
// rules found); neither may crash nor hang. Built by -DREGFLOW_FUZZ=ON; run by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/load/rule_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace regflow;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  rules::RuleSet rule_set;
  model::Diagnostics out;
  load::read_rules(text, "fuzz.yaml", rule_set, out);
  rule_set.finalize(out);
  model::sort_diagnostics(out);
  for (const auto& diagnostic : out) (void)model::format_diagnostic(diagnostic);
  return 0;
}
