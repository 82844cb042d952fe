#include "verticals/real_estate/integrations/integration_routes.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/pagination.hpp"
#include "verticals/real_estate/integrations/connection_check.hpp"
#include "verticals/real_estate/integrations/credentials.hpp"
#include "verticals/real_estate/integrations/route_support.hpp"

namespace agenthq::verticals::real_estate {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::RequestContext;
using http::Response;
using namespace integrations;

void add_integration_routes(http::Router& router, hub::Services& services, const ProviderConfig& providers) {
  auto env = std::make_shared<IntegrationEnv>(services, providers);

  // Connecting, disconnecting and deleting change the org's stored secrets: owners and admins
  // only (the reference let any member or agent do it, contract section 8).
  router.add(verb::post, "/api/v1/integrations/connect", Access::admins,
             [env](RequestContext& ctx) -> asio::awaitable<Response> {
               http::BodyReader body(ctx.body);
               const std::string type = body.required_enum("type", {"fub", "dotloop", "quickbooks"});
               const auto submitted = body.optional_object("credentials", 16 * 1024);
               if (!submitted) throw ApiError::validation("credentials is required");
               const Provider provider = *provider_from(type);
               const json::object credentials = validated_credentials(provider, *submitted);
               const auto settings = body.optional_object("settings");
               const std::string sealed = seal(env->services.settings.encryption_key, credentials);

               const std::string org_id = ctx.who().org_id;
               hub::AuditEntry audit = hub::audit_by(ctx.who(), "integration.connected", "integration", "",
                                                     ctx.client_ip);
               json::object row = co_await env->store.connect(org_id, type, sealed, settings, audit);
               env->services.announce(audit);
               env->announce(org_id, row);
               // The reply does not wait for the provider: the check runs on this loop afterwards
               // and turns the integration to error if the provider refuses the credentials.
               auto executor = co_await asio::this_coro::executor;
               asio::co_spawn(executor, verify_after_connect(env, org_id, provider, sealed), asio::detached);
               co_return http::created(row);
             });

  router.add(verb::get, "/api/v1/integrations", Access::authenticated,
             [env](RequestContext& ctx) -> asio::awaitable<Response> {
               auto rows = co_await env->store.list(ctx.who().org_id);
               co_return http::ok(rows);
             });

  router.add(verb::get, "/api/v1/integrations/:id", Access::authenticated,
             [env](RequestContext& ctx) -> asio::awaitable<Response> {
               auto row = co_await env->store.find(ctx.who().org_id, ctx.param("id"));
               if (!row) throw ApiError::not_found("Integration");
               co_return http::ok(*row);
             });

  router.add(verb::post, "/api/v1/integrations/:id/disconnect", Access::admins,
             [env](RequestContext& ctx) -> asio::awaitable<Response> {
               hub::AuditEntry audit = hub::audit_by(ctx.who(), "integration.disconnected", "integration",
                                                     ctx.param("id"), ctx.client_ip);
               auto row = co_await env->store.disconnect(ctx.who().org_id, ctx.param("id"), audit);
               if (!row) throw ApiError::not_found("Integration");
               env->services.announce(audit);
               env->announce(ctx.who().org_id, *row);
               co_return http::ok(*row);
             });

  router.add(verb::delete_, "/api/v1/integrations/:id", Access::admins,
             [env](RequestContext& ctx) -> asio::awaitable<Response> {
               hub::AuditEntry audit = hub::audit_by(ctx.who(), "integration.deleted", "integration",
                                                     ctx.param("id"), ctx.client_ip);
               const bool deleted = co_await env->store.remove(ctx.who().org_id, ctx.param("id"), audit);
               if (!deleted) throw ApiError::not_found("Integration");
               env->services.announce(audit);
               json::object gone;
               gone["id"] = ctx.param("id");
               env->services.events.org_event(ctx.who().org_id, "integration:deleted", gone);
               co_return Response{boost::beast::http::status::ok, R"({"success":true})", {}};  // no data (1.2)
             });

  router.add(verb::get, "/api/v1/integrations/:id/sync-logs", Access::authenticated,
             [env](RequestContext& ctx) -> asio::awaitable<Response> {
               const auto p = http::page_request(ctx);
               auto page = co_await env->logs.list(ctx.who().org_id, ctx.param("id"), p.limit, p.offset());
               if (!page.integration_found) throw ApiError::not_found("Integration");
               co_return http::paginated(page.items, {p.page, p.limit, page.total});
             });

  add_check_and_sync_routes(router, env);
  add_fub_routes(router, env);
  add_dotloop_routes(router, env);
  add_quickbooks_routes(router, env);
}

}  // namespace agenthq::verticals::real_estate
