// Dotloop proxies (contract 3.15): the upstream JSON as `data`.
#include <boost/json.hpp>

#include "verticals/real_estate/integrations/dotloop_client.hpp"
#include "verticals/real_estate/integrations/route_support.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

void add_dotloop_routes(http::Router& router, const EnvPtr& env) {
  const std::string base = "/api/v1/integrations/dotloop/profiles";

  router.add(verb::get, base, Access::authenticated, [env](RequestContext& ctx) -> asio::awaitable<Response> {
    auto session = co_await ProviderSession::open(*env, ctx.who().org_id, Provider::dotloop, OpenMode::connected_only);
    DotloopClient dotloop(session);
    json::value body = co_await dotloop.profiles();
    co_return http::ok(body);
  });

  router.add(verb::get, base + "/:pid/loops", Access::authenticated,
             [env](RequestContext& ctx) -> asio::awaitable<Response> {
               const std::string pid = integer_param(ctx, "pid");
               const Query query = passthrough(ctx, {"batchNumber", "batchSize"});
               auto session =
                   co_await ProviderSession::open(*env, ctx.who().org_id, Provider::dotloop, OpenMode::connected_only);
               DotloopClient dotloop(session);
               json::value body = co_await dotloop.loops(pid, query, Logging::logged);
               co_return http::ok(body);
             });

  // One loop, its detail or its participants.
  for (const char* part : {"", "/detail", "/participants"}) {
    const std::string suffix = part;
    router.add(verb::get, base + "/:pid/loops/:lid" + suffix, Access::authenticated,
               [env, suffix](RequestContext& ctx) -> asio::awaitable<Response> {
                 const std::string pid = integer_param(ctx, "pid");
                 const std::string lid = integer_param(ctx, "lid");
                 auto session =
                     co_await ProviderSession::open(*env, ctx.who().org_id, Provider::dotloop, OpenMode::connected_only);
                 DotloopClient dotloop(session);
                 json::value body;
                 if (suffix.empty()) {
                   body = co_await dotloop.loop(pid, lid);
                 } else if (suffix == "/detail") {
                   body = co_await dotloop.loop_detail(pid, lid);
                 } else {
                   body = co_await dotloop.participants(pid, lid, Logging::logged);
                 }
                 co_return http::ok(body);
               });
  }
}

}  // namespace agenthq::verticals::real_estate::integrations
