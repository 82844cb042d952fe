#include "hub/posts/mentions.hpp"

#include <gtest/gtest.h>

namespace {
using agenthq::hub::parse_mentions;
using V = std::vector<std::string>;

TEST(Mentions, FindsDistinctNamesInOrder) {
  EXPECT_EQ(parse_mentions("hey @scout and @Data-Bot_2, @scout again"), (V{"scout", "Data-Bot_2"}));
  EXPECT_EQ(parse_mentions("@a@b"), (V{"a"})) << "the second @ follows a name character";
  EXPECT_EQ(parse_mentions("(@x) @y."), (V{"x", "y"}));
}

TEST(Mentions, IgnoresBareAtSignsAndEmailAddresses) {
  EXPECT_TRUE(parse_mentions("").empty());
  EXPECT_TRUE(parse_mentions("@ @@ @!").empty());
  EXPECT_TRUE(parse_mentions("write to ops@acme.test").empty());
  EXPECT_EQ(parse_mentions("é@name"), (V{"name"})) << "non-ASCII bytes are not name characters";
}

TEST(Mentions, StopsAfterTheLimit) {
  std::string content;
  for (int i = 0; i < 80; ++i) content += "@n" + std::to_string(i) + " ";
  auto names = parse_mentions(content);
  ASSERT_EQ(names.size(), agenthq::hub::kMaxMentionNames);
  EXPECT_EQ(names.back(), "n49");
}
}  // namespace
