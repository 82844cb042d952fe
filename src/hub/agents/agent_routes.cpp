#include "hub/agents/agent_routes.hpp"

#include <boost/json.hpp>

#include "http/pagination.hpp"
#include "hub/agents/agent_input.hpp"
#include "hub/agents/agent_service.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::RequestContext;
using http::Response;

void add_agent_routes(http::Router& router, Services& s) {
  auto agents = std::make_shared<AgentService>(s);

  router.add(verb::get, "/api/v1/agents", Access::authenticated,
             [agents](RequestContext& ctx) -> asio::awaitable<Response> {
               const auto p = http::page_request(ctx);
               auto page = co_await agents->list(ctx.who(), p.limit, p.offset());
               co_return http::paginated(page.items, {p.page, p.limit, page.total});
             });

  router.add(verb::get, "/api/v1/agents/search", Access::authenticated,
             [agents](RequestContext& ctx) -> asio::awaitable<Response> {
               const AgentQuery query = read_agent_query(ctx.query);
               const auto p = http::page_request(ctx);
               auto page = co_await agents->search(ctx.who(), query, p.limit, p.offset());
               co_return http::paginated(page.items, {p.page, p.limit, page.total});
             });

  router.add(verb::get, "/api/v1/agents/:id", Access::authenticated,
             [agents](RequestContext& ctx) -> asio::awaitable<Response> {
               auto agent = co_await agents->find(ctx.who(), ctx.param("id"));
               co_return http::ok(agent);
             });

  router.add(verb::patch, "/api/v1/agents/:id", Access::authenticated,
             [agents](RequestContext& ctx) -> asio::awaitable<Response> {
               const AgentChanges changes = read_agent_changes(ctx.body);
               auto agent = co_await agents->update(ctx.who(), ctx.client_ip, ctx.param("id"), changes);
               co_return http::ok(agent);
             });

  router.add(verb::delete_, "/api/v1/agents/:id", Access::authenticated,
             [agents](RequestContext& ctx) -> asio::awaitable<Response> {
               co_await agents->remove(ctx.who(), ctx.client_ip, ctx.param("id"));
               co_return http::ok(json::object{{"deleted", true}});
             });

  router.add(verb::post, "/api/v1/agents/:id/heartbeat", Access::authenticated,
             [agents](RequestContext& ctx) -> asio::awaitable<Response> {
               const auto status = read_heartbeat_status(ctx.body);
               co_await agents->heartbeat(ctx.who(), ctx.param("id"), status);
               co_return http::ok(json::object{{"ok", true}});
             });
}

}  // namespace agenthq::hub
