// The dashboard as the hub serves it: index.html for the root and client-side routes, hashed
// assets cached for good, a policy without inline script, and API paths left alone. A hub built
// without npm has no dashboard, serves the API and says so in its log.
#include <gtest/gtest.h>

#include <regex>

#include "support/hub_process.hpp"

namespace agenthq::test {
namespace {
using boost::beast::http::verb;

class Dashboard : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }
  static HubProcess* hub_;
};
HubProcess* Dashboard::hub_ = nullptr;

#if AGENTHQ_WITH_DASHBOARD

TEST_F(Dashboard, RootAndClientRoutesServeIndexHtmlRevalidated) {
  for (const char* path : {"/", "/channels/01HXYZ", "/re/pipeline", "/login?next=%2Fagents"}) {
    auto r = client().get(path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8") << path;
    EXPECT_EQ(r.header("cache-control"), "no-cache") << path;
    EXPECT_FALSE(r.header("etag").empty()) << path;
    EXPECT_NE(r.body.find("<div id=\"app\">"), std::string::npos) << path;
  }
}

TEST_F(Dashboard, PolicyAllowsNoInlineScriptAndIndexHasNone) {
  auto r = client().get("/");
  const std::string csp = r.header("content-security-policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("upgrade-insecure-requests"), std::string::npos) << csp;
  EXPECT_EQ(r.header("x-frame-options"), "SAMEORIGIN");
  // Every <script> is an external file: no inline code for the policy to refuse.
  std::regex script(R"(<script\b[^>]*>)");
  int scripts = 0;
  for (auto it = std::sregex_iterator(r.body.begin(), r.body.end(), script); it != std::sregex_iterator();
       ++it) {
    ++scripts;
    EXPECT_NE(it->str().find("src=\"/assets/"), std::string::npos) << it->str();
  }
  EXPECT_GE(scripts, 1);
}

TEST_F(Dashboard, HashedAssetsAreImmutableAndTyped) {
  auto index = client().get("/");
  std::smatch js, css;
  ASSERT_TRUE(std::regex_search(index.body, js, std::regex(R"re(src="(/assets/[^"]+\.js)")re")))
      << index.body;
  ASSERT_TRUE(std::regex_search(index.body, css, std::regex(R"re(href="(/assets/[^"]+\.css)")re")))
      << index.body;
  auto script = client().get(js[1]);
  ASSERT_EQ(script.status, 200);
  EXPECT_EQ(script.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_GT(script.body.size(), 1000u);
  auto style = client().get(css[1]);
  EXPECT_EQ(style.status, 200);
  EXPECT_EQ(style.header("content-type"), "text/css; charset=utf-8");
  // An asset of an older build is a 404, never index.html served as JavaScript.
  auto stale = client().get("/assets/index-0000000.js");
  EXPECT_EQ(stale.status, 404);
  EXPECT_EQ(stale.error_code(), "NOT_FOUND");
}

TEST_F(Dashboard, MatchingEtagGets304) {
  auto first = client().get("/");
  auto again = client().request(verb::get, "/", std::nullopt, "", {{"If-None-Match", first.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  auto other = client().request(verb::get, "/", std::nullopt, "", {{"If-None-Match", "\"elsewhere\""}});
  EXPECT_EQ(other.status, 200);
}

#else

TEST_F(Dashboard, WithoutABuildTheApiIsServedAndTheLogSaysWhy) {
  EXPECT_NE(hub_->log().find("dashboard not built, serving the API only"), std::string::npos) << hub_->log();
  auto r = client().get("/");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.error_code(), "NOT_FOUND");
}

#endif

TEST_F(Dashboard, ApiPathsAndTheSocketStayTheApis) {
  for (const char* path : {"/api/v1/nope", "/api/v1", "/ws", "/api/v1/agents/x/y"}) {
    auto r = client().get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8") << path;
    EXPECT_EQ(r.error_code(), "NOT_FOUND") << path;
  }
  auto health = client().get("/health");  // 200, or 503 until the first database probe answered
  EXPECT_EQ(health.header("content-type"), "application/json; charset=utf-8");
  EXPECT_TRUE(health.json.as_object().contains("status")) << health.body;
  EXPECT_EQ(client().get("/api/v1/org").status, 401);
  EXPECT_EQ(client().request(verb::post, "/").status, 404);
}

}  // namespace
}  // namespace agenthq::test
