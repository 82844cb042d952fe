#include "app/config.hpp"

#include <gtest/gtest.h>

namespace agenthq::app {
namespace {

std::string error_of(const Environment& env) {
  try {
    parse_config(env);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(Config, Defaults) {
  Config c = parse_config({});
  EXPECT_EQ(c.port, 3000);
  EXPECT_EQ(c.hub.jwt_ttl, std::chrono::seconds(900));
  EXPECT_EQ(c.hub.jwt_refresh_ttl, std::chrono::seconds(604800));
  EXPECT_EQ(c.rate_limit_max, 100);
  EXPECT_EQ(c.rate_limit_window, std::chrono::milliseconds(60000));
  EXPECT_EQ(c.cors_origin, "http://localhost:3001");
  EXPECT_EQ(c.log_flush_interval, std::chrono::seconds(1));
  EXPECT_FALSE(c.production);
}

TEST(Config, ParsesValues) {
  Config c = parse_config({{"PORT", "8080"}, {"JWT_EXPIRES_IN", "2h"}, {"JWT_REFRESH_EXPIRES_IN", "30000"},
                           {"AGENTHQ_ENV", "production"}, {"ENCRYPTION_KEY", std::string(64, 'f')}});
  EXPECT_EQ(c.port, 8080);
  EXPECT_EQ(c.hub.jwt_ttl, std::chrono::hours(2));
  EXPECT_EQ(c.hub.jwt_refresh_ttl, std::chrono::seconds(30));  // a bare number is milliseconds
  EXPECT_TRUE(c.production);
  EXPECT_EQ(c.hub.encryption_key, std::string(32, '\xff'));
  EXPECT_EQ(parse_config({{"LOG_FLUSH_INTERVAL_S", "0"}}).log_flush_interval, std::chrono::seconds(0));
}

TEST(Config, MalformedValuesNameTheVariable) {
  EXPECT_NE(error_of({{"PORT", "abc"}}).find("PORT"), std::string::npos);
  EXPECT_NE(error_of({{"PORT", "70000"}}).find("PORT"), std::string::npos);
  EXPECT_NE(error_of({{"JWT_EXPIRES_IN", "15x"}}).find("JWT_EXPIRES_IN"), std::string::npos);
  EXPECT_NE(error_of({{"RATE_LIMIT_WINDOW_MS", "-1"}}).find("RATE_LIMIT_WINDOW_MS"), std::string::npos);
  EXPECT_NE(error_of({{"ENCRYPTION_KEY", "zz"}}).find("ENCRYPTION_KEY"), std::string::npos);
  EXPECT_NE(error_of({{"JWT_SECRET", "too-short"}}).find("JWT_SECRET"), std::string::npos);
  EXPECT_NE(error_of({{"LOG_FLUSH_INTERVAL_S", "61"}}).find("LOG_FLUSH_INTERVAL_S"), std::string::npos);
  EXPECT_NE(error_of({{"AGENTHQ_ENV", "staging"}}).find("AGENTHQ_ENV"), std::string::npos);
}

TEST(Config, ProductionRequiresSecrets) {
  Config c = parse_config({{"AGENTHQ_ENV", "production"}});
  EXPECT_THROW(resolve_secrets(c), ConfigError);
}

}  // namespace
}  // namespace agenthq::app
