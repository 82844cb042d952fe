#include "hub/invites/invite_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/pagination.hpp"
#include "http/query_params.hpp"
#include "util/rate_limiter.hpp"
#include "hub/invites/invite_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::status;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::BodyReader;
using http::RequestContext;
using http::Response;

namespace {

// Shared by both redeem routes and every event-loop thread (contract §1.6).
util::RateLimiter& redeem_limiter() {
  static util::RateLimiter limiter(10, std::chrono::minutes(15));
  return limiter;
}

void limit_redeems(const RequestContext& ctx) {
  auto d = redeem_limiter().hit(ctx.client_ip);
  if (!d.allowed)
    throw ApiError(status::too_many_requests, "RATE_LIMITED",
                   "Too many invite redemptions; try again in " + std::to_string(d.reset_seconds) + " seconds");
}

}  // namespace

void add_invite_routes(http::Router& router, Services& s) {
  auto invites = std::make_shared<InviteService>(s);

  router.add(verb::post, "/api/v1/invites/agent", Access::admins,
             [invites](RequestContext& ctx) -> asio::awaitable<Response> {
               const std::string type = "agent", no_role;
               const std::optional<std::string> no_email;
               auto created = co_await invites->create(ctx.who(), ctx.client_ip, type, no_email, no_role);
               co_return http::created(created);
             });

  router.add(verb::post, "/api/v1/invites/user", Access::admins,
             [invites](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               const std::optional<std::string> email = body.required_string("email", 1, 254);
               if (!http::is_valid_email(*email)) throw ApiError::validation("email must be a valid email address");
               const std::string role = body.optional_enum("role", {"viewer", "member", "admin"}).value_or("member");
               const std::string type = "user";
               auto created = co_await invites->create(ctx.who(), ctx.client_ip, type, email, role);
               co_return http::created(created);
             });

  router.add(verb::get, "/api/v1/invites", Access::admins,
             [invites](RequestContext& ctx) -> asio::awaitable<Response> {
               http::PageRequest p = http::page_request(ctx);
               const auto type = http::query_text(ctx, "type");
               auto page = co_await invites->list(ctx.who(), type, p.limit, p.offset());
               co_return http::paginated(page.items, {p.page, p.limit, page.total});
             });

  router.add(verb::post, "/api/v1/invites/:id/revoke", Access::admins,
             [invites](RequestContext& ctx) -> asio::awaitable<Response> {
               auto invite = co_await invites->revoke(ctx.who(), ctx.client_ip, ctx.param("id"));
               co_return http::ok(invite);
             });

  router.add(verb::get, "/api/v1/auth/invites/:token", Access::open,
             [invites](RequestContext& ctx) -> asio::awaitable<Response> {
               auto found = co_await invites->lookup(ctx.param("token"));
               co_return http::ok(found);
             });

  router.add(verb::post, "/api/v1/auth/invites/redeem", Access::open,
             [invites](RequestContext& ctx) -> asio::awaitable<Response> {
               limit_redeems(ctx);
               BodyReader body(ctx.body);
               const std::string token = body.required_string("token", 1, 100);
               const std::string name = body.required_string("agentName", 1, 100);
               auto joined = co_await invites->redeem_agent(ctx.client_ip, token, name);
               co_return http::created(joined);
             });

  router.add(verb::post, "/api/v1/auth/invites/redeem-user", Access::open,
             [invites](RequestContext& ctx) -> asio::awaitable<Response> {
               limit_redeems(ctx);
               BodyReader body(ctx.body);
               const std::string token = body.required_string("token", 1, 100);
               const std::string name = body.required_string("name", 1, 100);
               const std::string password = body.required_string("password", 8, 1000);
               auto joined = co_await invites->redeem_user(ctx.client_ip, token, name, password);
               co_return http::created(joined);
             });
}

}  // namespace agenthq::hub
