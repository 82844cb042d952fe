#include "hub/dms/dm_routes.hpp"

#include <boost/json.hpp>

#include "http/body_reader.hpp"
#include "hub/dms/dm_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::BodyReader;
using http::RequestContext;
using http::Response;

void add_dm_routes(http::Router& router, Services& s) {
  auto dms = std::make_shared<DmService>(s);

  // 200 (not 201) whether the DM is new or not, as the reference answers. Unlike the reference,
  // the other member must be an agent or user of the caller's org (404 otherwise).
  router.add(verb::post, "/api/v1/dm", Access::authenticated,
             [dms](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               const std::string member_id = body.required_string("member_id", 1, 200);
               const std::string member_type = body.required_enum("member_type", {"agent", "user"});
               auto channel = co_await dms->open(ctx.who(), ctx.client_ip, member_id, member_type);
               co_return http::ok(channel);
             });

  router.add(verb::get, "/api/v1/dm", Access::authenticated,
             [dms](RequestContext& ctx) -> asio::awaitable<Response> {
               auto list = co_await dms->list(ctx.who());
               co_return http::ok(list);
             });
}

}  // namespace agenthq::hub
