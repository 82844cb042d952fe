// A route cannot exist undocumented: the served table and api_docs() must list the same routes.
#include "app/route_table.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/json.hpp>

#include "auth/api_key_cache.hpp"
#include "auth/jwt.hpp"
#include "db/database.hpp"
#include "realtime/event_bus.hpp"

namespace agenthq::app {
namespace {

// The hub's route table exactly as `serve` builds it (nothing here connects to a database).
struct Table {
  Config config;
  db::Database db{"host=/nonexistent", 1, std::chrono::seconds(1)};
  auth::JwtCodec jwt{std::string(40, 'x')};
  auth::ApiKeyCache keys;
  boost::asio::thread_pool workers{1};
  boost::asio::io_context ioc;
  realtime::EventBus events{ioc, db};
  hub::Services services{config.hub, db, jwt, keys, workers, events};
  hub::HealthProbe probe;
  realtime::SessionRegistry sessions;
  mcp::SessionStore mcp_sessions;
  http::Router router;
  Table() { add_all_routes(router, RouteDeps{config, services, probe, sessions, mcp_sessions, false}); }
};

TEST(RouteTable, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  Table t;
  EXPECT_GT(t.router.routes().size(), 60u);
  const auto missing = api_docs().undocumented(t.router);
  EXPECT_TRUE(missing.empty()) << "routes without docs (add them to the resource's *_docs.cpp): "
                               << boost::json::serialize(boost::json::value_from(missing));
  const auto stale = api_docs().unrouted(t.router);
  EXPECT_TRUE(stale.empty()) << "docs of routes that do not exist: "
                             << boost::json::serialize(boost::json::value_from(stale));
}

TEST(RouteTable, TheDocumentHasEveryRouteWithItsParameters) {
  Table t;
  const auto doc = api_docs().document(t.router, "test");
  EXPECT_EQ(doc.at("openapi"), "3.1.0");
  const auto& paths = doc.at("paths").as_object();
  std::size_t operations = 0;
  for (const auto& [path, item] : paths) operations += item.as_object().size();
  EXPECT_EQ(operations, t.router.routes().size());
  const auto& get_post = paths.at("/api/v1/posts/{id}").at("get").as_object();
  EXPECT_EQ(get_post.at("parameters").at(0).at("name"), "id");
  EXPECT_EQ(get_post.at("parameters").at(0).at("in"), "path");
  EXPECT_TRUE(get_post.at("responses").as_object().contains("404"));
  // Open routes say so; the others inherit the bearer requirement.
  EXPECT_TRUE(paths.at("/health").at("get").as_object().at("security").as_array().empty());
  EXPECT_FALSE(paths.at("/api/v1/org").at("get").as_object().contains("security"));
  EXPECT_TRUE(paths.at("/api/v1/org").at("patch").at("responses").as_object().contains("403"));
}

}  // namespace
}  // namespace agenthq::app
