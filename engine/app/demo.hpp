// The demo installation: the Bangka Belitung UMKM programme told through dossiers. On Wednesday
// 6 January 2021 the Governor, in a video meeting, asks for a cooperation agreement with OK OCE
// Indonesia to coach small businesses, a Pergub drafted within two weeks, and a stronger Perda
// on cooperatives and UMKM. The demo seeds those three dossiers and a dozen others, driven
// through the real workflows by the agencies' own users, so the board shows every status.
#pragma once

#include "engine/app/installation.hpp"

namespace regflow::app {

/// Every demo user's password, so that the README can say how to browse the demo with
/// `regflow serve`. Only the demo sets it, and only on the database it builds.
inline constexpr const char* kDemoPassword = "babel-2021";

struct DemoSummary {
  int users = 0;
  int dossiers = 0;
  int events = 0;
};

/// Writes the demo users (with kDemoPassword) and dossiers; deterministic for a given `now` (the story's dates are
/// fixed; `now` decides only what tick has fired by then). Throws Error when a scripted step is
/// refused (the shipped workflows and the script disagree: a bug).
DemoSummary build_demo(Installation& installation, time::Instant now);

}  // namespace regflow::app
