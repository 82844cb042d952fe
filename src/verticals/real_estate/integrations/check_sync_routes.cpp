// GET /integrations/{type}/test (contract 3.15) and POST /integrations/{type}/sync (ours).
#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "verticals/real_estate/integrations/connection_check.hpp"
#include "verticals/real_estate/integrations/route_support.hpp"
#include "verticals/real_estate/integrations/sync_runner.hpp"
#include "util/json_text.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

void add_check_and_sync_routes(http::Router& router, const EnvPtr& env) {
  for (Provider provider : {Provider::fub, Provider::dotloop, Provider::quickbooks}) {
    const std::string base = std::string("/api/v1/integrations/") + type_name(provider);

    // {success, message} as the whole body (no envelope), and the integration updated: an
    // integration in error may be re-checked here, which is how it gets back to connected.
    router.add(verb::get, base + "/test", Access::authenticated,
               [env, provider](RequestContext& ctx) -> asio::awaitable<Response> {
                 auto session = co_await ProviderSession::open(*env, ctx.who().org_id, provider, OpenMode::checkable);
                 CheckResult result = co_await check_connection(session);
                 co_await record_check(session, result);
                 json::object body;
                 body["success"] = result.ok;
                 body["message"] = result.message;
                 co_return Response{boost::beast::http::status::ok, util::to_json(body), {}};
               });

    router.add(verb::post, base + "/sync", Access::authenticated,
               [env, provider](RequestContext& ctx) -> asio::awaitable<Response> {
                 refuse_viewers(ctx);
                 auto session =
                     co_await ProviderSession::open(*env, ctx.who().org_id, provider, OpenMode::connected_only);
                 hub::AuditEntry audit = hub::audit_by(ctx.who(), "integration.synced", "integration",
                                                       session.integration_id(), ctx.client_ip);
                 json::array logs = co_await run_sync(session, audit);
                 co_return http::ok(logs);
               });
  }
}

}  // namespace agenthq::verticals::real_estate::integrations
