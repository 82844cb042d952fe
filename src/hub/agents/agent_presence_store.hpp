#pragma once
#include <chrono>

#include "realtime/presence.hpp"

namespace agenthq::hub {

// Socket presence in the agents table. Sockets and REST heartbeats combine: an agent is online
// while it has an open socket in any process (socket_count) or a REST heartbeat younger than the
// presence timeout that did not say offline (rest_heartbeat_at); it goes offline when both are
// gone or it said so. A process that dies with sockets open leaves socket_count too high; such an
// agent is still reported offline once its last heartbeat is older than the timeout.
class AgentPresenceStore : public realtime::PresenceStore {
 public:
  explicit AgentPresenceStore(std::chrono::seconds presence_timeout) : presence_timeout_(presence_timeout) {}

  boost::asio::awaitable<std::optional<std::string>> socket_opened(const auth::Identity& agent,
                                                                   db::Database& db) override;
  boost::asio::awaitable<std::optional<std::string>> socket_closed(const auth::Identity& agent,
                                                                   db::Database& db) override;
  boost::asio::awaitable<std::optional<std::string>> socket_heartbeat(const auth::Identity& agent,
                                                                      db::Database& db) override;

 private:
  std::chrono::seconds presence_timeout_;
};

}  // namespace agenthq::hub
