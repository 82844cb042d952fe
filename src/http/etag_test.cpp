#include "http/etag.hpp"

#include <gtest/gtest.h>

namespace {
using agenthq::http::if_none_match;
using agenthq::http::weak_etag;

TEST(ETag, IsWeakAndFollowsTheBody) {
  const auto a = weak_etag(R"({"success":true,"data":[]})");
  EXPECT_EQ(a.substr(0, 3), "W/\"");
  EXPECT_EQ(a.back(), '"');
  EXPECT_EQ(a.substr(3, a.find('-') - 3), "1a") << "the body's length in hex";
  EXPECT_EQ(a.size() - a.find('-') - 2, 16u) << "16 hex digits of the hash";
  EXPECT_EQ(a, weak_etag(R"({"success":true,"data":[]})"));
  EXPECT_NE(a, weak_etag(R"({"success":true,"data":[1]})"));
  EXPECT_NE(weak_etag(R"({"data":[1]})"), weak_etag(R"({"data":[2]})")) << "same length, other body";
}

TEST(ETag, IfNoneMatchComparesWeakly) {
  const auto tag = weak_etag("x");
  const std::string strong = tag.substr(2);
  EXPECT_TRUE(if_none_match(tag, tag));
  EXPECT_TRUE(if_none_match(strong, tag));
  EXPECT_TRUE(if_none_match("W/\"other\", " + tag, tag));
  EXPECT_TRUE(if_none_match("*", tag));
  EXPECT_FALSE(if_none_match("W/\"other\"", tag));
  EXPECT_FALSE(if_none_match("", tag));
  EXPECT_FALSE(if_none_match(" , ", tag));
}
}  // namespace
