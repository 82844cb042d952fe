#include "app/route_table.hpp"

#include <boost/asio.hpp>
#include <boost/json.hpp>
#include <memory>

#include "hub/route_docs.hpp"
#include "hub/routes.hpp"
#include "hub/system/metrics_route.hpp"
#include "mcp/mcp_routes.hpp"
#include "util/json_text.hpp"
#include "verticals/real_estate/route_docs.hpp"
#include "verticals/real_estate/routes.hpp"

namespace agenthq::app {
namespace asio = boost::asio;
using boost::beast::http::verb;

namespace {

// GET /api/v1/openapi.json, rendered once per thread on first use (the table is complete by then).
void add_openapi_route(http::Router& router) {
  auto cached = std::make_shared<std::string>();
  router.add(verb::get, "/api/v1/openapi.json", http::Access::open,
             [&router, cached](http::RequestContext&) -> asio::awaitable<http::Response> {
               if (cached->empty()) *cached = util::to_json(api_docs().document(router, AGENTHQ_VERSION));
               co_return http::Response{boost::beast::http::status::ok, *cached, {}};
             });
}

}  // namespace

void add_all_routes(http::Router& router, const RouteDeps& deps) {
  hub::add_hub_routes(router, deps.services, deps.probe);
  verticals::real_estate::add_routes(router, deps.services, deps.config.providers);
  hub::add_metrics_route(router, deps.probe, deps.config.metrics_token, deps.embedded_cluster);
  mcp::add_mcp_routes(router, deps.services, deps.events, deps.mcp_sessions, deps.config.cors_origin);
  add_openapi_route(router);
}

const http::ApiDocs& api_docs() {
  static const http::ApiDocs docs = [] {
    http::ApiDocs d;
    hub::document_hub_routes(d);
    verticals::real_estate::document_routes(d);
    return d;
  }();
  return docs;
}

}  // namespace agenthq::app
