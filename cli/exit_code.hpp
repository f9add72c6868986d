// The exit codes (README, "Exit codes"; docs/architecture.md#one-action), in one place.
#pragma once

namespace regflow::cli {

enum class ExitCode { Ok = 0, Refused = 1, Usage = 2, Internal = 3 };

}  // namespace regflow::cli
