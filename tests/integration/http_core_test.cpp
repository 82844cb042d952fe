// The HTTP core as a client sees it: health, envelope, 404s, CORS and security headers, body
// limits, rate limiting, request logging and graceful shutdown; and start-up configuration errors.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <future>
#include <thread>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using boost::beast::http::verb;

class HttpCore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(std::map<std::string, std::string>{{"CORS_ORIGIN", "http://app.example"}}); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  static HubProcess* hub_;
};
HubProcess* HttpCore::hub_ = nullptr;

TEST_F(HttpCore, HealthReportsDatabase) {
  // The probe runs every second; give it a moment after start.
  HttpResult r;
  for (int i = 0; i < 50; ++i) {
    r = client().get("/health");
    if (r.status == 200) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json.at("success"), true);
  EXPECT_EQ(r.json.at("status"), "ok");
  EXPECT_EQ(r.json.at("database"), "ok");
  EXPECT_EQ(r.json.at("timestamp").as_string().size(), 24u);
  EXPECT_EQ(client().get("/api/v1/health").status, 200);
}

// GET of other paths belongs to the dashboard (dashboard_test.cpp).
TEST_F(HttpCore, UnknownRoutesAndMethodsAreJson404) {
  for (auto [method, path] : {std::pair{verb::post, "/nope"}, std::pair{verb::get, "/api/v1/nope"},
                              std::pair{verb::delete_, "/api/v1/org"}, std::pair{verb::put, "/health"}}) {
    auto r = client().request(method, path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.json.at("success"), false);
    EXPECT_EQ(r.error_code(), "NOT_FOUND");
  }
}

TEST_F(HttpCore, HeadIsGetWithoutTheBody) {
  auto org = register_org(client(), "head");
  for (const std::string path : {"/health", "/api/v1/org"}) {
    auto get = client().request(verb::get, path, std::nullopt, org.access_token);
    auto head = client().request(verb::head, path, std::nullopt, org.access_token);
    ASSERT_EQ(get.status, 200) << path;
    EXPECT_EQ(head.status, 200) << path;
    EXPECT_TRUE(head.body.empty()) << path;
    EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size())) << path;
    EXPECT_EQ(head.header("content-type"), get.header("content-type")) << path;
  }
  auto get = client().get("/api/v1/org", org.access_token);
  auto head = client().request(verb::head, "/api/v1/org", std::nullopt, org.access_token);
  EXPECT_EQ(head.header("etag"), get.header("etag"));
  EXPECT_EQ(client().request(verb::head, "/api/v1/org").status, 401);
}

TEST_F(HttpCore, CorsAndSecurityHeaders) {
  auto r = client().get("/health");
  EXPECT_EQ(r.header("access-control-allow-origin"), "http://app.example");
  EXPECT_EQ(r.header("access-control-allow-credentials"), "true");
  EXPECT_EQ(r.header("vary"), "Origin");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("x-frame-options"), "SAMEORIGIN");
  EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
  EXPECT_FALSE(r.header("x-request-id").empty());
  EXPECT_TRUE(r.header("x-powered-by").empty());

  auto pre = client().request(verb::options, "/api/v1/posts", std::nullopt, "",
                              {{"Origin", "http://app.example"},
                               {"Access-Control-Request-Method", "POST"},
                               {"Access-Control-Request-Headers", "authorization,content-type"}});
  EXPECT_EQ(pre.status, 204);
  EXPECT_EQ(pre.header("access-control-allow-methods"), "GET,HEAD,PUT,PATCH,POST,DELETE");
  EXPECT_EQ(pre.header("access-control-allow-headers"), "authorization,content-type");
  EXPECT_TRUE(pre.header("ratelimit-limit").empty());  // preflights are not counted
}

