#include "hub/agents/agent_service.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using http::ApiError;

namespace {

constexpr const char* kMayNotEdit =
    "Agents may change only themselves; users only the agents they own (owners and admins: any)";

void check(AgentWrite outcome, const char* forbidden_message) {
  if (outcome == AgentWrite::not_found) throw ApiError::not_found("Agent");
  if (outcome == AgentWrite::forbidden) throw ApiError::forbidden(forbidden_message);
}

json::array changed_fields(const AgentChanges& c) {
  json::array fields;
  if (c.name) fields.emplace_back("name");
  if (c.description) fields.emplace_back("description");
  if (c.capabilities) fields.emplace_back("capabilities");
  if (c.metadata) fields.emplace_back("metadata");
  return fields;
}

}  // namespace

asio::awaitable<AgentPage> AgentService::list(const auth::Identity& who, std::int64_t limit, std::int64_t offset) {
  co_return co_await store_.list(who.org_id, limit, offset);
}

asio::awaitable<AgentPage> AgentService::search(const auth::Identity& who, const AgentQuery& query,
                                                std::int64_t limit, std::int64_t offset) {
  co_return co_await store_.search(who.org_id, query, limit, offset);
}

asio::awaitable<json::object> AgentService::find(const auth::Identity& who, const std::string& id) {
  auto agent = co_await store_.find(who.org_id, id);
  if (!agent) throw ApiError::not_found("Agent");
  co_return std::move(*agent);
}

asio::awaitable<json::object> AgentService::update(const auth::Identity& who, const std::string& ip,
                                                   const std::string& id, const AgentChanges& changes) {
  json::object details;
  details["fields"] = changed_fields(changes);
  AuditEntry audit = audit_by(who, "agent.updated", "agent", "", ip, std::move(details));
  auto updated = co_await store_.update(who, id, changes, audit);
  check(updated.outcome, kMayNotEdit);
  s_.announce(audit);
  co_return std::move(updated.agent);
}

asio::awaitable<void> AgentService::remove(const auth::Identity& who, const std::string& ip, const std::string& id) {
  AuditEntry audit = audit_by(who, "agent.deleted", "agent", "", ip);
  auto outcome = co_await store_.remove(who, id, audit);
  check(outcome, "Only the agent's owner or an owner/admin of the organisation may delete it");
  // Requests with the deleted agent's key must fail now, not when the cache entry expires: here
  // at once, in every other process as soon as the notification arrives.
  s_.key_cache.forget_agent(id);
  s_.events.agent_key_revoked(who.org_id, id);
  s_.announce(audit);
}

asio::awaitable<void> AgentService::heartbeat(const auth::Identity& who, const std::string& id,
                                              const std::optional<std::string>& status) {
  auto outcome = co_await store_.heartbeat(who, id, status);
  check(outcome, kMayNotEdit);
  if (status) s_.events.agent_status(who.org_id, id, *status);
}

}  // namespace agenthq::hub
