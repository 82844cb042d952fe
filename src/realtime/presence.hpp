#pragma once
#include <boost/asio/awaitable.hpp>
#include <mutex>
#include <string>
#include <unordered_map>

#include "auth/identity.hpp"

namespace agenthq::db {
class Database;
}

namespace agenthq::realtime {

class EventBus;

// Agent presence driven by the socket: the first connection of an agent (in this process)
// marks it online, the last one closing marks it offline, heartbeats refresh last_heartbeat.
// Each change is written, then announced as agent:status. Shared by all event-loop threads.
class Presence {
 public:
  explicit Presence(EventBus& events) : events_(events) {}
  boost::asio::awaitable<void> connected(const auth::Identity& agent, db::Database& db);
  boost::asio::awaitable<void> disconnected(const auth::Identity& agent, db::Database& db);
  boost::asio::awaitable<void> heartbeat(const auth::Identity& agent, db::Database& db);

 private:
  boost::asio::awaitable<void> set_status(const auth::Identity& agent, db::Database& db, const char* status);
  EventBus& events_;
  std::mutex mutex_;
  std::unordered_map<std::string, int> connections_;
};

}  // namespace agenthq::realtime
