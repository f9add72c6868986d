// libFuzzer target for the workflow definition loader: whatever the bytes of a workflows/*.yaml
// file, loading it, checking it against the shipped agencies and rules (Boost.Graph included),
// compiling its guards and formatting every diagnostic must neither crash nor hang. Built by
// -DREGFLOW_FUZZ=ON (clang); run by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/check/checker.hpp"
#include "engine/load/agency_loader.hpp"
#include "engine/load/rule_loader.hpp"
#include "engine/load/workflow_loader.hpp"
#include "engine/runtime/executable_workflow.hpp"

namespace {

using namespace regflow;

// The shipped agencies and rules, so that references in the input can resolve and the checker
// and guard compiler go past "unknown agency".
struct Shipped {
  model::AgencyDirectory agencies;
  rules::RuleSet rules;
};

const Shipped& shipped() {
  static const Shipped loaded = [] {
    Shipped s;
    model::Diagnostics ignored;
    s.agencies = load::load_agencies_file(REGFLOW_SOURCE_DIR "/workflows/agencies.yaml", ignored);
    s.rules = load::load_rules(REGFLOW_SOURCE_DIR "/rules").rules;
    return s;
  }();
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  model::Diagnostics out;
  auto definition = load::load_workflow_text("fuzz.yaml", text, out);
  if (definition) {
    check::check_workflow(*definition, shipped().agencies, shipped().rules, out);
    check::check_workflow_set({*definition}, out);
    model::Diagnostics compile;
    (void)runtime::prepare(*definition, shipped().rules, compile);
    for (const auto& diagnostic : compile) (void)model::format_diagnostic(diagnostic);
  }
  model::sort_diagnostics(out);
  for (const auto& diagnostic : out) (void)model::format_diagnostic(diagnostic);
  return 0;
}
