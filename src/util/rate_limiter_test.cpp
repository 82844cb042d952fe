#include "util/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace agenthq::util {
namespace {
using namespace std::chrono_literals;

TEST(RateLimiter, FixedWindowPerKey) {
  RateLimiter limiter(3, 60s);
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 3; ++i) {
    auto d = limiter.hit("a", t0 + std::chrono::seconds(i));
    EXPECT_TRUE(d.allowed);
    EXPECT_EQ(d.remaining, 2 - i);
  }
  auto over = limiter.hit("a", t0 + 10s);
  EXPECT_FALSE(over.allowed);
  EXPECT_EQ(over.remaining, 0);
  EXPECT_EQ(over.reset_seconds, 50);   // the window started at the first hit
  EXPECT_TRUE(limiter.hit("b", t0 + 10s).allowed);  // another client has its own window
  EXPECT_TRUE(limiter.hit("a", t0 + 61s).allowed);   // a new window
}

TEST(RateLimiter, ManyKeysArePrunedNotLeaked) {
  RateLimiter limiter(1, 1s);
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 5000; ++i) limiter.hit("k" + std::to_string(i), t0);
  // Long after, old windows are expired: a new key still gets a fresh window.
  EXPECT_TRUE(limiter.hit("k1", t0 + 10s).allowed);
}

}  // namespace
}  // namespace agenthq::util
