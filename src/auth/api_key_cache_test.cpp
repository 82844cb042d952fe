#include "auth/api_key_cache.hpp"

#include <gtest/gtest.h>

namespace agenthq::auth {
namespace {
using namespace std::chrono_literals;

TEST(ApiKeyCache, ValidKeysAreServedThenStaleThenForgotten) {
  ApiKeyCache live(60s, 10s);
  ApiKeyCache::Agent out;
  EXPECT_EQ(live.find("digest", out), ApiKeyCache::Lookup::miss);
  live.remember_valid("digest", {"agent-1", "org-1"});
  ASSERT_EQ(live.find("digest", out), ApiKeyCache::Lookup::valid);
  EXPECT_EQ(out.agent_id, "agent-1");
  EXPECT_EQ(out.org_id, "org-1");

  // Expired at once: no longer trusted without bcrypt, but still known to be a real key.
  ApiKeyCache expired(0s, 0s, 100, 24h);
  expired.remember_valid("digest", {"agent-1", "org-1"});
  EXPECT_EQ(expired.find("digest", out), ApiKeyCache::Lookup::stale);
  expired.forget_agent("agent-1");  // deleted: not even stale
  EXPECT_EQ(expired.find("digest", out), ApiKeyCache::Lookup::miss);

  ApiKeyCache forgotten(0s, 0s, 100, 0s);
  forgotten.remember_valid("digest", {"agent-1", "org-1"});
  EXPECT_EQ(forgotten.find("digest", out), ApiKeyCache::Lookup::miss);
}

TEST(ApiKeyCache, WrongKeysAreRememberedBrieflyAndNeverStale) {
  ApiKeyCache cache(60s, 10s);
  ApiKeyCache::Agent out;
  cache.remember_invalid("wrong");
  EXPECT_EQ(cache.find("wrong", out), ApiKeyCache::Lookup::invalid);
  ApiKeyCache expired(60s, 0s, 100, 24h);
  expired.remember_invalid("wrong");
  EXPECT_EQ(expired.find("wrong", out), ApiKeyCache::Lookup::miss);
}

TEST(ApiKeyCache, AFullCacheDropsWrongKeysBeforeRealOnes) {
  ApiKeyCache cache(60s, 60s, 4);
  ApiKeyCache::Agent out;
  cache.remember_valid("real-1", {"agent-1", "org-1"});
  cache.remember_valid("real-2", {"agent-2", "org-1"});
  cache.remember_invalid("guess-1");
  cache.remember_invalid("guess-2");
  cache.remember_invalid("guess-3");  // full of live entries: the guesses make room
  EXPECT_EQ(cache.find("real-1", out), ApiKeyCache::Lookup::valid);
  EXPECT_EQ(cache.find("real-2", out), ApiKeyCache::Lookup::valid);
  EXPECT_EQ(cache.find("guess-1", out), ApiKeyCache::Lookup::miss);
  EXPECT_EQ(cache.find("guess-3", out), ApiKeyCache::Lookup::invalid);
  EXPECT_EQ(cache.size(), 3u);
}

}  // namespace
}  // namespace agenthq::auth
