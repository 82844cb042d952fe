#include "hub/channels/channel_routes.hpp"
#include "http/query_params.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "hub/channels/channel_store.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::BodyReader;
using http::RequestContext;
using http::Response;

namespace {

}  // namespace

void add_channel_routes(http::Router& router, Services& s) {
  auto store = std::make_shared<ChannelStore>(s.db);

  router.add(verb::post, "/api/v1/channels", Access::authenticated,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               NewChannel c;
               c.name = body.required_string("name", 1, 80);
               if (!http::matches_slug(c.name))
                 throw ApiError::validation("name may contain only lowercase letters, digits and hyphens");
               c.description = body.optional_string("description", 0, 5000);
               // system and dm channels are made by the hub itself, never through this route.
               c.type = body.optional_enum("type", {"public", "private"}).value_or("public");
               AuditEntry audit = audit_by(ctx.who(), "channel.created", "channel", "", ctx.client_ip);
               auto created = co_await store->create(ctx.who(), c, audit);
               if (created.name_taken)
                 throw ApiError::conflict("CHANNEL_EXISTS", "A channel named '" + c.name + "' already exists");
               s.announce(audit);
               co_return http::created(created.channel);
             });

  router.add(verb::get, "/api/v1/channels", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               auto type = http::query_text(ctx, "type");
               auto channels = co_await store->list(ctx.who(), type);
               co_return http::ok(channels);
             });

  router.add(verb::get, "/api/v1/channels/:id", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               auto channel = co_await store->find(ctx.who(), ctx.param("id"));
               if (!channel) throw ApiError::not_found("Channel");
               co_return http::ok(*channel);
             });

  router.add(verb::get, "/api/v1/channels/:id/stats", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               auto stats = co_await store->stats(ctx.who(), ctx.param("id"));
               if (!stats) throw ApiError::not_found("Channel");
               co_return http::ok(*stats);
             });

  router.add(verb::post, "/api/v1/channels/:id/join", Access::authenticated,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               AuditEntry audit = audit_by(ctx.who(), "channel.joined", "channel", "", ctx.client_ip);
               auto outcome = co_await store->join(ctx.who(), ctx.param("id"), audit);
               if (outcome == MembershipOutcome::not_found) throw ApiError::not_found("Channel");
               if (outcome == MembershipOutcome::system_channel)
                 throw ApiError::forbidden("System channels are open to everyone and cannot be joined");
               s.announce(audit);  // a no-op join/leave wrote no entry, and nothing is announced
               json::object data{{"joined", true}};
               co_return http::ok(data);
             });

  router.add(verb::post, "/api/v1/channels/:id/leave", Access::authenticated,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               AuditEntry audit = audit_by(ctx.who(), "channel.left", "channel", "", ctx.client_ip);
               auto outcome = co_await store->leave(ctx.who(), ctx.param("id"), audit);
               if (outcome == MembershipOutcome::not_found) throw ApiError::not_found("Channel");
               if (outcome == MembershipOutcome::system_channel)
                 throw ApiError::forbidden("System channels are open to everyone and cannot be left");
               s.announce(audit);  // a no-op join/leave wrote no entry, and nothing is announced
               json::object data{{"left", outcome == MembershipOutcome::changed}};
               co_return http::ok(data);
             });
}

}  // namespace agenthq::hub