TEST_F(HttpCore, BadBodiesGetClearErrors) {
  auto raw_post = [&](const std::string& body, const std::string& type = "application/json") {
    return client().raw("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: " + type +
                        "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  };
  auto malformed = raw_post("{\"email\": ");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.error_code(), "VALIDATION_ERROR");
  auto array = raw_post("[1,2]");
  EXPECT_EQ(array.status, 400);
  EXPECT_EQ(array.error_code(), "VALIDATION_ERROR");
  std::string deep(100, '[');
  auto nested = raw_post("{\"a\":" + deep + std::string(100, ']') + "}");
  EXPECT_EQ(nested.status, 400);
  auto infinite = raw_post(R"({"email":"a@b.test","password":"x","n":[1e999]})");
  EXPECT_EQ(infinite.status, 400);
  EXPECT_EQ(infinite.error_code(), "VALIDATION_ERROR");
  // Not JSON content: the body counts as {} and validation says what is missing.
  auto text = raw_post("email=a", "text/plain");
  EXPECT_EQ(text.status, 400);
  EXPECT_EQ(text.error_code(), "VALIDATION_ERROR");

  auto oversize = raw_post("{\"email\":\"" + std::string(101 * 1024, 'a') + "\"}");
  EXPECT_EQ(oversize.status, 413);
  EXPECT_EQ(oversize.json.at("success"), false);

  auto garbage = client().raw("NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(garbage.status, 400);
  // The server is still fine.
  EXPECT_EQ(client().get("/health").json.at("status"), "ok");
}

TEST_F(HttpCore, RequestsTheServerCannotReadGetTheStandardReply) {
  const std::string body = "{\"email\":\"" + std::string(101 * 1024, 'a') + "\"}";
  auto oversize = client().raw("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  auto garbage = client().raw("NOT HTTP AT ALL\r\n\r\n");
  for (const auto* r : {&oversize, &garbage}) {
    EXPECT_EQ(r->header("access-control-allow-origin"), "http://app.example");
    EXPECT_EQ(r->header("x-content-type-options"), "nosniff");
    EXPECT_FALSE(r->header("x-request-id").empty());
    EXPECT_EQ(r->header("connection"), "close");
  }
  EXPECT_EQ(oversize.status, 413);
  EXPECT_EQ(oversize.error_code(), "PAYLOAD_TOO_LARGE");
  EXPECT_EQ(oversize.json.at("error").at("message"), "Request body exceeds 100 KiB");  // the configured limit
}

TEST_F(HttpCore, AccessLogHasOneLinePerRequestWithoutSecrets) {
  HubProcess buffered(std::map<std::string, std::string>{{"LOG_FLUSH_INTERVAL_S", "1"}});  // the default
  auto org = register_org(buffered.client(), "log");
  buffered.client().get("/api/v1/org?token=should-not-appear", org.access_token);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // buffered lines are written each second
  const std::string log = buffered.log();
  EXPECT_NE(log.find(R"("msg":"request")"), std::string::npos);
  EXPECT_NE(log.find(R"("path":"/api/v1/org","status":200)"), std::string::npos);
  EXPECT_EQ(log.find(org.access_token), std::string::npos);
  EXPECT_EQ(log.find(org.password), std::string::npos);
  EXPECT_EQ(log.find("should-not-appear"), std::string::npos);
}

TEST(HttpCoreLimits, RateLimitPerClient) {
  HubProcess hub(std::map<std::string, std::string>{{"RATE_LIMIT_MAX", "5"}, {"RATE_LIMIT_WINDOW_MS", "60000"}});
  auto c = hub.client();
  for (int i = 0; i < 5; ++i) {
    auto r = c.get("/api/v1/nope");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.header("ratelimit-limit"), "5");
    EXPECT_EQ(r.header("ratelimit-remaining"), std::to_string(4 - i));
    EXPECT_EQ(r.header("ratelimit-policy"), "5;w=60");
  }
  auto limited = c.get("/health");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.error_code(), "RATE_LIMITED");
  EXPECT_FALSE(limited.header("retry-after").empty());
}

TEST(HttpCoreLifecycle, GracefulShutdownFinishesInFlightRequests) {
  HubProcess hub(std::map<std::string, std::string>{{"AGENTHQ_BCRYPT_COST", "13"}});  // makes registration slow enough to be in flight
  auto c = hub.client();
  auto pending = std::async(std::launch::async, [&] {
    return c.post("/api/v1/auth/register", {{"orgName", "Slow"}, {"orgSlug", "slow-" + random_suffix(6)},
                                            {"email", "slow-" + random_suffix(6) + "@example.com"},
                                            {"password", "password123"}, {"name", "S"}});
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  EXPECT_EQ(hub.terminate(), 0);
  auto r = pending.get();
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_NE(hub.log().find(R"("msg":"stopped")"), std::string::npos);
}

TEST(Configuration, MalformedValuesAreRejectedByName) {
  struct Case {
    const char* var;
    const char* value;
  };
  for (auto c : {Case{"PORT", "abc"}, Case{"JWT_EXPIRES_IN", "15x"}, Case{"JWT_REFRESH_EXPIRES_IN", "-1d"},
                 Case{"RATE_LIMIT_MAX", "ten"}, Case{"ENCRYPTION_KEY", "abc"}, Case{"JWT_SECRET", "short"},
                 Case{"AGENTHQ_ENV", "staging"}, Case{"LOG_LEVEL", "loud"}}) {
    auto r = run_agenthq({"serve"}, {{c.var, c.value}, {"DATABASE_URL", "host=/nonexistent"}});
    EXPECT_EQ(r.exit_code, 2) << c.var << ": " << r.output;
    EXPECT_NE(r.output.find(c.var), std::string::npos) << r.output;
  }
  auto prod = run_agenthq({"serve"}, {{"AGENTHQ_ENV", "production"}, {"JWT_SECRET", ""}, {"DATABASE_URL", "host=/x"}});
  EXPECT_EQ(prod.exit_code, 2);
  EXPECT_NE(prod.output.find("JWT_SECRET"), std::string::npos);
  auto prod_key = run_agenthq({"serve"}, {{"AGENTHQ_ENV", "production"}, {"ENCRYPTION_KEY", ""}, {"DATABASE_URL", "host=/x"}});
  EXPECT_EQ(prod_key.exit_code, 2);
  EXPECT_NE(prod_key.output.find("ENCRYPTION_KEY"), std::string::npos);
  auto version = run_agenthq({"version"}, {});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.output.find("agenthq "), std::string::npos);
}

}  // namespace
}  // namespace agenthq::test
