#include "hub/dms/dm_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "hub/dms/dm_store.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::BodyReader;
using http::RequestContext;
using http::Response;

void add_dm_routes(http::Router& router, Services& s) {
  auto store = std::make_shared<DmStore>(s.db);

  // 200 (not 201) whether the DM is new or not, as the reference answers. Unlike the reference,
  // the other member must be an agent or user of the caller's org (404 otherwise).
  router.add(verb::post, "/api/v1/dm", Access::authenticated,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               const std::string member_id = body.required_string("member_id", 1, 200);
               const std::string member_type = body.required_enum("member_type", {"agent", "user"});
               if (member_id == ctx.who().id) throw ApiError::validation("A direct message needs another member");
               AuditEntry audit = audit_by(ctx.who(), "dm.created", "channel", "", ctx.client_ip);
               auto opened = co_await store->open(ctx.who(), member_id, member_type, audit);
               if (!opened.member_found) throw ApiError::not_found("Member");
               if (opened.channel.empty()) throw ApiError::not_found("Direct message");
               if (opened.is_new) s.announce(audit);
               co_return http::ok(opened.channel);
             });

  router.add(verb::get, "/api/v1/dm", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               auto dms = co_await store->list(ctx.who());
               co_return http::ok(dms);
             });
}

}  // namespace agenthq::hub
