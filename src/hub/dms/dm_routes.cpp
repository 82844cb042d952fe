#include "hub/dms/dm_routes.hpp"

#include <boost/json.hpp>

#include "hub/dms/dm_input.hpp"
#include "hub/dms/dm_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

void add_dm_routes(http::Router& router, Services& s) {
  auto dms = std::make_shared<DmService>(s);

  // 200 (not 201) whether the DM is new or not, as the reference answers. Unlike the reference,
  // the other member must be an agent or user of the caller's org (404 otherwise).
  router.add(verb::post, "/api/v1/dm", Access::authenticated,
             [dms](RequestContext& ctx) -> asio::awaitable<Response> {
               const DmMember member = read_dm_member(ctx.body);
               auto channel = co_await dms->open(ctx.who(), ctx.client_ip, member.id, member.type);
               co_return http::ok(channel);
             });

  router.add(verb::get, "/api/v1/dm", Access::authenticated,
             [dms](RequestContext& ctx) -> asio::awaitable<Response> {
               auto list = co_await dms->list(ctx.who());
               co_return http::ok(list);
             });
}

}  // namespace agenthq::hub
