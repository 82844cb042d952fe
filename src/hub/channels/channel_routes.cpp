#include "hub/channels/channel_routes.hpp"
#include "http/query_params.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "hub/channels/channel_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::BodyReader;
using http::RequestContext;
using http::Response;

void add_channel_routes(http::Router& router, Services& s) {
  auto channels = std::make_shared<ChannelService>(s);

  router.add(verb::post, "/api/v1/channels", Access::authenticated,
             [channels](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               NewChannel c;
               c.name = body.required_string("name", 1, 80);
               if (!http::matches_slug(c.name))
                 throw ApiError::validation("name may contain only lowercase letters, digits and hyphens");
               c.description = body.optional_string("description", 0, 5000);
               // system and dm channels are made by the hub itself, never through this route.
               c.type = body.optional_enum("type", {"public", "private"}).value_or("public");
               auto channel = co_await channels->create(ctx.who(), ctx.client_ip, c);
               co_return http::created(channel);
             });

  router.add(verb::get, "/api/v1/channels", Access::authenticated,
             [channels](RequestContext& ctx) -> asio::awaitable<Response> {
               auto type = http::query_text(ctx, "type");
               auto list = co_await channels->list(ctx.who(), type);
               co_return http::ok(list);
             });

  router.add(verb::get, "/api/v1/channels/:id", Access::authenticated,
             [channels](RequestContext& ctx) -> asio::awaitable<Response> {
               auto channel = co_await channels->find(ctx.who(), ctx.param("id"));
               co_return http::ok(channel);
             });

  router.add(verb::get, "/api/v1/channels/:id/stats", Access::authenticated,
             [channels](RequestContext& ctx) -> asio::awaitable<Response> {
               auto stats = co_await channels->stats(ctx.who(), ctx.param("id"));
               co_return http::ok(stats);
             });

  router.add(verb::post, "/api/v1/channels/:id/join", Access::authenticated,
             [channels](RequestContext& ctx) -> asio::awaitable<Response> {
               co_await channels->join(ctx.who(), ctx.client_ip, ctx.param("id"));
               json::object data{{"joined", true}};
               co_return http::ok(data);
             });

  router.add(verb::post, "/api/v1/channels/:id/leave", Access::authenticated,
             [channels](RequestContext& ctx) -> asio::awaitable<Response> {
               const bool left = co_await channels->leave(ctx.who(), ctx.client_ip, ctx.param("id"));
               json::object data{{"left", left}};
               co_return http::ok(data);
             });
}

}  // namespace agenthq::hub
