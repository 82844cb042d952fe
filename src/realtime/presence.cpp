#include "realtime/presence.hpp"

#include "realtime/event_bus.hpp"
#include "util/log.hpp"

namespace agenthq::realtime {
namespace asio = boost::asio;

asio::awaitable<void> Presence::record(const auth::Identity& agent, db::Database& db, Change change) {
  std::optional<std::string> announce;
  try {
    if (change == Change::opened)
      announce = co_await store_.socket_opened(agent, db);
    else if (change == Change::closed)
      announce = co_await store_.socket_closed(agent, db);
    else
      announce = co_await store_.socket_heartbeat(agent, db);
  } catch (const std::exception& e) {
    util::log::warn("presence: could not record the socket of agent {}: {}", agent.id, e.what());
    co_return;
  }
  if (announce) events_.agent_status(agent.org_id, agent.id, *announce);
}

asio::awaitable<void> Presence::connected(const auth::Identity& agent, db::Database& db) {
  co_await record(agent, db, Change::opened);
}

asio::awaitable<void> Presence::disconnected(const auth::Identity& agent, db::Database& db) {
  co_await record(agent, db, Change::closed);
}

asio::awaitable<void> Presence::heartbeat(const auth::Identity& agent, db::Database& db) {
  co_await record(agent, db, Change::heartbeat);
}

}  // namespace agenthq::realtime
