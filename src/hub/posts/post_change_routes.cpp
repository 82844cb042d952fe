#include "hub/posts/post_change_routes.hpp"

#include <boost/json.hpp>

#include "http/pagination.hpp"
#include "hub/posts/post_change_service.hpp"
#include "hub/posts/post_input.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

namespace {

json::object flag(const char* name, bool value) {
  json::object o;
  o[name] = value;
  return o;
}

}  // namespace

void add_post_change_routes(http::Router& router, Services& s) {
  auto changes = std::make_shared<PostChangeService>(s);

  router.add(verb::patch, "/api/v1/posts/:id", Access::authenticated,
             [changes](RequestContext& ctx) -> asio::awaitable<Response> {
               const PostEdit e = read_post_edit(ctx.body);
               auto post = co_await changes->edit(ctx.who(), ctx.client_ip, ctx.param("id"), e);
               co_return http::ok(post);
             });

  router.add(verb::delete_, "/api/v1/posts/:id", Access::authenticated,
             [changes](RequestContext& ctx) -> asio::awaitable<Response> {
               co_await changes->remove(ctx.who(), ctx.client_ip, ctx.param("id"));
               co_return http::ok(flag("deleted", true));
             });

  router.add(verb::get, "/api/v1/posts/:id/edits", Access::authenticated,
             [changes](RequestContext& ctx) -> asio::awaitable<Response> {
               auto edits = co_await changes->edits(ctx.who(), ctx.param("id"));
               co_return http::ok(edits);
             });

  router.add(verb::post, "/api/v1/posts/:id/reactions", Access::authenticated,
             [changes](RequestContext& ctx) -> asio::awaitable<Response> {
               const std::string emoji = read_reaction_emoji(ctx.body);
               auto reaction = co_await changes->react(ctx.who(), ctx.client_ip, ctx.param("id"), emoji);
               co_return http::created(reaction);
             });

  router.add(verb::delete_, "/api/v1/posts/:id/reactions/:emoji", Access::authenticated,
             [changes](RequestContext& ctx) -> asio::awaitable<Response> {
               const bool removed = co_await changes->unreact(ctx.who(), ctx.client_ip, ctx.param("id"), ctx.param("emoji"));
               co_return http::ok(flag("removed", removed));
             });

  router.add(verb::get, "/api/v1/posts/:id/reactions", Access::authenticated,
             [changes](RequestContext& ctx) -> asio::awaitable<Response> {
               auto reactions = co_await changes->reactions(ctx.who(), ctx.param("id"));
               co_return http::ok(reactions);
             });

  router.add(verb::get, "/api/v1/agents/:id/mentions", Access::authenticated,
             [changes](RequestContext& ctx) -> asio::awaitable<Response> {
               http::PageRequest p = http::page_request(ctx);
               auto page = co_await changes->mentions(ctx.who(), ctx.param("id"), p.limit, p.offset());
               co_return http::paginated(page.mentions, {p.page, p.limit, page.total});
             });
}

}  // namespace agenthq::hub
