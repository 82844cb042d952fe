#include "hub/orgs/org_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "hub/orgs/org_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::RequestContext;
using http::Response;

void add_org_routes(http::Router& router, Services& s) {
  auto orgs = std::make_shared<OrgService>(s);

  auto get_org = [orgs](RequestContext& ctx) -> asio::awaitable<Response> {
    auto org = co_await orgs->current(ctx.who());
    co_return http::ok(org);
  };
  router.add(verb::get, "/api/v1/org", Access::authenticated, get_org);
  router.add(verb::get, "/api/v1/org/current", Access::authenticated, get_org);
  router.add(verb::get, "/api/v1/org/members", Access::authenticated,
             [orgs](RequestContext& ctx) -> asio::awaitable<Response> {
               auto members = co_await orgs->members(ctx.who());
               co_return http::ok(members);
             });

  router.add(verb::patch, "/api/v1/org", Access::admins, [orgs](RequestContext& ctx) -> asio::awaitable<Response> {
    http::BodyReader body(ctx.body);
    auto name = body.optional_string("name", 1, 200);
    auto settings = body.optional_object("settings");
    if (!name && !settings) throw ApiError::validation("Provide name or settings to update");
    auto org = co_await orgs->update(ctx.who(), ctx.client_ip, name, settings);
    co_return http::ok(org);
  });
}

}  // namespace agenthq::hub
