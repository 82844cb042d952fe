#include "realtime/session_registry.hpp"

#include <gtest/gtest.h>

#include "realtime/watched_orgs.hpp"

namespace agenthq::realtime {
namespace {

TEST(WatchedOrgs, AnOrgIsWatchedWhileAnyoneWaitsForIt) {
  WatchedOrgs watched;
  EXPECT_FALSE(watched.watched("a"));
  watched.watch("a");
  watched.watch("a");
  watched.unwatch("a");
  EXPECT_TRUE(watched.watched("a"));
  watched.unwatch("a");
  EXPECT_FALSE(watched.watched("a"));
  watched.unwatch("a");  // more unwatches than watches leave it unwatched, never negative
  watched.watch("a");
  EXPECT_TRUE(watched.watched("a"));
}

TEST(SessionRegistry, TapsCountAsWatchersAcrossRegistriesUntilRemoved) {
  WatchedOrgs watched;
  SessionRegistry first(&watched), second(&watched);
  const auto a = first.add_tap("org-a", [](const Event*) {});
  const auto b = second.add_tap("org-a", [](const Event*) {});
  EXPECT_TRUE(watched.watched("org-a"));
  EXPECT_FALSE(watched.watched("org-b"));
  first.remove_tap(a);
  EXPECT_TRUE(watched.watched("org-a"));  // the other thread's wait still counts
  second.remove_tap(b);
  EXPECT_FALSE(watched.watched("org-a"));
  {
    SessionRegistry going(&watched);
    going.add_tap("org-b", [](const Event*) {});
    EXPECT_TRUE(watched.watched("org-b"));
  }
  EXPECT_FALSE(watched.watched("org-b"));  // a registry that goes takes its watchers with it
}

}  // namespace
}  // namespace agenthq::realtime
