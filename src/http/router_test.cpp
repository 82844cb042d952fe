#include "http/router.hpp"

#include <gtest/gtest.h>

namespace agenthq::http {
namespace {
using boost::beast::http::verb;

Handler noop() {
  return [](RequestContext&) -> boost::asio::awaitable<Response> { co_return Response{}; };
}

TEST(Router, MatchesLiteralAndParameterSegments) {
  Router r;
  r.add(verb::get, "/api/v1/agents/:id", Access::authenticated, noop());
  r.add(verb::get, "/api/v1/agents", Access::authenticated, noop());
  r.add(verb::post, "/api/v1/agents/:id/heartbeat", Access::authenticated, noop());
  std::unordered_map<std::string, std::string> params;
  const Route* m = r.match(verb::get, "/api/v1/agents/01ABC", params);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->pattern, "/api/v1/agents/:id");
  EXPECT_EQ(params.at("id"), "01ABC");
  params.clear();
  m = r.match(verb::post, "/api/v1/agents/x/heartbeat", params);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(params.at("id"), "x");
  params.clear();
  EXPECT_EQ(r.match(verb::get, "/api/v1/agents", params)->pattern, "/api/v1/agents");
}

TEST(Router, LiteralBeatsParameterWhateverTheOrder) {
  Router r;
  r.add(verb::get, "/api/v1/posts/:id", Access::authenticated, noop());
  r.add(verb::get, "/api/v1/posts/search", Access::authenticated, noop());
  std::unordered_map<std::string, std::string> params;
  EXPECT_EQ(r.match(verb::get, "/api/v1/posts/search", params)->pattern, "/api/v1/posts/search");
  EXPECT_TRUE(params.empty());
  EXPECT_EQ(r.match(verb::get, "/api/v1/posts/abc", params)->pattern, "/api/v1/posts/:id");
}

TEST(Router, MethodSegmentCountAndTrailingSlash) {
  Router r;
  r.add(verb::get, "/api/v1/org", Access::authenticated, noop());
  std::unordered_map<std::string, std::string> params;
  EXPECT_EQ(r.match(verb::delete_, "/api/v1/org", params), nullptr);
  EXPECT_EQ(r.match(verb::get, "/api/v1/org/extra", params), nullptr);
  EXPECT_EQ(r.match(verb::get, "/api/v1", params), nullptr);
  EXPECT_NE(r.match(verb::get, "/api/v1/org/", params), nullptr);  // Express treats it as the same route
  EXPECT_EQ(r.match(verb::get, "/api/v2/org", params), nullptr);
}

TEST(Router, HasPathWithAnyMethod) {
  Router r;
  r.add(verb::post, "/mcp", Access::authenticated, noop());
  r.add(verb::get, "/api/v1/agents/:id", Access::authenticated, noop());
  EXPECT_TRUE(r.has_path("/mcp"));  // a GET of a POST-only route is still the API's, not the dashboard's
  EXPECT_TRUE(r.has_path("/api/v1/agents/x"));
  EXPECT_FALSE(r.has_path("/agents"));
  EXPECT_FALSE(r.has_path("/api/v1/agents/x/y"));
}

}  // namespace
}  // namespace agenthq::http
