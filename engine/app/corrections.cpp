// Installation's correction commands, kept apart from installation.cpp: each is one read →
// decide → write transaction through decide_and_write, like advance and extend.
#include "engine/app/installation.hpp"
#include "engine/runtime/decide_correction.hpp"

namespace regflow::app {

AdvanceOutcome Installation::correct(const std::string& id, const runtime::CorrectCommand& command,
                                     const runtime::Actor& actor, time::Instant now) {
  return decide_and_write(id, now, [&](const runtime::DecideContext& ctx, const Dossier& dossier) {
    return runtime::decide_correct(ctx, dossier.state, command, actor);
  });
}

AdvanceOutcome Installation::cancel(const std::string& id, const runtime::CancelCommand& command,
                                    const runtime::Actor& actor, time::Instant now) {
  return decide_and_write(id, now, [&](const runtime::DecideContext& ctx, const Dossier& dossier) {
    return runtime::decide_cancel(ctx, dossier.state, command, actor);
  });
}

AdvanceOutcome Installation::record_kendala(const std::string& id,
                                            const runtime::KendalaCommand& command,
                                            const runtime::Actor& actor, time::Instant now) {
  return decide_and_write(id, now, [&](const runtime::DecideContext& ctx, const Dossier& dossier) {
    return runtime::decide_kendala(ctx, dossier.state, command, actor);
  });
}

}  // namespace regflow::app
