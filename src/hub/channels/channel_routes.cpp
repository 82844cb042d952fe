#include "hub/channels/channel_routes.hpp"

#include <boost/json.hpp>

#include "hub/channels/channel_input.hpp"
#include "hub/channels/channel_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

void add_channel_routes(http::Router& router, Services& s) {
  auto channels = std::make_shared<ChannelService>(s);

  router.add(verb::post, "/api/v1/channels", Access::authenticated,
             [channels](RequestContext& ctx) -> asio::awaitable<Response> {
               const NewChannel c = read_new_channel(ctx.body);
               auto channel = co_await channels->create(ctx.who(), ctx.client_ip, c);
               co_return http::created(channel);
             });

  router.add(verb::get, "/api/v1/channels", Access::authenticated,
             [channels](RequestContext& ctx) -> asio::awaitable<Response> {
               const auto type = read_channel_type(ctx.query);
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
