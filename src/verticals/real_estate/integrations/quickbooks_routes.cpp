// QuickBooks Online proxies (contract 3.15): the upstream JSON as `data`.
#include <boost/json.hpp>

#include "verticals/real_estate/integrations/quickbooks_client.hpp"
#include "verticals/real_estate/integrations/route_support.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

void add_quickbooks_routes(http::Router& router, const EnvPtr& env) {
  for (const char* name : {"accounts", "invoices", "payments", "bills"}) {
    const std::string route = std::string("/api/v1/integrations/quickbooks/") + name;
    const std::string entity = *quickbooks_entity(name);

    // A non-empty `query` only switches to fetch-all; its text is not sent (contract 7.5: it
    // would be a query language injection point and the reference ignores it too).
    router.add(verb::get, route, Access::authenticated, [env, entity](RequestContext& ctx) -> asio::awaitable<Response> {
      const auto q = ctx.query_param("query");
      const bool fetch_all = q && !q->empty();
      auto session =
          co_await ProviderSession::open(*env, ctx.who().org_id, Provider::quickbooks, OpenMode::connected_only);
      QuickBooksClient qbo(session);
      json::value body = co_await qbo.query(entity, fetch_all, Logging::logged);
      co_return http::ok(body);
    });

    router.add(verb::get, route + "/:id", Access::authenticated,
               [env, entity](RequestContext& ctx) -> asio::awaitable<Response> {
                 const std::string id = id_param(ctx, "id");
                 auto session = co_await ProviderSession::open(*env, ctx.who().org_id, Provider::quickbooks,
                                                               OpenMode::connected_only);
                 QuickBooksClient qbo(session);
                 json::value body = co_await qbo.read(entity, id);
                 co_return http::ok(body);
               });
  }
}

}  // namespace agenthq::verticals::real_estate::integrations
