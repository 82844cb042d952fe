#include "hub/agents/agent_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/pagination.hpp"
#include "hub/agents/agent_service.hpp"

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

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

AgentQuery read_query(const RequestContext& ctx) {
  AgentQuery q;
  if (auto text = ctx.query_param("q"); text && !trim(*text).empty()) q.text = std::string(trim(*text));
  if (auto list = ctx.query_param("capabilities")) {
    std::string_view rest = *list;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const auto item = trim(rest.substr(0, comma));
      if (!item.empty()) q.capabilities.emplace_back(item);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  if (auto status = ctx.query_param("status"); status && !status->empty()) {
    if (*status != "online" && *status != "offline" && *status != "busy")
      throw ApiError::validation("status must be one of: online, offline, busy");
    q.status = std::string(*status);
  }
  return q;
}

AgentChanges read_changes(const json::object& body) {
  BodyReader reader(body);
  AgentChanges c;
  c.name = reader.optional_string("name", 1, 200);
  c.description = reader.nullable_string("description", 5000);
  // An empty description is stored as null, as at registration.
  if (c.description && *c.description && (*c.description)->empty()) *c.description = std::nullopt;
  c.capabilities = reader.optional_string_array("capabilities", 100, 100);
  if (c.capabilities)
    for (const auto& cap : *c.capabilities)
      if (cap.empty()) throw ApiError::validation("capabilities must not contain empty strings");
  c.metadata = reader.optional_object("metadata");
  if (!c.name && !c.description && !c.capabilities && !c.metadata)
    throw ApiError::validation("Provide at least one of name, description, capabilities, metadata");
  return c;
}

}  // namespace

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
               const AgentQuery query = read_query(ctx);
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
               const AgentChanges changes = read_changes(ctx.body);
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
               BodyReader body(ctx.body);
               const auto status = body.optional_enum("status", {"online", "offline", "busy"});
               co_await agents->heartbeat(ctx.who(), ctx.param("id"), status);
               co_return http::ok(json::object{{"ok", true}});
             });
}

}  // namespace agenthq::hub
