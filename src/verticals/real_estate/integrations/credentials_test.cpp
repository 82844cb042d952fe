#include "verticals/real_estate/integrations/credentials.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/api_error.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace {

TEST(Credentials, ShapesAreCheckedAndOnlyTheirFieldsKept) {
  boost::json::object fub{{"apiKey", "k-123"}, {"extra", 1}};
  EXPECT_EQ(validated_credentials(Provider::fub, fub), (boost::json::object{{"apiKey", "k-123"}}));
  boost::json::object qbo{{"accessToken", "a"}, {"refreshToken", "r"}, {"realmId", "123"}, {"expiresAt", 1.7e12}};
  auto stored = validated_credentials(Provider::quickbooks, qbo);
  EXPECT_EQ(stored.at("expiresAt"), boost::json::value(std::int64_t(1700000000000)));
  EXPECT_THROW(validated_credentials(Provider::dotloop, fub), http::ApiError);
}

TEST(Credentials, SealedTextOpensOnlyWithTheSameKey) {
  const std::string key(32, 'k');
  const boost::json::object c{{"apiKey", "secret-value"}};
  const std::string sealed = seal(key, c);
  EXPECT_EQ(sealed.find("secret-value"), std::string::npos);
  EXPECT_EQ(unseal(key, sealed), c);
  EXPECT_FALSE(unseal(std::string(32, 'j'), sealed));
  EXPECT_THROW(seal("", c), http::ApiError);
}

TEST(Credentials, RefreshIsDueFiveMinutesBeforeExpiry) {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  OAuthTokens t;
  t.expires_at_ms = ms + 5 * 60 * 1000 + 1000;
  EXPECT_FALSE(needs_refresh(t, now));
  t.expires_at_ms = ms + 5 * 60 * 1000 - 1000;
  EXPECT_TRUE(needs_refresh(t, now));
  auto next = refreshed({{"accessToken", "a"}, {"refreshToken", "r"}, {"realmId", "9"}, {"expiresAt", 1}}, "a2", "", 5);
  EXPECT_EQ(next, (boost::json::object{{"accessToken", "a2"}, {"refreshToken", "r"}, {"realmId", "9"}, {"expiresAt", 5}}));
}

}  // namespace
}  // namespace agenthq::verticals::real_estate::integrations
