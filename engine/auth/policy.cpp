#include "engine/auth/policy.hpp"

#include <algorithm>

namespace regflow::auth {

SessionState session_state(const SessionTimes& session, time::Instant now,
                           const SessionPolicy& policy) {
  if (session.revoked) return SessionState::Revoked;
  if (now - session.created >= policy.absolute) return SessionState::Expired;
  if (now - session.last_seen >= policy.idle) return SessionState::IdleExpired;
  return SessionState::Valid;
}

bool should_touch(const SessionTimes& session, time::Instant now, const SessionPolicy& policy) {
  return now - session.last_seen >= policy.touch_every;
}

ThrottlePolicy account_throttle() {
  return ThrottlePolicy{};
}

ThrottlePolicy address_throttle() {
  ThrottlePolicy policy;
  policy.free_attempts = 20;
  policy.step = std::chrono::seconds(2);
  policy.lock_after = 50;
  return policy;
}

namespace {

std::int64_t current_count(const FailureCount& failures, time::Instant now,
                           const ThrottlePolicy& policy) {
  if (failures.count == 0) return 0;
  return now - failures.last >= policy.forget_after ? 0 : failures.count;
}

}  // namespace

ThrottleDecision throttle(const FailureCount& failures, time::Instant now,
                          const ThrottlePolicy& policy) {
  const std::int64_t count = current_count(failures, now, policy);
  if (count < policy.free_attempts) return {};
  const auto since = now - failures.last;
  if (count >= policy.lock_after) {
    if (since >= policy.lock_for) return {};
    return {false, std::chrono::duration_cast<std::chrono::seconds>(policy.lock_for - since), true};
  }
  const auto wait = policy.step * (count - policy.free_attempts + 1);
  if (since >= wait) return {};
  return {false, std::chrono::duration_cast<std::chrono::seconds>(wait - since), false};
}

FailureCount after_failure(const FailureCount& failures, time::Instant now,
                           const ThrottlePolicy& policy) {
  return {current_count(failures, now, policy) + 1, std::max(now, failures.last)};
}

}  // namespace regflow::auth
