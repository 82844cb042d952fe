#include "hub/agents/agent_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/pagination.hpp"
#include "hub/agents/agent_store.hpp"

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

json::array changed_fields(const AgentChanges& c) {
  json::array fields;
  if (c.name) fields.emplace_back("name");
  if (c.description) fields.emplace_back("description");
  if (c.capabilities) fields.emplace_back("capabilities");
  if (c.metadata) fields.emplace_back("metadata");
  return fields;
}

void check(AgentWrite outcome, const char* forbidden_message) {
  if (outcome == AgentWrite::not_found) throw ApiError::not_found("Agent");
  if (outcome == AgentWrite::forbidden) throw ApiError::forbidden(forbidden_message);
}

constexpr const char* kMayNotEdit =
    "Agents may change only themselves; users only the agents they own (owners and admins: any)";

}  // namespace

void add_agent_routes(http::Router& router, Services& s) {
  auto store = std::make_shared<AgentStore>(s.db, s.config.presence_timeout);

  router.add(verb::get, "/api/v1/agents", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               const auto p = http::page_request(ctx);
               auto page = co_await store->list(ctx.who().org_id, p.limit, p.offset());
               co_return http::paginated(page.items, {p.page, p.limit, page.total});
             });

  router.add(verb::get, "/api/v1/agents/search", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               const AgentQuery query = read_query(ctx);
               const auto p = http::page_request(ctx);
               auto page = co_await store->search(ctx.who().org_id, query, p.limit, p.offset());
               co_return http::paginated(page.items, {p.page, p.limit, page.total});
             });

  router.add(verb::get, "/api/v1/agents/:id", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               auto agent = co_await store->find(ctx.who().org_id, ctx.param("id"));
               if (!agent) throw ApiError::not_found("Agent");
               co_return http::ok(*agent);
             });

  router.add(verb::patch, "/api/v1/agents/:id", Access::authenticated,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               const AgentChanges changes = read_changes(ctx.body);
               json::object details;
               details["fields"] = changed_fields(changes);
               AuditEntry audit = audit_by(ctx.who(), "agent.updated", "agent", "", ctx.client_ip, std::move(details));
               auto updated = co_await store->update(ctx.who(), ctx.param("id"), changes, audit);
               check(updated.outcome, kMayNotEdit);
               s.announce(audit);
               co_return http::ok(updated.agent);
             });

  router.add(verb::delete_, "/api/v1/agents/:id", Access::authenticated,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               AuditEntry audit = audit_by(ctx.who(), "agent.deleted", "agent", "", ctx.client_ip);
               auto outcome = co_await store->remove(ctx.who(), ctx.param("id"), audit);
               check(outcome, "Only the agent's owner or an owner/admin of the organisation may delete it");
               // Requests with the deleted agent's key must fail now, not when the cache entry expires.
               s.key_cache.forget_agent(ctx.param("id"));
               s.announce(audit);
               co_return http::ok(json::object{{"deleted", true}});
             });

  router.add(verb::post, "/api/v1/agents/:id/heartbeat", Access::authenticated,
             [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
               BodyReader body(ctx.body);
               const auto status = body.optional_enum("status", {"online", "offline", "busy"});
               auto outcome = co_await store->heartbeat(ctx.who(), ctx.param("id"), status);
               check(outcome, kMayNotEdit);
               if (status) s.events.agent_status(ctx.who().org_id, ctx.param("id"), *status);
               co_return http::ok(json::object{{"ok", true}});
             });
}

}  // namespace agenthq::hub
