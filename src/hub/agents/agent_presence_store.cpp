#include "hub/agents/agent_presence_store.hpp"

#include "db/database.hpp"
#include "hub/agents/agent_sql.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;

namespace {
// "The REST heartbeat still keeps the agent present", over the row's values before the UPDATE.
std::string rest_keeps_present(std::chrono::seconds timeout) {
  // COALESCE: never heartbeated by REST (NULL) must read as "does not keep it", not as unknown.
  return "(a.status <> 'offline' AND COALESCE(a.rest_heartbeat_at >= " + presence_cutoff(timeout) + ", false))";
}
}  // namespace

asio::awaitable<std::optional<std::string>> AgentPresenceStore::socket_opened(const auth::Identity& agent,
                                                                              db::Database& db) {
  // A busy agent stays busy; anything else is online while it has a socket.
  db::Statement update(
      "UPDATE agents a SET socket_count = a.socket_count + 1, status = CASE WHEN a.status = 'busy' THEN 'busy' "
      "ELSE 'online' END, last_heartbeat = now(), updated_at = now() WHERE a.org_id = $1 AND a.id = $2 "
      "RETURNING a.status, a.socket_count",
      {agent.org_id, agent.id});
  const db::Scope scope = db::Scope::org(agent.org_id);  // a named local: no temporaries inside co_await (g++ 12)
  auto r = co_await db.query(scope, std::move(update));
  // The agent's first socket anywhere announces it.
  if (r.empty() || r.integer(0, 1) != 1) co_return std::nullopt;
  co_return std::string(r.text(0, 0));
}

asio::awaitable<std::optional<std::string>> AgentPresenceStore::socket_closed(const auth::Identity& agent,
                                                                              db::Database& db) {
  // The last socket closing leaves the agent online only while a REST heartbeat keeps it so,
  // and then for exactly as long as that heartbeat (last_heartbeat goes back to it).
  const std::string keeps = rest_keeps_present(presence_timeout_);
  db::Statement update(
      "WITH before AS (SELECT status FROM agents WHERE org_id = $1 AND id = $2) "
      "UPDATE agents a SET socket_count = greatest(a.socket_count - 1, 0), "
      "status = CASE WHEN a.socket_count <= 1 AND NOT " + keeps + " THEN 'offline' ELSE a.status END, "
      "last_heartbeat = CASE WHEN a.socket_count <= 1 AND " + keeps + " THEN a.rest_heartbeat_at ELSE now() END, "
      "updated_at = now() WHERE a.org_id = $1 AND a.id = $2 "
      "RETURNING a.status, (SELECT status FROM before) AS status_before",
      {agent.org_id, agent.id});
  const db::Scope scope = db::Scope::org(agent.org_id);
  auto r = co_await db.query(scope, std::move(update));
  if (r.empty() || r.text(0, 0) != "offline" || r.text(0, 1) == "offline") co_return std::nullopt;
  co_return std::string("offline");
}

asio::awaitable<std::optional<std::string>> AgentPresenceStore::socket_heartbeat(const auth::Identity& agent,
                                                                                 db::Database& db) {
  // Only the timestamp (and offline -> online): a heartbeat must not override 'busy'.
  db::Statement update(
      "UPDATE agents SET last_heartbeat = now(), status = CASE WHEN status = 'offline' THEN 'online' ELSE status END "
      "WHERE org_id = $1 AND id = $2 RETURNING (SELECT status FROM agents WHERE id = $2) AS previous",
      {agent.org_id, agent.id});
  const db::Scope scope = db::Scope::org(agent.org_id);
  auto r = co_await db.query(scope, std::move(update));
  if (!r.empty() && r.text(0, 0) == "offline") co_return std::string("online");
  co_return std::nullopt;
}

}  // namespace agenthq::hub
