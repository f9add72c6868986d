#include <catch2/catch.hpp>

#include "engine/auth/policy.hpp"

using namespace regflow::auth;
using namespace std::chrono_literals;
using regflow::time::Instant;

namespace {
const Instant kT0{std::chrono::seconds(1'700'000'000)};
}

TEST_CASE("a session ends when idle, at its absolute limit, or when revoked",
          "[auth][policy][session]") {
  const SessionPolicy policy;  // idle 1 h, absolute 12 h
  SessionTimes s{kT0, kT0, false};
  CHECK(session_state(s, kT0 + 59min, policy) == SessionState::Valid);
  CHECK(session_state(s, kT0 + 60min, policy) == SessionState::IdleExpired);
  s.last_seen = kT0 + 11h + 30min;
  CHECK(session_state(s, kT0 + 11h + 59min, policy) == SessionState::Valid);
  CHECK(session_state(s, kT0 + 12h, policy) == SessionState::Expired);
  s.revoked = true;
  CHECK(session_state(s, kT0 + 11h + 31min, policy) == SessionState::Revoked);
}

TEST_CASE("a session's last use is written at most once a minute", "[auth][policy][session]") {
  const SessionPolicy policy;
  const SessionTimes s{kT0, kT0, false};
  CHECK_FALSE(should_touch(s, kT0 + 59s, policy));
  CHECK(should_touch(s, kT0 + 60s, policy));
}

TEST_CASE("failed sign-ins are free, then slowed, then locked, then forgotten",
          "[auth][policy][throttle]") {
  const ThrottlePolicy policy = account_throttle();  // 5 free, +5 s each, lock at 10 for 15 min
  FailureCount f;
  for (int i = 0; i < 5; ++i) {
    CHECK(throttle(f, kT0, policy).allowed);
    f = after_failure(f, kT0, policy);
  }
  CHECK(f.count == 5);
  SECTION("the sixth attempt waits 5 s after the fifth failure") {
    const auto d = throttle(f, kT0 + 2s, policy);
    CHECK_FALSE(d.allowed);
    CHECK_FALSE(d.locked);
    CHECK(d.retry_after == 3s);
    CHECK(throttle(f, kT0 + 5s, policy).allowed);
  }
  SECTION("from ten failures nothing is tried for 15 minutes") {
    Instant at = kT0;
    for (int i = 0; i < 5; ++i) {
      at += 60s;
      f = after_failure(f, at, policy);
    }
    CHECK(f.count == 10);
    const auto d = throttle(f, at + 60s, policy);
    CHECK_FALSE(d.allowed);
    CHECK(d.locked);
    CHECK(d.retry_after == 14min);
    CHECK(throttle(f, at + 15min, policy).allowed);
  }
  SECTION("failures older than 15 minutes are forgotten") {
    CHECK(after_failure(f, kT0 + 15min, policy).count == 1);
  }
}

TEST_CASE("a client address gets more free attempts than one account",
          "[auth][policy][throttle]") {
  const ThrottlePolicy policy = address_throttle();
  FailureCount f{19, kT0};
  CHECK(throttle(f, kT0, policy).allowed);
  f = after_failure(f, kT0, policy);
  CHECK_FALSE(throttle(f, kT0, policy).allowed);
}
