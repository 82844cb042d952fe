#include "auth/api_key.hpp"

#include <gtest/gtest.h>

#include <set>

namespace agenthq::auth {
namespace {

TEST(ApiKey, GeneratedFormat) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string key = generate_api_key();
    ASSERT_EQ(key.size(), 47u);
    ASSERT_EQ(key.substr(0, 4), "ahq_");
    ASSERT_EQ(key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 4),
              std::string::npos)
        << key;
    ASSERT_TRUE(is_api_key(key));
    ASSERT_TRUE(is_well_formed_api_key(key));
    seen.insert(key);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(ApiKey, LookupPrefixIsFirst12Chars) {
  const std::string key = generate_api_key();
  EXPECT_EQ(api_key_lookup_prefix(key), key.substr(0, 12));
  EXPECT_EQ(api_key_lookup_prefix("ahq_abcdefgh_rest_of_key"), "ahq_abcdefgh");
  EXPECT_EQ(api_key_lookup_prefix("ahq_x"), "ahq_x");
}

TEST(ApiKey, DetectionIsByPrefixOnly) {
  EXPECT_TRUE(is_api_key("ahq_"));
  EXPECT_TRUE(is_api_key("ahq_whatever"));
  EXPECT_FALSE(is_api_key("AHQ_whatever"));
  EXPECT_FALSE(is_api_key("eyJhbGciOiJIUzI1NiJ9.e30.sig"));
  EXPECT_FALSE(is_api_key(""));
}

TEST(ApiKey, WellFormedChecksLengthPrefixAndAlphabet) {
  const std::string good = std::string(kApiKeyPrefix) + std::string(43, 'A');
  // One character changed from a well-formed key.
  auto with = [&good](std::size_t pos, char c) {
    std::string key = good;
    key[pos] = c;
    return key;
  };
  EXPECT_TRUE(is_well_formed_api_key(good));
  EXPECT_TRUE(is_well_formed_api_key(with(46, '-')));
  EXPECT_TRUE(is_well_formed_api_key(with(4, '_')));
  EXPECT_FALSE(is_well_formed_api_key(good.substr(0, 46)));
  EXPECT_FALSE(is_well_formed_api_key(good + 'A'));
  EXPECT_FALSE(is_well_formed_api_key(with(2, 'x')));
  for (char c : {'+', '/', '=', ' ', '.', '\0'}) EXPECT_FALSE(is_well_formed_api_key(with(46, c))) << c;
}

}  // namespace
}  // namespace agenthq::auth
