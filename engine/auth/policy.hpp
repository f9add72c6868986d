// Sign-in policy as pure decisions: when a session has expired, and whether a sign-in attempt
// may be tried at all after earlier failures. No clock and no database: the caller passes `now`
// and what the store recorded, so every rule is tested with plain values.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "engine/time/date.hpp"

namespace regflow::auth {

/// What the store keeps of a session (besides its token's digest).
struct SessionTimes {
  time::Instant created{};
  time::Instant last_seen{};
  bool revoked = false;  ///< signed out, or the password changed
};

struct SessionPolicy {
  /// A session unused this long is over (a browser left open on a shared desk).
  std::chrono::seconds idle{std::chrono::hours(1)};
  /// A session is over this long after sign-in, however busy (one working day).
  std::chrono::seconds absolute{std::chrono::hours(12)};
  /// last_seen is written at most this often, so that reading pages does not write every time.
  std::chrono::seconds touch_every{std::chrono::minutes(1)};
};

enum class SessionState { Valid, Revoked, IdleExpired, Expired };

SessionState session_state(const SessionTimes& session, time::Instant now,
                           const SessionPolicy& policy);

/// Whether a valid session's last_seen should be written again at `now`.
bool should_touch(const SessionTimes& session, time::Instant now, const SessionPolicy& policy);

/// Failed sign-ins recorded under one key (an account, or a client address).
struct FailureCount {
  std::int64_t count = 0;
  time::Instant last{};
};

/// Failures are free up to `free_attempts`; then each attempt waits `step` times the failures
/// beyond that since the last one; from `lock_after` failures, nothing is tried until `lock_for`
/// after the last. A key with no failure for `forget_after` starts again from zero.
struct ThrottlePolicy {
  std::int64_t free_attempts = 5;
  std::chrono::seconds step{5};
  std::int64_t lock_after = 10;
  std::chrono::seconds lock_for{std::chrono::minutes(15)};
  std::chrono::seconds forget_after{std::chrono::minutes(15)};
};

/// The policy per account, and the looser one per client address (several people may sit behind
/// one office's address).
ThrottlePolicy account_throttle();
ThrottlePolicy address_throttle();

struct ThrottleDecision {
  bool allowed = true;
  std::chrono::seconds retry_after{0};  ///< when not allowed: how long until it is
  bool locked = false;                  ///< not allowed because of the lock, not a slow-down
};

ThrottleDecision throttle(const FailureCount& failures, time::Instant now,
                          const ThrottlePolicy& policy);

/// The failures to record after one more failed attempt at `now` (forgetting old ones first).
FailureCount after_failure(const FailureCount& failures, time::Instant now,
                           const ThrottlePolicy& policy);

}  // namespace regflow::auth
