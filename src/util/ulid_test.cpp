#include "util/ulid.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <set>
#include <string_view>
#include <thread>
#include <vector>

namespace agenthq::util {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

std::int64_t decode_timestamp(std::string_view ulid) {
  std::int64_t ms = 0;
  for (char c : ulid.substr(0, 10)) ms = ms * 32 + static_cast<std::int64_t>(kAlphabet.find(c));
  return ms;
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TEST(Ulid, FormatAndAlphabet) {
  for (int i = 0; i < 1000; ++i) {
    const std::string id = new_ulid();
    ASSERT_EQ(id.size(), 26u);
    ASSERT_EQ(id.find_first_not_of(kAlphabet), std::string::npos) << id;  // no I, L, O, U, lower case
    ASSERT_LE(id[0], '7') << "48-bit timestamp leaves the top 2 bits of the first char zero";
  }
}

TEST(Ulid, TimestampDecodesToNow) {
  const std::int64_t before = now_ms();
  const std::string id = new_ulid();
  const std::int64_t after = now_ms();
  EXPECT_GE(decode_timestamp(id), before);
  EXPECT_LE(decode_timestamp(id), after);
}

TEST(Ulid, StrictlyIncreasingWithinTheSameMillisecond) {
  std::vector<std::string> ids;
  ids.reserve(10000);
  for (int i = 0; i < 10000; ++i) ids.push_back(new_ulid());
  for (std::size_t i = 1; i < ids.size(); ++i) ASSERT_LT(ids[i - 1], ids[i]) << "at " << i;

  // The loop is far faster than 1 id/ms, so many neighbours share a timestamp: the random part
  // must be what keeps them ordered.
  std::size_t same_ms = 0;
  for (std::size_t i = 1; i < ids.size(); ++i) {
    if (ids[i - 1].compare(0, 10, ids[i], 0, 10) == 0) ++same_ms;
  }
  EXPECT_GT(same_ms, 1000u);
}

TEST(Ulid, SortsByCreationTime) {
  const std::string first = new_ulid();
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  const std::string second = new_ulid();
  EXPECT_LT(first, second);
  EXPECT_LT(decode_timestamp(first), decode_timestamp(second));
}

TEST(Ulid, UniqueAndOrderedAcrossThreads) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 5000;
  std::vector<std::vector<std::string>> per_thread(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) per_thread[t].push_back(new_ulid());
    });
  }
  for (auto& th : threads) th.join();
  std::set<std::string> all;
  for (const auto& ids : per_thread) {
    EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end(), std::greater_equal<>()), ids.end());
    all.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kThreads * kPerThread));
}

}  // namespace
}  // namespace agenthq::util
