#include "auth/key_guess_throttle.hpp"

#include <gtest/gtest.h>

namespace agenthq::auth {
namespace {

KeyGuessThrottle small() { return KeyGuessThrottle({/*per_prefix=*/4, /*per_client=*/2, std::chrono::seconds(60)}); }

TEST(KeyGuessThrottle, ClientBudgetIsSpentByGuessesOnly) {
  auto t = small();
  EXPECT_FALSE(t.reserve("ahq_AAAAAAAA", "10.0.0.1"));
  EXPECT_FALSE(t.reserve("ahq_AAAAAAAA", "10.0.0.1"));
  auto refused = t.reserve("ahq_BBBBBBBB", "10.0.0.1");  // the client's budget covers every prefix
  ASSERT_TRUE(refused);
  EXPECT_GT(*refused, 0);
  EXPECT_LE(*refused, 60);
  EXPECT_FALSE(t.reserve("ahq_AAAAAAAA", "10.0.0.2"));  // other clients are not affected
}

TEST(KeyGuessThrottle, ValidKeysGiveTheirUnitBack) {
  auto t = small();
  for (int i = 0; i < 10; ++i) {
    ASSERT_FALSE(t.reserve("ahq_AAAAAAAA", "10.0.0.1")) << i;
    t.refund("ahq_AAAAAAAA", "10.0.0.1");
  }
}

TEST(KeyGuessThrottle, PrefixBudgetCoversAllClientsAndRefusedClientsDoNotSpendIt) {
  auto t = small();
  // One client alone cannot spend the prefix's budget: after its own 2 it is refused, and the
  // refusals do not count against the prefix.
  EXPECT_FALSE(t.reserve("ahq_AAAAAAAA", "10.0.0.1"));
  EXPECT_FALSE(t.reserve("ahq_AAAAAAAA", "10.0.0.1"));
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(t.reserve("ahq_AAAAAAAA", "10.0.0.1"));
  EXPECT_FALSE(t.reserve("ahq_AAAAAAAA", "10.0.0.2"));
  EXPECT_FALSE(t.reserve("ahq_AAAAAAAA", "10.0.0.3"));
  // Four guesses from three clients spent the prefix's budget; a fourth client is refused too,
  // and that refusal leaves the fourth client's own budget untouched.
  EXPECT_TRUE(t.reserve("ahq_AAAAAAAA", "10.0.0.4"));
  EXPECT_FALSE(t.reserve("ahq_BBBBBBBB", "10.0.0.4"));
  EXPECT_FALSE(t.reserve("ahq_BBBBBBBB", "10.0.0.4"));
  EXPECT_TRUE(t.reserve("ahq_BBBBBBBB", "10.0.0.4"));
}

}  // namespace
}  // namespace agenthq::auth
