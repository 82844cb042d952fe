#include "realtime/presence.hpp"

#include "db/database.hpp"
#include "realtime/event_bus.hpp"
#include "util/log.hpp"

namespace agenthq::realtime {
namespace asio = boost::asio;

asio::awaitable<void> Presence::set_status(const auth::Identity& agent, db::Database& db, const char* status) {
  db::Statement update(
      "UPDATE agents SET status = $3, last_heartbeat = now(), updated_at = now() WHERE org_id = $1 AND id = $2",
      {agent.org_id, agent.id, std::string(status)});
  try {
    auto r = co_await db.query(db::Scope::org(agent.org_id), std::move(update));
    if (r.affected() > 0) events_.agent_status(agent.org_id, agent.id, status);
  } catch (const std::exception& e) {
    util::log::warn("presence: could not mark agent {} {}: {}", agent.id, status, e.what());
  }
}

asio::awaitable<void> Presence::connected(const auth::Identity& agent, db::Database& db) {
  bool first;
  {
    std::lock_guard lock(mutex_);
    first = ++connections_[agent.id] == 1;
  }
  if (first) co_await set_status(agent, db, "online");
}

asio::awaitable<void> Presence::disconnected(const auth::Identity& agent, db::Database& db) {
  bool last;
  {
    std::lock_guard lock(mutex_);
    auto it = connections_.find(agent.id);
    last = it != connections_.end() && --it->second == 0;
    if (last) connections_.erase(it);
  }
  if (last) co_await set_status(agent, db, "offline");
}

asio::awaitable<void> Presence::heartbeat(const auth::Identity& agent, db::Database& db) {
  // Only the timestamp (and offline -> online): a heartbeat must not override 'busy'.
  db::Statement update(
      "UPDATE agents SET last_heartbeat = now(), status = CASE WHEN status = 'offline' THEN 'online' ELSE status END "
      "WHERE org_id = $1 AND id = $2 RETURNING (SELECT status FROM agents WHERE id = $2) AS previous",
      {agent.org_id, agent.id});
  try {
    auto r = co_await db.query(db::Scope::org(agent.org_id), std::move(update));
    if (!r.empty() && r.text(0, 0) == "offline") events_.agent_status(agent.org_id, agent.id, "online");
  } catch (const std::exception& e) {
    util::log::warn("presence: heartbeat of agent {} not recorded: {}", agent.id, e.what());
  }
}

}  // namespace agenthq::realtime
