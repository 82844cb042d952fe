#include "verticals/real_estate/pipeline.hpp"

#include <gtest/gtest.h>

namespace agenthq::verticals::real_estate {
namespace {

TEST(RePipeline, ForwardMovesAndCancellationFromOpenStatuses) {
  EXPECT_TRUE(may_move("prospecting", "listed"));
  EXPECT_TRUE(may_move("listed", "under_contract"));
  EXPECT_TRUE(may_move("under_contract", "pending"));
  EXPECT_TRUE(may_move("pending", "closed"));
  EXPECT_TRUE(may_move("listed", "pending"));  // skipping forward is allowed
  EXPECT_TRUE(may_move("prospecting", "closed"));
  for (auto from : {"prospecting", "listed", "under_contract", "pending"})
    EXPECT_TRUE(may_move(from, "cancelled"));
  for (auto s : kStatuses) EXPECT_TRUE(may_move(s, s)) << s;
}

TEST(RePipeline, BackwardsAndOutOfFinalStatusesAreRefused) {
  EXPECT_FALSE(may_move("listed", "prospecting"));
  EXPECT_FALSE(may_move("pending", "under_contract"));
  EXPECT_FALSE(may_move("closed", "listed"));
  EXPECT_FALSE(may_move("closed", "cancelled"));
  EXPECT_FALSE(may_move("cancelled", "prospecting"));
  EXPECT_FALSE(may_move("cancelled", "closed"));
  EXPECT_FALSE(may_move("listed", "sold"));
  EXPECT_FALSE(may_move("nope", "listed"));
  EXPECT_EQ(refused_move_message("closed", "listed"),
            "cannot move a transaction from closed to listed: closed is final");
}

TEST(RePipeline, BackOnTheMarketWhenAContractFallsThrough) {
  EXPECT_TRUE(may_move("under_contract", "listed"));
  EXPECT_TRUE(may_move("pending", "listed"));
  EXPECT_FALSE(may_move("pending", "under_contract"));  // only back to listed, nowhere else
  EXPECT_FALSE(may_move("pending", "prospecting"));
  EXPECT_FALSE(may_move("closed", "listed"));
  EXPECT_FALSE(may_move("cancelled", "listed"));
  EXPECT_NE(refused_move_message("pending", "prospecting").find("back to listed when a contract falls through"),
            std::string::npos);
}

TEST(RePipeline, SourcesOfEachStatus) {
  using V = std::vector<std::string>;
  EXPECT_EQ(statuses_that_may_move_to("prospecting"), V({"prospecting"}));
  EXPECT_EQ(statuses_that_may_move_to("listed"), V({"prospecting", "listed", "under_contract", "pending"}));
  EXPECT_EQ(statuses_that_may_move_to("pending"), V({"prospecting", "listed", "under_contract", "pending"}));
  EXPECT_EQ(statuses_that_may_move_to("closed"),
            V({"prospecting", "listed", "under_contract", "pending", "closed"}));
  EXPECT_EQ(statuses_that_may_move_to("cancelled"),
            V({"prospecting", "listed", "under_contract", "pending", "cancelled"}));
}

}  // namespace
}  // namespace agenthq::verticals::real_estate
