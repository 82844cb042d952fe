#include "hub/cache/versioned_cache.hpp"

#include <gtest/gtest.h>

#include <string>

namespace agenthq::hub {
namespace {

TEST(VersionedCache, KeepsTheNewestVersionOfAValue) {
  VersionedCache<int> cache(16);
  EXPECT_EQ(cache.find("k"), nullptr);
  cache.store("k", 5, 3);
  ASSERT_NE(cache.find("k"), nullptr);
  EXPECT_EQ(cache.find("k")->version, 5);
  EXPECT_EQ(cache.find("k")->value, 3);
  cache.store("k", 4, 2);  // a slower request that read an older version
  EXPECT_EQ(cache.find("k")->version, 5);
  cache.store("k", 7, 4);
  EXPECT_EQ(cache.find("k")->version, 7);
  EXPECT_EQ(cache.find("k")->value, 4);
  EXPECT_EQ(cache.find("other"), nullptr);
}

TEST(VersionedCache, StaysBoundedAndKeepsTheNewest) {
  VersionedCache<int> small(4);
  for (int i = 0; i < 10; ++i) small.store(std::to_string(i), 1, i);
  int kept = 0;
  for (int i = 0; i < 10; ++i) kept += small.find(std::to_string(i)) != nullptr;
  EXPECT_LE(kept, 4);
  ASSERT_NE(small.find("9"), nullptr);
  EXPECT_EQ(small.find("9")->value, 9);
}

TEST(FillFlights, OneReaderPerKeyAndEveryWaiterWokenWhenItLands) {
  FillFlights flights;
  int woken = 0;
  EXPECT_TRUE(flights.join("k", [&] { ++woken; }));  // the reader: its own wake is never needed
  EXPECT_FALSE(flights.join("k", [&] { ++woken; }));
  EXPECT_FALSE(flights.join("k", [&] { ++woken; }));
  EXPECT_TRUE(flights.join("other", [&] { woken += 100; }));  // another key flies on its own
  EXPECT_EQ(woken, 0);
  flights.land("k");
  EXPECT_EQ(woken, 2);
  flights.land("k");  // landing twice wakes nobody again
  EXPECT_EQ(woken, 2);
  EXPECT_TRUE(flights.join("k", [&] { ++woken; }));  // the next miss reads again
  flights.land("other");
  EXPECT_EQ(woken, 2);
}

}  // namespace
}  // namespace agenthq::hub
